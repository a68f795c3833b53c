/// The enumerator a paragraph opens with — "(b)", "(iv)", "5.6", "b.", "3." — and how it is cited.
struct ClauseEnumerator: Equatable {
    /// How the clause is numbered; a range is named only between enumerators of one style.
    enum Style: Equatable {
        /// "(b)", "b.": cited in brackets after the section ("Section 2.3(b)").
        case letter
        /// "(B)", "B.": in US drafting a level of its own, under "(i)".
        case capital
        /// "(iv)", "iv.".
        case roman
        /// "(3)", "3.".
        case number
        /// "5.6", "5.6.1": a numbered subsection, cited as an item of its section.
        case dotted
    }

    var style: Style
    /// As cited: "(b)" for "b." and "(b)", "5.6" for "5.6.".
    var cited: String

    init(style: Style, cited: String) {
        self.style = style
        self.cited = cited
    }

    init?(_ paragraph: String) {
        // "(2) and (3) and the setting of fines": a reference to clauses that a line break put at
        // the start of a paragraph, not a clause of its own.
        if paragraph.prefixMatch(of: Self.referenceListPattern) != nil { return nil }
        if let match = paragraph.prefixMatch(of: Self.dottedPattern) {
            style = .dotted
            cited = String(match.output.1)
        } else if let match = paragraph.prefixMatch(of: Self.bracketedPattern) {
            let inside = String(match.output.1 ?? match.output.2 ?? "")
            if inside.allSatisfy(\.isNumber) {
                style = .number
            } else if inside.allSatisfy({ "ivx".contains($0) }) {
                style = .roman
            } else if inside.allSatisfy(\.isUppercase) {
                style = .capital
            } else {
                style = .letter
            }
            cited = "(\(inside))"
        } else {
            return nil
        }
    }

    /// The enumerator's place in its list (b → 2, iv → 4, 3 → 3); `nil` for a dotted number.
    var ordinal: Int? {
        let inside = cited.dropFirst().dropLast()
        switch style {
        case .number: return Int(inside)
        case .roman: return Self.romanValue(inside)
        case .letter, .capital:
            guard let first = inside.lowercased().unicodeScalars.first, inside.count == 1 else { return nil }
            return Int(first.value) - Int(("a" as Unicode.Scalar).value) + 1
        case .dotted: return nil
        }
    }

    /// A one-character roman numeral read as the letter it also is: "(i)" after "(h)".
    var asLetter: ClauseEnumerator? {
        guard style == .roman, cited.count == 3 else { return nil }
        return ClauseEnumerator(style: .letter, cited: cited)
    }

    /// Whether `self` is the clause just before `next` in one list: (h) then (i), 4 then 5.
    func precedes(_ next: ClauseEnumerator) -> Bool {
        guard style == next.style, let mine = ordinal, let theirs = next.ordinal else { return false }
        return theirs == mine + 1
    }

    /// "Section 2.3(b)", "Section 2.3(b)–(d)", "Section 5.6", "Section 5, items 5.6–5.7".
    func citation(in label: String, through last: ClauseEnumerator) -> String {
        switch style {
        case .letter, .capital, .roman, .number:
            return last == self ? "\(label)\(cited)" : "\(label)\(cited)–\(last.cited)"
        case .dotted:
            let word = label.split(separator: " ").first.map(String.init) ?? "Section"
            guard last != self else { return "\(word) \(cited)" }
            // Items of the section ("Section 5, items 5.6–5.7"); clauses numbered as its siblings that
            // the outline left under it are items of the section both numbers share ("Section 10,
            // items 10.4.14–10.5", not "Section 10.3.9, items …").
            let number = label.split(separator: " ").last.map { $0 + "." } ?? ""
            guard cited.hasPrefix(number), last.cited.hasPrefix(number) else {
                let first = cited.split(separator: ".")
                let shared = zip(first, last.cited.split(separator: ".")).prefix { $0 == $1 }.map(\.0)
                let parent = shared.prefix(first.count - 1).joined(separator: ".")
                return parent.isEmpty
                    ? "\(word) \(cited)–\(last.cited)" : "\(word) \(parent), items \(cited)–\(last.cited)"
            }
            return "\(label), items \(cited)–\(last.cited)"
        }
    }

