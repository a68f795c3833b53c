"""Loads tiktoken offline from the vocabulary files shipped in Sources/Tokenizer/Vocabularies.

tiktoken caches a downloaded vocabulary under the SHA-1 hex of its URL in TIKTOKEN_CACHE_DIR; this module
copies the package's files there (after checking their SHA-256) so no network is needed.
"""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
VOCABULARIES = PACKAGE_ROOT / "Sources" / "Tokenizer" / "Vocabularies"
URL = "https://openaipublic.blob.core.windows.net/encodings/{}.tiktoken"
SHA256 = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
TIKTOKEN_VERSION = "0.14.0"


def get_encoding(name):
    """tiktoken's encoding `name`, loaded from the package's vocabulary file."""
    cache = Path(os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(Path(tempfile.gettempdir()) / "tunedata-tiktoken")))
    cache.mkdir(parents=True, exist_ok=True)
    for encoding, digest in SHA256.items():
        source = VOCABULARIES / f"{encoding}.tiktoken"
        actual = hashlib.sha256(source.read_bytes()).hexdigest()
        if actual != digest:
            raise SystemExit(f"{source}: SHA-256 {actual}, expected {digest}")
        target = cache / hashlib.sha1(URL.format(encoding).encode()).hexdigest()
        if not target.exists():
            shutil.copyfile(source, target)
    try:
        import tiktoken
    except ImportError:
        raise SystemExit(f"tiktoken is not installed: pip install tiktoken=={TIKTOKEN_VERSION}")

    if tiktoken.__version__ != TIKTOKEN_VERSION:
        print(f"warning: tiktoken {tiktoken.__version__}, expectations were recorded with {TIKTOKEN_VERSION}")
    return tiktoken.get_encoding(name)
