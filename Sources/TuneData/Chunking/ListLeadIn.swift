/// Repeats a list's lead-in at the top of a later piece of a split section that starts inside the list.
///
/// "(a) Each Investor agrees that … neither it nor any of its Affiliates will, directly or
/// indirectly:" then "(i)" … "(xii)": when the section is cut before "(vii)", the piece "Section
/// 3(a)(vii)–(xii)" lists things no one is said to be barred from. The lead-in (the nearest
/// paragraph ending with a colon above the piece's first item, in an earlier piece) opens the piece
/// as its own paragraph, verbatim, so the answer says who must or must not do what. Numbered
/// subsections ("5.6 Waiver. …") stand alone and get none, and a piece that would no longer fit the
/// token budget with it keeps its text as cut.
enum ListLeadIn {
    /// A lead-in longer than this is a clause of its own, not the subject of a list.
    static let maxWords = 80

    /// `passages` with each later piece that opens inside a list led by its list's lead-in, when the
    /// piece still fits `budget` tokens with it; `count` gives the token count of a text.
    static func repeated(in passages: [Passage], budget: Int, count: (String) -> Int) -> [Passage] {
        var result = passages
        var path = EnumeratorPath()
        var leadIns: [(depth: Int, text: String)] = []
        for (index, passage) in passages.enumerated() {
            guard let part = passage.part else { continue }
            if part.number == 1 {
                path = EnumeratorPath()
                leadIns = []
            }
            let paragraphs = passage.text.paragraphs.map(String.init)
            if part.number > 1, passage.label != nil, let first = paragraphs.first,
                let leadIn = leadIn(before: first, path: path, leadIns: leadIns)
            {
                let text = leadIn + "\n\n" + passage.text
                let tokens = count(text)
                if tokens <= budget {
                    result[index].text = text
                    result[index].tokenCount = tokens
                }
            }
            for paragraph in paragraphs {
                let opened = path.read(paragraph)
                let depth = path.items.count
                // A new item closes the lists of its siblings and of anything deeper.
                if opened { leadIns.removeAll { $0.depth >= depth } }
                if paragraph.hasSuffix(":") {
                    leadIns.removeAll { $0.depth >= depth }
                    leadIns.append((depth, paragraph))
                }
            }
        }
        return result
    }

    /// The lead-in of the list the enumerated paragraph `first` continues, if it is short.
    private static func leadIn(before first: String, path: EnumeratorPath, leadIns: [(depth: Int, text: String)])
        -> String?
    {
        var probe = path
        guard probe.read(first), let item = probe.items.last, item.style != .dotted else { return nil }
        let depth = probe.items.count
        guard let leadIn = leadIns.last(where: { $0.depth < depth })?.text,
            leadIn.split(separator: " ").count <= maxWords
        else { return nil }
        return leadIn
    }
}
