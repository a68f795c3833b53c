"""Legal DOCX and ODT fixtures written by hand as XML, each with the text a reader sees.

Every fixture is (file name, bytes, truth): the truth is what Word or LibreOffice shows after
"accept all changes", without comments or hidden text, list numbers as displayed, footnotes included.
"""
import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zipped(parts, stored_first=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, text) in enumerate(parts):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), text, compress_type=method)
    return buffer.getvalue()


def p(text, style=None, num=None, level=None, runs=None):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += "<w:numPr>" + (f'<w:ilvl w:val="{level}"/>' if level is not None else "") + f'<w:numId w:val="{num}"/></w:numPr>'
    body = runs if runs is not None else f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return "<w:p>" + (f"<w:pPr>{props}</w:pPr>" if props else "") + body + "</w:p>"


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

STYLES = f"""<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"""

NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/><w:pStyle w:val="Heading1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="Section %1.%2"/><w:pStyle w:val="Heading2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def docx(title, paragraphs, footnotes=""):
    body = "".join(paragraphs)
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
    )
    notes = (
        f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f"{footnotes}</w:footnotes>"
    )
    return zipped([
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'),
        ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING), ("word/footnotes.xml", notes),
        ("docProps/core.xml", core),
    ])


def licence():
    parts, truth = [], []

    def add(xml, text):
        parts.append(xml)
        truth.append(text)

    add(p("Software Licence Agreement", style="Title"), "Software Licence Agreement")
    add(p("This Agreement is made between Acme B.V. (the Licensor) and Beta L.L.C. (the Licensee)."),
        "This Agreement is made between Acme B.V. (the Licensor) and Beta L.L.C. (the Licensee).")
    articles = [("Definitions", ["Interpretation", "Defined Terms"]), ("Grant of Licence", ["Scope", "Restrictions"]),
                ("Fees and Payment", ["Fees", "Late Payment"]), ("Term and Termination", ["Term", "Termination for Breach"])]
    roman = ["I", "II", "III", "IV"]
    for a, (heading, sections) in enumerate(articles):
        add(p(heading, style="Heading1"), f"Article {roman[a]} {heading}")
        for s, section in enumerate(sections):
            add(p(section, style="Heading2"), f"Section {a + 1}.{s + 1} {section}")
            sentence = f"The Licensee shall comply with the obligations in this {section.lower()} provision at all times"
            add(p(sentence + ":", num=1, level=2), f"(a) {sentence}:")
            add(p("unless the Licensor agrees otherwise in writing;", num=1, level=3),
                "(i) unless the Licensor agrees otherwise in writing;")
            add(p("subject to applicable law; and", num=1, level=3), "(ii) subject to applicable law; and")
            add(p("within thirty days of notice.", num=1, level=2), "(b) within thirty days of notice.")
    # Tracked changes, a comment and hidden text in one paragraph; a footnote after it.
    runs = ('<w:r><w:t xml:space="preserve">The fee is </w:t></w:r><w:del w:id="1" w:author="Counsel" w:date="2026-11-30T10:00:00Z"><w:r><w:delText>ten</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="Counsel" w:date="2026-11-30T10:00:00Z"><w:r><w:t>twenty</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> internal draft note</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> thousand euros per year.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r>')
    add(p("", runs=runs), "The fee is twenty thousand euros per year.")
    truth.append("1 Excluding value added tax.")
    add(p("Payment steps:"), "Payment steps:")
    for index, step in enumerate(["issue the invoice", "approve the invoice", "pay the invoice"]):
        add(p(step, num=2, level=0), f"{index + 1}. {step}")
    add(p("Termination steps:"), "Termination steps:")
    for index, step in enumerate(["give notice", "return the software"]):
        add(p(step, num=3, level=0), f"{index + 1}. {step}")
    table = ("<w:tbl>" + "".join(
        f"<w:tr><w:tc>{p(a)}</w:tc><w:tc>{p(b)}</w:tc></w:tr>"
        for a, b in [("Party", "Address"), ("Acme B.V.", "1 Main Street, Amsterdam"), ("Beta L.L.C.", "2 Side Road, Dover")]
    ) + "</w:tbl>")
    parts.append(table)
    truth += ["Party | Address", "Acme B.V. | 1 Main Street, Amsterdam", "Beta L.L.C. | 2 Side Road, Dover"]
    footnotes = f'<w:footnote w:id="1">{p("Excluding value added tax.")}</w:footnote>'
    return "licence.docx", docx("Software Licence Agreement", parts, footnotes), "\n\n".join(truth)


def services_odt():
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
    styles = ('<text:list-style style:name="L1">'
              '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
              '<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>'
              '</text:list-style>')
    body, truth = [], []
    body.append('<text:h text:outline-level="1">Services Agreement</text:h>')
    truth.append("Services Agreement")
    body.append("<text:p>The Supplier shall perform the Services described below with reasonable skill and care.</text:p>")
    truth.append("The Supplier shall perform the Services described below with reasonable skill and care.")
    items = []
    for index, service in enumerate(["hosting of the platform", "support during business hours", "monthly reporting"]):
        subs = ["within the agreed service levels", "at the fees in the Schedule"]
        inner = "".join(f"<text:list-item><text:p>{s}</text:p></text:list-item>" for s in subs)
        items.append(f"<text:list-item><text:p>{service}</text:p><text:list>{inner}</text:list></text:list-item>")
        truth.append(f"{index + 1}. {service}")
        truth += [f"({'ab'[k]}) {s}" for k, s in enumerate(subs)]
    body.append('<text:list text:style-name="L1">' + "".join(items) + "</text:list>")
    body.append('<text:p>Invoices are payable in <text:change text:change-id="c1"/>thirty days.'
                '<office:annotation><text:p>check with finance</text:p></office:annotation>'
                '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                '<text:note-body><text:p>From the date of receipt.</text:p></text:note-body></text:note></text:p>')
    truth += ["Invoices are payable in thirty days.", "1 From the date of receipt."]
    tracked = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
               '<text:p>sixty</text:p></text:deletion></text:changed-region></text:tracked-changes>')
    content = (f'<office:document-content {ns}><office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:text>{tracked}{"".join(body)}</office:text></office:body></office:document-content>')
    meta = (f'<office:document-meta {ns}><office:meta><dc:title>Services Agreement</dc:title></office:meta>'
            "</office:document-meta>")
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    styles_part = f'<office:document-styles {ns} office:version="1.3"><office:styles/></office:document-styles>'
    data = zipped([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content),
                   ("styles.xml", styles_part), ("meta.xml", meta), ("META-INF/manifest.xml", manifest)],
                  stored_first=True)
    return "services.odt", data, "\n\n".join(truth)


def all_fixtures():
    return [licence(), services_odt()]
