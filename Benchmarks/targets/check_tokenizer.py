#!/usr/bin/env python3
"""Cross-checks `tunedata tokens --tokenizer FILE` against Hugging Face `tokenizers` on byte-level BPE
tokenizers trained here (no download): GPT-2 style (ByteLevel pre-tokenizer) and Llama-3 style
(a Split regex, then ByteLevel without its own regex), each counted on every line of the texts given.

    python3 Benchmarks/targets/check_tokenizer.py [--binary .build/release/tunedata] [FILES...]

Prints, per tokenizer, how many texts were counted and how many counts differ (0 expected).
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

LLAMA3_SPLIT = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)


def build(kind, texts, path):
    from tokenizers import Regex, Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    if kind == "gpt2":
        tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    else:
        tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
            [
                pre_tokenizers.Split(Regex(LLAMA3_SPLIT), behavior="isolated"),
                pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
            ]
        )
    trainer = trainers.BpeTrainer(vocab_size=2000, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tokenizer.train_from_iterator(texts, trainer)
    tokenizer.save(path)
    return tokenizer


def sample_lines(folder="corpus-samples", files=None):
    """The non-blank lines of the folder's Markdown and HTML files (or of `files`), the texts counted."""
    files = files or sorted(glob.glob(os.path.join(folder, "*.md")) + glob.glob(os.path.join(folder, "*.html")))
    return [line for name in files for line in open(name, encoding="utf-8").read().split("\n") if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/tunedata")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    try:
        import tokenizers  # noqa: F401
    except ImportError:
        sys.exit("skipped: the tokenizers package does not install (pip install tokenizers)")
    texts = sample_lines(files=args.files)
    with tempfile.TemporaryDirectory() as scratch:
        for kind in ("gpt2", "llama3"):
            path = os.path.join(scratch, f"{kind}.json")
            reference = build(kind, texts, path)
            differ = 0
            for text in texts:
                ours = subprocess.run(
                    [args.binary, "tokens", "--tokenizer", path], input=text, capture_output=True, text=True
                )
                theirs = len(reference.encode(text).ids)
                if ours.returncode != 0 or int(ours.stdout.strip() or -1) != theirs:
                    differ += 1
                    if differ <= 3:
                        print(f"  {kind}: {theirs} vs {ours.stdout.strip() or ours.stderr.strip()}: {text[:60]!r}")
            print(f"{kind}: {len(texts)} texts, {differ} counts differ from tokenizers {tokenizers.__version__}")


if __name__ == "__main__":
    main()
