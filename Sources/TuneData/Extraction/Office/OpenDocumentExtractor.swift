import Foundation

/// Extracts an OpenDocument text (`.odt`): paragraphs, headings by outline level, list numbering,
/// tables as rows, notes as footnote blocks, tracked changes accepted.
///
/// Deleted text lives in the `text:tracked-changes` region and is skipped; inserted text is inline
/// and kept. Annotations (comments) and hidden text are left out. The title comes from `meta.xml`.
struct OpenDocumentExtractor: Extractor {
    let format = DocumentFormat.odt
    let extensions: Set<String> = ["odt", "ott"]
    var readsBinary: Bool { true }

    init() {}

    /// OpenDocument stores an uncompressed `mimetype` entry first, so its value is in the clear.
    func sniff(_ head: Data) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04])
            && head.prefix(128).firstRange(of: Data("application/vnd.oasis.opendocument.text".utf8)) != nil
    }

    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        var archive = try OfficeArchive(data, limit: options.maxFileBytes)
        guard let content = try archive.read("content.xml") else {
            throw .corrupt("no content.xml inside (not an OpenDocument file)")
        }
        let root = try OfficeXML.parse(content, part: "content.xml")
        var listStyles = OpenDocumentListStyles()
        if let styles = try archive.read("styles.xml") {
            listStyles.add(try OfficeXML.parse(styles, part: "styles.xml"))
        }
        listStyles.add(root)
        guard let text = root.descendant(["office:body", "office:text"]) else {
            throw .corrupt("content.xml has no office:text (not a text document)")
        }
        var writer = OpenDocumentBlockWriter(listStyles: listStyles)
        writer.write(text)
        let blocks = writer.blocks
        if blocks.isEmpty { throw .empty }
        var metadata: [String: String] = [:]
        if let meta = try archive.read("meta.xml"), let parsed = try? OfficeXML.parse(meta, part: "meta.xml"),
            let values = parsed.child("office:meta")
        {
            for (element, key) in [("dc:title", "title"), ("meta:initial-creator", "author"), ("dc:date", "modified")] {
                let value = TextNormalization.normalizeInline(values.child(element)?.text ?? "")
                if !value.isEmpty { metadata[key] = value }
            }
        }
        return Document(
            id: source.documentID, source: source.displayPath, format: format,
            title: OpeningTitle.usableMetadataTitle(metadata["title"]) ?? OpeningTitle.title(in: blocks),
            metadata: metadata.filter { $0.key != "title" }, blocks: blocks)
    }
}

/// List and outline numbering styles of an OpenDocument file (`text:list-style`, `text:outline-style`).
struct OpenDocumentListStyles {
    struct Level: Sendable {
        var format = ListNumberFormat.none
        var prefix = ""
        var suffix = ""
        var start = 1
        /// How many levels the label shows, ending at this one ("1.2.3" shows 3).
        var displayLevels = 1
    }

    private(set) var lists: [String: [Int: Level]] = [:]
    private(set) var outline: [Int: Level] = [:]

    mutating func add(_ root: XMLElement) {
        var pending = [root]
        while let element = pending.popLast() {
            switch element.name {
            case "text:list-style":
                if let name = element.attributes["style:name"] { lists[name] = Self.levels(element) }
            case "text:outline-style": outline = Self.levels(element)
            default: pending += element.elements
            }
        }
    }

    private static func levels(_ style: XMLElement) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for element in style.elements {
            guard let number = element.attributes["text:level"].flatMap(Int.init) else { continue }
            var level = Level()
            if element.name == "text:list-level-style-number" || element.name == "text:outline-level-style" {
                level.format = ListNumberFormat(openDocument: element.attributes["style:num-format"])
                level.prefix = element.attributes["style:num-prefix"] ?? ""
                level.suffix = element.attributes["style:num-suffix"] ?? ""
                level.start = element.attributes["text:start-value"].flatMap(Int.init) ?? 1
                level.displayLevels = element.attributes["text:display-levels"].flatMap(Int.init) ?? 1
            }
            levels[number - 1] = level
        }
        return levels
    }

    /// The label of `level` given the counters, or "" when the level is not numbered.
    static func label(_ levels: [Int: Level], level: Int, counters: ListCounters) -> String {
        guard let current = levels[level], current.format != .none else { return "" }
        let first = max(0, level - current.displayLevels + 1)
        let numbers = (first...level).map { index in
            let definition = levels[index] ?? Level()
            let format = definition.format == .none ? ListNumberFormat.decimal : definition.format
            return format.format(counters.value(index, start: definition.start))
        }
        return current.prefix + numbers.joined(separator: ".") + current.suffix
    }
}

/// Turns `office:text` into blocks.
struct OpenDocumentBlockWriter {
    var listStyles: OpenDocumentListStyles
    private(set) var blocks: [Block] = []
    private var listCounters: [String: ListCounters] = [:]
    private var outlineCounters = ListCounters()
    private var noteCount = 0

