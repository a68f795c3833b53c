#!/usr/bin/env python3
"""Generates the PDF samples and test fixtures of tunedata from our own text.

Writes, relative to the package root:
  corpus-samples/services-agreement.pdf            4-page agreement (running header, page numbers,
                                                    two-column page, hyphenated breaks, footnote)
  corpus-samples/services-agreement.expected.json  the blocks a faithful extractor returns
  Tests/TuneDataTests/Fixtures/pdf/agreement.pdf   the same agreement
  Tests/TuneDataTests/Fixtures/pdf/agreement.expected.json
  Tests/TuneDataTests/Fixtures/pdf/agreement-output-intent.pdf
                                                    the same plus a PDF/A-style /OutputIntents with an
                                                    ICC profile, added as an incremental update
  Tests/TuneDataTests/Fixtures/pdf/encrypted.pdf   AES-256, user password "secret" (needs qpdf)
  Tests/TuneDataTests/Fixtures/pdf/image-only.pdf  one page, an image and no text
  Tests/TuneDataTests/Fixtures/pdf/mixed-image.pdf three pages, the middle one image-only
  Tests/TuneDataTests/Fixtures/pdf/three-columns.pdf  one page: a title, two bands of three columns
  Tests/TuneDataTests/Fixtures/pdf/three-columns.expected.json  separated by a full-width paragraph;
                                                    the block texts in reading order

Needs pycairo (pip install pycairo) and qpdf (apt-get install -y qpdf). Run from anywhere:
  python3 corpus-samples/make_pdfs.py                 # everything
  python3 corpus-samples/make_pdfs.py three-columns   # only the three-column fixture
"""
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

import cairo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "TuneDataTests", "Fixtures", "pdf")
SAMPLES = os.path.join(ROOT, "corpus-samples")

PAGE_W, PAGE_H = 612.0, 792.0  # US Letter, points
MARGIN_X, TOP, BOTTOM = 72.0, 96.0, 712.0
BODY_SIZE, LEADING = 10.5, 14.0
HEADER = "Master Services Agreement \u2014 Acme Analytics Ltd. and Borealis Freight B.V."

