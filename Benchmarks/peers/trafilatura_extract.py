#!/usr/bin/env python3
"""trafilatura's extraction alone over gzipped HTML pages, one process (fast mode unless --fallbacks)."""
import gzip
import sys

import trafilatura

fallbacks = "--fallbacks" in sys.argv
paths = [p for p in sys.argv[1:] if not p.startswith("--")]
for path in paths:
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as handle:
        html = handle.read()
    trafilatura.extract(html, fast=not fallbacks, include_comments=False)