    private static func romanValue(_ numeral: Substring) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
        var total = 0
        var previous = 0
        for character in numeral.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total
    }

    nonisolated(unsafe) private static let referenceListPattern =
        /\([a-z0-9]{1,4}\),?\s+(?:and|or|to|through)\s+\(/
    nonisolated(unsafe) private static let dottedPattern = /(?:Section\s+)?([0-9]{1,3}(?:\.[0-9]{1,3})+)\.?\s/
    nonisolated(unsafe) private static let bracketedPattern =
        /\(([a-z]{1,2}|[ivxlc]{1,6}|[0-9]{1,3}|[A-Z])\)\s|([a-z]|[A-Z]|[0-9]{1,2})[.)]\s/
}

/// Where a paragraph sits among a section's enumerated clauses: "(c)(ii)" is item (ii) of clause (c).
///
/// Read paragraph by paragraph: an enumerator of a style already open is a sibling of that clause
/// (closing what was open under it), one of a new style opens a list inside the innermost clause,
/// and a dotted number sits under the dotted numbers it extends ("12.1.2" under "12.1").
struct EnumeratorPath {
    private(set) var items: [ClauseEnumerator] = []
    /// Set when a list started again ("(3)" then "(1)" as its sibling): what follows cannot be
    /// named from the section's label, so ranges stop before it.
    private(set) var restarted = false

    /// Moves to the clause `paragraph` opens, if it opens one; whether it does.
    @discardableResult
    mutating func read(_ paragraph: String) -> Bool {
        guard var next = ClauseEnumerator(paragraph) else { return false }
        // "(i)" straight after "(h)" is the ninth letter, unless (h) introduced a list with a colon.
        if let letter = next.asLetter, !items.contains(where: { $0.style == .roman }),
            let open = items.last(where: { $0.style == .letter }), open.precedes(letter), !opensList
        {
            next = letter
        }
        if next.style == .dotted {
            items.removeAll { !($0.style == .dotted && next.cited.hasPrefix($0.cited + ".")) }
        } else if let sibling = items.lastIndex(where: { $0.style == next.style }) {
            if let before = items[sibling].ordinal, let after = next.ordinal, after <= before { restarted = true }
            items.removeSubrange(sibling...)
        }
        items.append(next)
        opensList = paragraph.hasSuffix(":")
        return true
    }

    private var opensList = false

    /// "(c)(ii)" after `label` ("Section 3.2(c)(ii)"); a dotted number stands for the section's own.
    func cited(in label: String) -> String {
        guard let first = items.first else { return label }
        guard first.style == .dotted else { return label + items.map(\.cited).joined() }
        let innermostDotted = items.last { $0.style == .dotted } ?? first
        let word = label.split(separator: " ").first.map(String.init) ?? "Section"
        return "\(word) \(innermostDotted.cited)" + items.filter { $0.style != .dotted }.map(\.cited).joined()
    }

    /// Whether this clause is `ancestor` or lies inside it ("(1)(f)" inside "(1)").
    func isInside(_ ancestor: EnumeratorPath) -> Bool {
        items.count >= ancestor.items.count && zip(ancestor.items, items).allSatisfy { $0 == $1 }
    }

    /// What a range ending here adds after the dash, from the first clause it does not share with `start`.
    func citedSuffix(after start: EnumeratorPath) -> String {
        let shared = zip(start.items, items).prefix { $0 == $1 }.count
        let rest = items.dropFirst(shared)
        guard let first = rest.first else { return "" }
        guard first.style == .dotted else { return rest.map(\.cited).joined() }
        let innermostDotted = rest.last { $0.style == .dotted } ?? first
        return innermostDotted.cited + rest.filter { $0.style != .dotted }.map(\.cited).joined()
    }
}
