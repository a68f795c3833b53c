import Foundation

/// Extracts a Word document (`.docx`, WordprocessingML): paragraphs, headings from styles and
/// outline levels, list numbering as Word shows it, tables as rows, footnotes and endnotes.
///
/// Tracked changes read as accepted, comments and hidden text are left out (see ``WordRuns``);
/// numbering is replayed from `numbering.xml` (``WordNumbering``); the title comes from the core
/// properties (`docProps/core.xml`), else from the opening lines. The container is read with
/// every part's inflated size capped (``OfficeArchive``) and the XML without entities or DTDs
/// (``OfficeXML``).
struct WordExtractor: Extractor {
    let format = DocumentFormat.docx
    let extensions: Set<String> = ["docx", "docm", "dotx"]
    var readsBinary: Bool { true }

    init() {}

    /// A ZIP whose first entries name a `word/` part (Word writes `[Content_Types].xml`, `_rels/`
    /// and `word/` first, with their names stored in the clear).
    func sniff(_ head: Data) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04]) && head.firstRange(of: Data("word/".utf8)) != nil
    }

    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        var archive = try OfficeArchive(data, limit: options.maxFileBytes)
        let mainPart = try Self.mainPart(in: &archive)
        guard let body = try archive.read(mainPart) else {
            throw .corrupt("no \(mainPart) inside (not a Word document)")
        }
        let document = try OfficeXML.parse(body, part: mainPart)
        let styles = try archive.read("word/styles.xml").map { data throws(ExtractionError) in
            WordStyles(try OfficeXML.parse(data, part: "word/styles.xml"))
        }
        let numbering = try archive.read("word/numbering.xml").map { data throws(ExtractionError) in
            WordNumbering(try OfficeXML.parse(data, part: "word/numbering.xml"))
        }
        var notes: [String: [String: XMLElement]] = [:]
        for kind in ["footnote", "endnote"] {
            let part = "word/\(kind)s.xml"
            guard let data = try archive.read(part) else { continue }
            let root = try OfficeXML.parse(data, part: part)
            for note in root.elements where note.name == "w:\(kind)" && note.attributes["w:type"] == nil {
                if let id = note.attributes["w:id"] { notes[kind, default: [:]][id] = note }
            }
        }
        var writer = WordBlockWriter(
            styles: styles ?? WordStyles(), numbering: numbering ?? WordNumbering(), notes: notes)
        guard let content = document.child("w:body") else { throw .corrupt("\(mainPart) has no w:body") }
        writer.write(content)
        let blocks = writer.blocks
        if blocks.isEmpty { throw .empty }
        let properties = try archive.read("docProps/core.xml").flatMap { data throws(ExtractionError) in
            try? OfficeXML.parse(data, part: "docProps/core.xml")
        }
        let metadata = Self.metadata(properties)
        return Document(
            id: source.documentID, source: source.displayPath, format: format,
            title: OpeningTitle.usableMetadataTitle(metadata["title"]) ?? OpeningTitle.title(in: blocks),
            metadata: metadata.filter { $0.key != "title" }, blocks: blocks)
    }

    /// The main document part named by the package relationships, `word/document.xml` by default.
    static func mainPart(in archive: inout OfficeArchive) throws(ExtractionError) -> String {
        guard let data = try archive.read("_rels/.rels"), let root = try? OfficeXML.parse(data, part: "_rels/.rels")
        else { return "word/document.xml" }
        for relationship in root.elements where relationship.attributes["Type"]?.hasSuffix("/officeDocument") == true {
            if var target = relationship.attributes["Target"] {
                while target.hasPrefix("/") { target.removeFirst() }
                return target
            }
        }
        return "word/document.xml"
    }

    /// Title, author and dates from the core properties.
    static func metadata(_ properties: XMLElement?) -> [String: String] {
        guard let properties else { return [:] }
        var values: [String: String] = [:]
        let keys = [
            ("dc:title", "title"), ("dc:creator", "author"), ("dcterms:created", "date"),
            ("dcterms:modified", "modified"), ("dc:language", "language"),
        ]
        for (element, key) in keys {
            let value = TextNormalization.normalizeInline(properties.child(element)?.text ?? "")
            if !value.isEmpty { values[key] = value }
        }
        return values
    }
}