# The document, in reading order. Each item: (kind, text, options).
# kinds: title, h1, h2, para, item, footnote, columns (starts two-column layout), page (page break)
DOCUMENT = [
    ("title", "MASTER SERVICES AGREEMENT", {}),
    ("para", "This Master Services Agreement (the \u201cAgreement\u201d) is entered into as of 3 March 2025 "
     "(the \u201cEffective Date\u201d) by and between Acme Analytics Ltd., a company incorporated in England "
     "and Wales, and Borealis Freight B.V., a private limited company incorporated in the Netherlands "
     "(each a \u201cParty\u201d and together the \u201cParties\u201d).", {}),
    ("h1", "ARTICLE I DEFINITIONS", {}),
    ("para", "In this Agreement the following capitalised terms have the meanings set out below, and "
     "the singular includes the plural. Headings are for convenience only and do not affect the "
     "interpretation of any provision.", {}),
    ("h2", "Section 1.01 Business Day", {}),
    ("para", "\u201cBusiness Day\u201d means a day other than a Saturday, a Sunday or a public holiday on "
     "which commercial banks are open for general business in Amsterdam and London.", {"note": "1"}),
    ("h2", "Section 1.02 Deliverables", {}),
    ("para", "\u201cDeliverables\u201d means all documents, reports, software, data and other materials "
     "that the Supplier prepares for the Customer under a Statement of Work, including any "
     "modifications, enhancements and derivative works of them, whether in draft or final form, and "
     "whether delivered electronically, on physical media or by any other means of communication agreed "
     "between the Parties in writing from time to time during the term of this Agreement and of each "
     "Statement of Work entered into under it.", {}),
    ("footnote", "1 Public holidays are determined by the calendar published by each Party\u2019s "
     "national government.", {}),
    ("page", "", {}),
    ("h1", "ARTICLE II SERVICES", {}),
    ("h2", "Section 2.01 Scope of Services", {}),
    ("para", "The Supplier shall provide the services described in each Statement of Work with "
     "reasonable skill, care and diligence, in accordance with good industry practice and with the "
     "service levels set out in Schedule 2. The Customer grants the Supplier a non-exclusive licence "
     "to use the Customer materials solely for the purpose of performing the Services.", {"hyphen_at": "non-exclusive"}),
    ("h2", "Section 2.02 Subcontracting", {}),
    ("para", "The Supplier may not subcontract any of its obligations without the prior written consent "
     "of the Customer, which shall not be unreasonably withheld. The Supplier remains responsible for "
     "all acts and omissions of its subcontractors as if they were its own.", {}),
    ("item", "(a) each subcontractor shall be bound by written obligations of confidentiality no less "
     "protective than those in Article IV;", {}),
    ("item", "(b) the Supplier shall maintain a current list of subcontractors and provide it on request; and", {}),
    ("item", "(c) any non-exclusive subcontract shall terminate automatically with this Agreement.", {}),
    ("h1", "ARTICLE III FEES AND PAYMENT", {}),
    ("h2", "Section 3.01 Invoices", {}),
    ("para", "The Supplier shall invoice the Customer monthly in arrears. Each invoice is payable within "
     "thirty (30) days of receipt, provided that the invoice is correctly addressed and accompanied by "
     "the supporting documentation reasonably required by the Customer.", {}),
    ("h2", "Section 3.02 Late Payment", {}),
    ("para", "Interest accrues on any overdue amount at the statutory commercial rate from the due date "
     "until the date of actual payment, whether before or after judgment. The Parties acknowledge that "
     "this remedy is a substantial remedy for late payment of sums due under this Agreement.", {}),
    ("page", "", {}),
    ("h1", "ARTICLE IV CONFIDENTIALITY", {}),
    ("columns", "", {}),
    ("h2", "4.1 Obligations", {}),
    ("para", "Each Party shall keep confidential all information disclosed by the other Party that is "
     "marked as confidential or that would reasonably be regarded as confidential, and shall use it "
     "only to perform its obligations under this Agreement.", {}),
    ("para", "Neither Party shall disclose such information to any third party except to its employees, "
     "professional advisers and subcontractors who need to know it and who are bound by equivalent "
     "obligations.", {}),
    ("colbreak", "", {}),
    ("h2", "4.2 Exceptions", {}),
    ("para", "The obligations in Section 4.1 do not apply to information that is or becomes publicly "
     "available other than through a breach of this Agreement, or that the receiving Party can show "
     "was independently developed without reference to the disclosing Party\u2019s information.", {}),
    ("h2", "4.3 Duration", {}),
    ("para", "The obligations in this Article survive termination of this Agreement for a period of "
     "five years, and indefinitely in respect of trade secrets and personal data.", {}),
    ("endcolumns", "", {}),
    ("page", "", {}),
    ("h1", "ARTICLE V TERM AND TERMINATION", {}),
    ("h2", "Section 5.01 Term", {}),
    ("para", "This Agreement commences on the Effective Date and continues for an initial term of three "
     "years, after which it renews automatically for successive periods of one year unless either "
     "Party gives written notice of non-renewal at least ninety (90) days before the end of the then "
     "current term.", {}),
    ("h2", "Section 5.02 Termination for Cause", {}),
    ("para", "Either Party may terminate this Agreement with immediate effect by written notice if the "
     "other Party commits a material breach which is irremediable or, if remediable, is not remedied "
     "within thirty (30) days after receipt of a notice specifying the breach.", {}),
    ("h2", "Section 5.03 Governing Law", {}),
    ("para", "This Agreement and any dispute arising out of it are governed by the laws of the "
     "Netherlands, and the courts of Amsterdam have exclusive jurisdiction.", {}),
]