    init(listStyles: OpenDocumentListStyles) {
        self.listStyles = listStyles
    }

    /// Block-level content: headings, paragraphs, lists, tables, sections.
    mutating func write(_ container: XMLElement) {
        for element in container.elements {
            switch element.name {
            case "text:p": writeParagraph(element, kind: .paragraph, label: "")
            case "text:h":
                let level = max(1, element.attributes["text:outline-level"].flatMap(Int.init) ?? 1)
                outlineCounters.advance(level - 1, start: listStyles.outline[level - 1]?.start ?? 1)
                let label = OpenDocumentListStyles.label(
                    listStyles.outline, level: level - 1, counters: outlineCounters)
                writeParagraph(element, kind: .heading(level: level), label: label)
            case "text:list": writeList(element, style: element.attributes["text:style-name"], depth: 0)
            case "table:table": writeTable(element)
            case "text:section", "table:table-row-group", "table:table-rows", "table:table-header-rows":
                write(element)
            default: break  // text:tracked-changes (deleted text), sequence declarations, forms
            }
        }
    }

    private mutating func writeList(_ list: XMLElement, style: String?, depth: Int) {
        let name = style ?? ""
        if depth == 0, list.attributes["text:continue-numbering"] != "true",
            list.attributes["text:continue-list"] == nil
        {
            listCounters[name] = ListCounters()
        }
        let levels = listStyles.lists[name] ?? [:]
        for item in list.elements where item.name == "text:list-item" || item.name == "text:list-header" {
            var counters = listCounters[name] ?? ListCounters()
            if item.name == "text:list-item" {
                if let restart = item.attributes["text:start-value"].flatMap(Int.init) {
                    counters.restart(depth, at: restart)
                }
                counters.advance(depth, start: levels[depth]?.start ?? 1)
            }
            listCounters[name] = counters
            let label =
                item.name == "text:list-item"
                ? OpenDocumentListStyles.label(levels, level: depth, counters: counters) : ""
            var first = true
            for child in item.elements {
                switch child.name {
                case "text:p", "text:h":
                    writeParagraph(child, kind: .listItem, label: first ? label : "")
                    first = false
                case "text:list":
                    writeList(child, style: child.attributes["text:style-name"] ?? style, depth: depth + 1)
                default: break
                }
            }
        }
    }

    private mutating func writeTable(_ table: XMLElement) {
        var rows: [XMLElement] = []
        var pending = table.elements
        while !pending.isEmpty {
            let element = pending.removeFirst()
            if element.name == "table:table-row" {
                rows.append(element)
            } else if element.name.hasPrefix("table:table-") && element.name.hasSuffix("s")
                || element.name == "table:table-row-group"
            {
                pending.insert(contentsOf: element.elements, at: 0)
            }
        }
        for row in rows {
            var cells: [String] = []
            for cell in row.elements where cell.name == "table:table-cell" {
                var inner = OpenDocumentBlockWriter(listStyles: listStyles)
                inner.write(cell)
                let text = inner.blocks.filter { $0.kind != .footnote }.map(\.text).joined(separator: " ")
                if !text.isEmpty { cells.append(text) }
            }
            if !cells.isEmpty { blocks.append(Block(kind: .tableRow, text: cells.joined(separator: " | "))) }
        }
    }

    private mutating func writeParagraph(_ element: XMLElement, kind: BlockKind, label: String) {
        var text = ""
        var notes: [String] = []
        Self.read(element, into: &text, notes: &notes)
        let normalized = TextNormalization.normalizeInline(label.isEmpty ? text : label + " " + text)
        if !TextNormalization.normalizeInline(text).isEmpty { blocks.append(Block(kind: kind, text: normalized)) }
        for note in notes {
            noteCount += 1
            blocks.append(Block(kind: .footnote, text: "\(noteCount) \(note)"))
        }
    }

    /// The visible inline text of a paragraph; notes are collected, not inlined.
    private static func read(_ element: XMLElement, into text: inout String, notes: inout [String]) {
        for child in element.children {
            switch child {
            case .text(let value): text += value
            case .element(let inner):
                switch inner.name {
                case "text:s": text += String(repeating: " ", count: inner.attributes["text:c"].flatMap(Int.init) ?? 1)
                case "text:tab", "text:line-break": text += " "
                case "text:note":
                    var body = ""
                    var nested: [String] = []
                    if let content = inner.child("text:note-body") {
                        for paragraph in content.elements { read(paragraph, into: &body, notes: &nested) }
                    }
                    let normalized = TextNormalization.normalizeInline(body)
                    if !normalized.isEmpty { notes.append(normalized) }
                case "text:span", "text:a", "text:meta", "text:ruby", "text:ruby-base":
                    read(inner, into: &text, notes: &notes)
                // office:annotation (comments), text:hidden-text, text:change marks, bookmarks.
                default: break
                }
            }
        }
    }
}
