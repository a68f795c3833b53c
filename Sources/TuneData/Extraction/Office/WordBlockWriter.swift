/// Turns the body of a Word document into blocks, paragraph by paragraph, in reading order.
struct WordBlockWriter {
    var styles: WordStyles
    var numbering: WordNumbering
    /// Footnote and endnote content by kind and id.
    var notes: [String: [String: XMLElement]]
    private(set) var blocks: [Block] = []
    /// Notes numbered so far by kind, in order of first reference (Word's default numbering).
    private var noteNumbers: [String: [String: Int]] = [:]

    init(styles: WordStyles, numbering: WordNumbering, notes: [String: [String: XMLElement]]) {
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
    }

    /// Writes the block-level content of `container` (the body, a cell, a content control).
    mutating func write(_ container: XMLElement) {
        for element in container.elements {
            switch element.name {
            case "w:p":
                if let (block, references) = paragraph(element) {
                    blocks.append(block)
                    writeNotes(references)
                }
            case "w:tbl": writeTable(element)
            case "w:sdt", "w:sdtContent", "w:customXml", "w:ins", "w:moveTo": write(element)
            default: break  // w:sectPr, w:del, w:moveFrom, bookmarks
            }
        }
    }

    /// A paragraph as a block, with the notes it references; `nil` when it shows no text.
    private mutating func paragraph(_ element: XMLElement) -> (Block, [(kind: String, id: String)])? {
        let properties = element.child("w:pPr")
        let styleID = properties?.child("w:pStyle")?.attributes["w:val"] ?? styles.defaultParagraphStyle
        let style = styleID.map(styles.resolve) ?? WordStyles.Resolved()
        if style.hidden { return nil }
        var runs = WordRuns()
        runs.read(element, styles: styles)
        var text = TextNormalization.normalizeInline(runs.text)
        if text.isEmpty { return nil }
        var outline = style.outlineLevel
        if let direct = properties?.child("w:outlineLvl")?.attributes["w:val"].flatMap(Int.init) {
            outline = direct < 9 ? direct : nil
        }
        var numID = style.numID
        var numLevel = style.numLevel
        if let direct = properties?.child("w:numPr") {
            if let id = direct.child("w:numId")?.attributes["w:val"] { numID = id }
            if let level = direct.child("w:ilvl")?.attributes["w:val"].flatMap(Int.init) { numLevel = level }
        }
        var numbered = false
        if let numID {
            let level = numLevel ?? styleID.flatMap { numbering.level(tiedTo: $0, in: numID) } ?? 0
            if let label = numbering.label(numID: numID, level: level) {
                numbered = true
                text = TextNormalization.normalizeInline(label + text)
            }
        }
        let kind: BlockKind = outline.map { .heading(level: $0 + 1) } ?? (numbered ? .listItem : .paragraph)
        return (Block(kind: kind, text: text), runs.noteReferences)
    }

    /// Each row one block, cells joined by " | " (as the HTML extractor writes table rows).
    private mutating func writeTable(_ table: XMLElement) {
        for row in table.elements where row.name == "w:tr" {
            if let deleted = row.descendant(["w:trPr", "w:del"]), deleted.name == "w:del" { continue }
            var cells: [String] = []
            var references: [(kind: String, id: String)] = []
            for cell in row.elements where cell.name == "w:tc" || cell.name == "w:sdt" {
                var inner = WordBlockWriter(styles: styles, numbering: numbering, notes: [:])
                inner.write(cell.name == "w:sdt" ? cell.child("w:sdtContent") ?? cell : cell)
                numbering = inner.numbering
                let text = inner.blocks.map(\.text).joined(separator: " ")
                if !text.isEmpty { cells.append(text) }
                var runs = WordRuns()
                for paragraph in cell.elements where paragraph.name == "w:p" { runs.read(paragraph, styles: styles) }
                references += runs.noteReferences
            }
            if !cells.isEmpty { blocks.append(Block(kind: .tableRow, text: cells.joined(separator: " | "))) }
            writeNotes(references)
        }
    }

    /// The notes referenced by the block just written, each as a footnote block "N text".
    private mutating func writeNotes(_ references: [(kind: String, id: String)]) {
        for (kind, id) in references {
            guard let note = notes[kind]?[id] else { continue }
            var numbers = noteNumbers[kind] ?? [:]
            let number = numbers[id] ?? numbers.count + 1
            numbers[id] = number
            noteNumbers[kind] = numbers
            var inner = WordBlockWriter(styles: styles, numbering: numbering, notes: [:])
            inner.write(note)
            let text = inner.blocks.map(\.text).joined(separator: " ")
            guard !text.isEmpty else { continue }
            // Word numbers footnotes 1, 2, 3 and endnotes i, ii, iii by default.
            let label = kind == "endnote" ? ListNumberFormat.lowerRoman.format(number) : String(number)
            blocks.append(Block(kind: .footnote, text: label + " " + text))
        }
    }
}