def font(ctx, bold=False, size=BODY_SIZE):
    ctx.select_font_face("DejaVu Serif", cairo.FONT_SLANT_NORMAL,
                         cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    ctx.set_font_size(size)


def width(ctx, text):
    return ctx.text_extents(text).x_advance


def wrap(ctx, text, max_width, first_prefix_width=0.0, hyphen_at=None):
    """Greedy line breaking; long words that do not fit are hyphenated at the longest prefix that
    fits (at least 3 letters each side); a word named in hyphen_at breaks at its own hyphen."""
    words = text.split(" ")
    lines, current = [], ""
    i = 0
    while i < len(words):
        word = words[i]
        if hyphen_at and word.startswith(hyphen_at) and current:
            # break at this word's own hyphen, wherever it falls
            head, tail = word.split("-", 1)
            lines.append(current + " " + head + "-")
            current = ""
            words[i] = tail
            hyphen_at = None
            continue
        candidate = word if not current else current + " " + word
        if width(ctx, candidate) <= max_width:
            current = candidate
            i += 1
            continue
        # does not fit: try to break the word
        pieces = None
        if re.fullmatch(r"[a-z]{7,}[,.;]?", word):
            letters = word.rstrip(",.;")
            for cut in range(len(letters) - 3, 2, -1):
                head = letters[:cut] + "-"
                if width(ctx, (current + " " if current else "") + head) <= max_width:
                    pieces = (head, word[cut:])
                    break
        if pieces:
            lines.append((current + " " if current else "") + pieces[0])
            current = ""
            words[i] = pieces[1]
            continue
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    return lines


class Writer:
    """Lays the document out page by page, recording what a faithful extractor should return."""

    def __init__(self, path, page_total):
        self.surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
        self.surface.set_metadata(cairo.PDF_METADATA_TITLE, "Master Services Agreement")
        self.surface.set_metadata(cairo.PDF_METADATA_AUTHOR, "Acme Analytics Ltd.")
        self.surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2025-03-03T10:00:00Z")
        self.surface.set_metadata(cairo.PDF_METADATA_MOD_DATE, "2025-03-04T09:30:00Z")
        self.ctx = cairo.Context(self.surface)
        self.page_total = page_total
        self.page = 1
        self.y = TOP
        self.x0, self.col_width = MARGIN_X, PAGE_W - 2 * MARGIN_X
        self.columns = None  # (top y, current column index)
        self.footnotes = []
        self.expected = []
        self.decorate()

    def decorate(self):
        ctx = self.ctx
        ctx.set_source_rgb(0, 0, 0)
        font(ctx, size=8.5)
        ctx.move_to(MARGIN_X, 48)
        ctx.show_text(HEADER)
        label = f"Page {self.page} of {self.page_total}"
        ctx.move_to((PAGE_W - width(ctx, label)) / 2, 752)
        ctx.show_text(label)

    def new_page(self):
        self.flush_footnotes()
        self.ctx.show_page()
        self.page += 1
        self.y = TOP
        self.decorate()

    def flush_footnotes(self):
        if not self.footnotes:
            return
        ctx = self.ctx
        font(ctx, size=8)
        lines = []
        for text in self.footnotes:
            lines += wrap(ctx, text, PAGE_W - 2 * MARGIN_X)
        y = BOTTOM - 4 - (len(lines) - 1) * 10
        ctx.set_line_width(0.5)
        ctx.move_to(MARGIN_X, y - 12)
        ctx.line_to(MARGIN_X + 144, y - 12)
        ctx.stroke()
        for line in lines:
            ctx.move_to(MARGIN_X, y)
            ctx.show_text(line)
            y += 10
        self.footnotes = []

    def line(self, text, bold=False, size=BODY_SIZE, x_offset=0.0, note=None):
        if self.y > BOTTOM - 60 and self.columns is None:
            self.new_page()
        ctx = self.ctx
        font(ctx, bold, size)
        ctx.move_to(self.x0 + x_offset, self.y)
        ctx.show_text(text)
        if note:
            font(ctx, size=6.5)
            ctx.rel_move_to(0.5, -4)
            ctx.show_text(note)
        self.y += LEADING if size <= BODY_SIZE else size * 1.5

    def block(self, kind, text, options):
        ctx = self.ctx
        if kind == "page":
            self.new_page()
            return
        if kind == "columns":
            self.columns = (self.y, 0)
            self.col_width = (PAGE_W - 2 * MARGIN_X - 24) / 2
            return
        if kind == "colbreak":
            self.columns = (self.columns[0], 1)
            self.x0 = MARGIN_X + self.col_width + 24
            self.y = self.columns[0]
            return
        if kind == "endcolumns":
            self.columns = None
            self.x0, self.col_width = MARGIN_X, PAGE_W - 2 * MARGIN_X
            return
        if kind == "footnote":
            self.footnotes.append(text)
            self.expected.append({"kind": "footnote", "text": text, "page": self.page})
            return
        if kind == "title":
            self.line(text, bold=True, size=16, x_offset=(self.col_width - self.measure(text, True, 16)) / 2)
            self.y += 6
            self.expected.append({"kind": "heading", "level": 1, "text": text, "page": self.page})
            return
        if kind in ("h1", "h2"):
            self.y += 4
            self.line(text, bold=True, size=12 if kind == "h1" else BODY_SIZE)
            self.y += 2
            level = 1 if kind == "h1" else 2
            if kind == "h2" and re.match(r"\d+\.\d+ ", text):
                level = 3
            self.expected.append({"kind": "heading", "level": level, "text": text, "page": self.page})
            return
        indent = 18.0 if kind == "item" else 0.0
        font(ctx)
        lines = wrap(ctx, text, self.col_width - indent, hyphen_at=options.get("hyphen_at"))
        start_page = self.page
        for index, line in enumerate(lines):
            if self.columns and self.y > BOTTOM - 40 and self.columns[1] == 0:
                self.columns = (self.columns[0], 1)
                self.x0 = MARGIN_X + self.col_width + 24
                self.y = self.columns[0]
            note = options.get("note") if index == len(lines) - 1 else None
            self.line(line, x_offset=indent, note=note)
        self.y += 6
        self.expected.append({"kind": "list_item" if kind == "item" else "paragraph", "text": text,
                              "page": start_page})

    def measure(self, text, bold, size):
        font(self.ctx, bold, size)
        return width(self.ctx, text)

    def finish(self):
        self.flush_footnotes()
        self.surface.finish()


def write_agreement(path):
    writer = Writer(path, page_total=4)
    for kind, text, options in DOCUMENT:
        writer.block(kind, text, options)
    writer.finish()
    assert writer.page == 4, writer.page
    # The footnote is expected after the paragraph that was running when it was placed.
    expected = writer.expected
    return {"title": "Master Services Agreement", "author": "Acme Analytics Ltd.", "page_count": 4,
            "blocks": expected}


def icc_profile():
    """A minimal ICC v2 RGB display profile (sRGB primaries, gamma 2.2), enough for lcms2."""
    def s15(v):
        return struct.pack(">i", int(round(v * 65536)))

    def xyz(x, y, z):
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    desc_text = b"tunedata test RGB\0"
    desc = (b"desc" + b"\0" * 4 + struct.pack(">I", len(desc_text)) + desc_text
            + b"\0" * 8 + b"\0" * 3 + b"\0" * 67)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", b"curv" + b"\0" * 4 + struct.pack(">IH", 1, 0x0233) + b"\0\0"),
        (b"gTRC", b"curv" + b"\0" * 4 + struct.pack(">IH", 1, 0x0233) + b"\0\0"),
        (b"bTRC", b"curv" + b"\0" * 4 + struct.pack(">IH", 1, 0x0233) + b"\0\0"),
        (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test data\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        while len(data) % 4:
            data += b"\0"
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntr" + b"RGB "
              + b"XYZ " + struct.pack(">6H", 2025, 3, 3, 0, 0, 0) + b"acsp" + b"\0" * 4
              + b"\0" * 4 + b"\0" * 8 + b"\0" * 8 + b"\0" * 4
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def add_output_intent(source, target):
    """Appends an incremental update that gives the catalog an /OutputIntents array with an ICC
    DestOutputProfile, as PDF/A files carry; the original bytes stay untouched in front."""
    data = open(source, "rb").read()
    root = int(re.findall(rb"/Root (\d+) 0 R", data)[-1])
    catalog = re.search(rb"\n%d 0 obj\s*<<((?:(?!endobj).)*?)>>\s*endobj" % root, data, re.S)
    catalog_number, catalog_body = root, catalog.group(1)
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    info = re.findall(rb"/Info (\d+ 0 R)", data)
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    profile = icc_profile()
    profile_number, intent_number = size, size + 1
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets = {}
    offsets[profile_number] = len(out)
    out += b"%d 0 obj\n<< /N 3 /Length %d >>\nstream\n" % (profile_number, len(profile))
    out += profile + b"\nendstream\nendobj\n"
    offsets[intent_number] = len(out)
    out += (b"%d 0 obj\n<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB)"
            b" /DestOutputProfile %d 0 R >>\nendobj\n" % (intent_number, profile_number))
    offsets[catalog_number] = len(out)
    out += b"%d 0 obj\n<<%s /OutputIntents [%d 0 R] >>\nendobj\n" % (
        catalog_number, catalog_body.rstrip(), intent_number)
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    out += b"%d 1\n%010d 00000 n \n" % (catalog_number, offsets[catalog_number])
    out += b"%d 2\n%010d 00000 n \n%010d 00000 n \n" % (
        profile_number, offsets[profile_number], offsets[intent_number])
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d" % (size + 2, catalog_number, prev)
    if info:
        out += b" /Info " + info[-1]
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    open(target, "wb").write(bytes(out))


def write_image_pages(path, pattern):
    """pattern: a string of 't' (text page) and 'i' (image-only page)."""
    surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
    ctx = cairo.Context(surface)
    image = cairo.ImageSurface(cairo.FORMAT_RGB24, 120, 80)
    ictx = cairo.Context(image)
    for x in range(0, 120, 8):
        ictx.set_source_rgb((x % 24) / 24, 0.4, 0.7)
        ictx.rectangle(x, 0, 8, 80)
        ictx.fill()
    for number, kind in enumerate(pattern, start=1):
        if kind == "t":
            font(ctx)
            ctx.set_source_rgb(0, 0, 0)
            ctx.move_to(MARGIN_X, TOP)
            ctx.show_text(f"This page {number} carries a text layer with a complete sentence.")
        else:
            ctx.save()
            ctx.translate(MARGIN_X, TOP)
            ctx.scale(3, 3)
            ctx.set_source_surface(image, 0, 0)
            ctx.paint()
            ctx.restore()
        ctx.show_page()
    surface.finish()


# A newsletter page: full-width title and paragraphs around two bands of three columns.
THREE_COLUMNS = [
    ("full", "title", "MEMBERS COMPLIANCE BULLETIN"),
    ("full", "para", "This bulletin summarises the rule changes adopted by the board this quarter and the "
     "filing dates that follow from them for every member firm."),
    ("band", [
        [("head", "Reporting Deadlines"),
         ("para", "Quarterly returns are now due on the twentieth day after the end of each quarter."),
         ("para", "Late returns incur a fixed penalty unless an extension was granted in writing.")],
        [("head", "Client Money"),
         ("para", "Client money must be held in a designated trust account with an approved bank."),
         ("para", "Reconciliations are performed daily and signed by a senior manager.")],
        [("head", "Training Records"),
         ("para", "Each adviser completes twelve hours of accredited training in every calendar year."),
         ("para", "Records are kept for six years and produced to the inspector on request.")],
    ]),
    ("full", "para", "The second part of this bulletin lists the enforcement notices issued since the last "
     "edition and the guidance notes that replace earlier circulars."),
    ("band", [
        [("head", "Enforcement Notices"),
         ("para", "Two firms were fined for failing to segregate client money during the audit period.")],
        [("head", "Guidance Notes"),
         ("para", "Guidance note seven replaces the circular on outsourcing of compliance functions.")],
        [("head", "Next Edition"),
         ("para", "The next bulletin will be published after the annual general meeting in June.")],
    ]),
]


def write_three_columns(path):
    """One page with three columns; returns the block texts in reading order."""
    margin, gutter = 54.0, 18.0
    column_width = (PAGE_W - 2 * margin - 2 * gutter) / 3
    surface = cairo.PDFSurface(path, PAGE_W, PAGE_H)
    surface.set_metadata(cairo.PDF_METADATA_CREATE_DATE, "2025-03-03T10:00:00Z")
    ctx = cairo.Context(surface)
    ctx.set_source_rgb(0, 0, 0)
    expected = []
    y = 84.0

    def put(text, x, y, bold=False, size=BODY_SIZE):
        font(ctx, bold, size)
        ctx.move_to(x, y)
        ctx.show_text(text)

    for item in THREE_COLUMNS:
        if item[0] == "full":
            _, kind, text = item
            if kind == "title":
                font(ctx, True, 16)
                put(text, (PAGE_W - width(ctx, text)) / 2, y, True, 16)
                y += 34
            else:
                font(ctx)
                for line in wrap(ctx, text, PAGE_W - 2 * margin):
                    put(line, margin, y)
                    y += LEADING
                y += LEADING
            expected.append(text)
            continue
        bottom = y
        for index, column in enumerate(item[1]):
            x = margin + index * (column_width + gutter)
            cy = y
            for kind, text in column:
                font(ctx, kind == "head")
                for line in wrap(ctx, text, column_width):
                    put(line, x, cy, kind == "head")
                    cy += LEADING
                cy += LEADING * 0.8
                expected.append(text)
            bottom = max(bottom, cy)
        y = bottom + LEADING
    surface.finish()
    return {"blocks": expected}


def write_three_columns_fixture():
    path = os.path.join(FIXTURES, "three-columns.pdf")
    with open(os.path.join(FIXTURES, "three-columns.expected.json"), "w") as f:
        json.dump(write_three_columns(path), f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    if sys.argv[1:] == ["three-columns"]:
        write_three_columns_fixture()
        return
    write_three_columns_fixture()
    agreement = os.path.join(SAMPLES, "services-agreement.pdf")
    truth = write_agreement(agreement)
    for folder, name in ((SAMPLES, "services-agreement"), (FIXTURES, "agreement")):
        with open(os.path.join(folder, name + ".expected.json"), "w") as f:
            json.dump(truth, f, indent=1, ensure_ascii=False)
            f.write("\n")
    shutil.copyfile(agreement, os.path.join(FIXTURES, "agreement.pdf"))
    add_output_intent(agreement, os.path.join(FIXTURES, "agreement-output-intent.pdf"))
    subprocess.run(["qpdf", "--encrypt", "secret", "owner-secret", "256", "--",
                    agreement, os.path.join(FIXTURES, "encrypted.pdf")], check=True)
    write_image_pages(os.path.join(FIXTURES, "image-only.pdf"), "i")
    write_image_pages(os.path.join(FIXTURES, "mixed-image.pdf"), "tit")


if __name__ == "__main__":
    main()
