/// The paragraph styles of `word/styles.xml`, with `w:basedOn` chains resolved.
///
/// A style says what a paragraph in it is: a heading (an outline level, or a built-in name such
/// as "heading 2"), numbered (a `w:numPr`), or hidden (`w:vanish`).
struct WordStyles {
    /// What a style resolves to once its chain of `basedOn` styles is followed.
    struct Resolved: Sendable, Equatable {
        /// 0-based outline level (0 is "Heading 1"); `nil` for body text.
        var outlineLevel: Int?
        var numID: String?
        var numLevel: Int?
        var hidden = false
    }

    private struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numID: String?
        var numLevel: Int?
        var hidden: Bool?
    }

    private var styles: [String: Style] = [:]
    /// The style of paragraphs that name none.
    private(set) var defaultParagraphStyle: String?

    init() {}

    init(_ root: XMLElement) {
        for element in root.elements where element.name == "w:style" {
            guard let id = element.attributes["w:styleId"] else { continue }
            var style = Style()
            style.name = element.child("w:name")?.attributes["w:val"]
            style.basedOn = element.child("w:basedOn")?.attributes["w:val"]
            if let pPr = element.child("w:pPr") {
                style.outlineLevel = pPr.child("w:outlineLvl")?.attributes["w:val"].flatMap(Int.init)
                style.numID = pPr.descendant(["w:numPr", "w:numId"])?.attributes["w:val"]
                style.numLevel = pPr.descendant(["w:numPr", "w:ilvl"])?.attributes["w:val"].flatMap(Int.init)
            }
            if let vanish = element.descendant(["w:rPr", "w:vanish"]) { style.hidden = WordRuns.isOn(vanish) }
            styles[id] = style
            if element.attributes["w:type"] == "paragraph", element.attributes["w:default"].map(WordRuns.isTrue) == true
            {
                defaultParagraphStyle = id
            }
        }
    }

    /// Word's deepest outline level is 8; 9 means body text.
    private static let bodyTextLevel = 9

    /// The style `id` with every inherited property filled in (nearest definition wins).
    func resolve(_ id: String) -> Resolved {
        var resolved = Resolved()
        var outline: Int?
        var named: Int?
        var hidden: Bool?
        var visited: Set<String> = []
        var current: String? = id
        while let key = current, visited.insert(key).inserted, let style = styles[key] {
            if outline == nil { outline = style.outlineLevel }
            if named == nil, let name = style.name { named = Self.headingLevel(named: name) }
            if resolved.numID == nil, let numID = style.numID {
                resolved.numID = numID
                resolved.numLevel = style.numLevel
            }
            if hidden == nil { hidden = style.hidden }
            current = style.basedOn
        }
        if let level = outline ?? named, level < Self.bodyTextLevel { resolved.outlineLevel = level }
        resolved.hidden = hidden ?? false
        return resolved
    }

    /// "heading 3" → 2 (0-based); "Title" → 0; anything else `nil`.
    static func headingLevel(named name: String) -> Int? {
        let lower = name.lowercased()
        if lower == "title" { return 0 }
        guard lower.hasPrefix("heading "), let number = Int(lower.dropFirst("heading ".count)), (1...9).contains(number)
        else { return nil }
        return number - 1
    }
}
