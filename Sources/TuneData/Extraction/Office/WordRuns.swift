/// The visible text of WordprocessingML paragraph content, with tracked changes accepted.
///
/// Insertions (`w:ins`, `w:moveTo`) are kept and deletions (`w:del`, `w:moveFrom`) dropped, as
/// Word shows the document after "Accept all changes"; hidden runs (`w:vanish`, or a character
/// style that hides), comment marks, field instructions and drawings are left out. Footnote and
/// endnote references are collected so the notes can follow their paragraph.
struct WordRuns {
    /// The text read so far.
    var text = ""
    /// `("footnote" | "endnote", id)` in the order referenced.
    var noteReferences: [(kind: String, id: String)] = []

    /// Containers whose content is the paragraph's own text.
    private static let transparent: Set<String> = [
        "w:ins", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:sdt", "w:sdtContent", "w:fldSimple",
        "w:dir", "w:bdo",
    ]

    /// Reads the content of `element` (a paragraph, or a container inside one).
    mutating func read(_ element: XMLElement, styles: WordStyles) {
        for case .element(let child) in element.children {
            switch child.name {
            case "w:r": readRun(child, styles: styles)
            case _ where Self.transparent.contains(child.name): read(child, styles: styles)
            default: break  // w:del, w:moveFrom, w:pPr, comment ranges, bookmarks, proofing marks
            }
        }
    }

    private mutating func readRun(_ run: XMLElement, styles: WordStyles) {
        if let properties = run.child("w:rPr") {
            if let vanish = properties.child("w:vanish"), Self.isOn(vanish) { return }
            if let style = properties.child("w:rStyle")?.attributes["w:val"], styles.resolve(style).hidden { return }
        }
        for case .element(let piece) in run.children {
            switch piece.name {
            case "w:t": text += piece.text
            case "w:tab", "w:br", "w:cr", "w:ptab": text += " "
            case "w:noBreakHyphen": text += "-"
            case "w:footnoteReference", "w:endnoteReference":
                if let id = piece.attributes["w:id"] {
                    noteReferences.append((piece.name == "w:footnoteReference" ? "footnote" : "endnote", id))
                }
            default: break  // w:delText, w:instrText, w:drawing, w:pict, w:softHyphen, w:sym...
            }
        }
    }

    /// An on/off property (`<w:b/>`, `<w:vanish w:val="false"/>`): on unless its value says off.
    static func isOn(_ element: XMLElement) -> Bool {
        element.attributes["w:val"].map(isTrue) ?? true
    }

    static func isTrue(_ value: String) -> Bool {
        !["0", "false", "off"].contains(value.lowercased())
    }
}
