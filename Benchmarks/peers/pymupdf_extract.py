#!/usr/bin/env python3
"""PyMuPDF text extraction over PDF files, one process: the peer a Python user would pick."""
import sys

import pymupdf

pages = 0
for path in sys.argv[1:]:
    try:
        with pymupdf.open(path) as document:
            for page in document:
                page.get_text()
                pages += 1
    except Exception as error:  # a broken file must not stop the peer either
        print(f"{path}: {error}", file=sys.stderr)
print(pages, file=sys.stderr)
