import Foundation

/// The parties of a preamble that gives them no short names: "by and between Acme Analytics Ltd.,
/// a company incorporated in England and Wales, and Borealis Freight B.V., a private limited company
/// incorporated in the Netherlands".
///
/// Commas cut the list into pieces. A piece that reads as a description ("a company incorporated in
/// England and Wales", "a Delaware corporation", an address) belongs to the party before it, so an
/// "and" inside it starts no party; a party starts at the list's head, after "and", or after another
/// clean name ("A, B and C"). Like the older whole-sentence pattern, it reads two parties: a list of
/// more, without short names, is more often a sentence that is no preamble.
enum PartyList {
    /// The party names of the list that follows "by and between" (`text` starts after those words).
    static func names(in text: Substring) -> [String] {
        var found: [String] = []
        var afterDescription = false
        for raw in pieces(of: text) {
            var piece = raw
            var startsParty = found.isEmpty && !afterDescription
            for lead in ["and ", "And ", "AND "] where piece.hasPrefix(lead) {
                piece = String(piece.dropFirst(lead.count)).trimmingWhitespace
                startsParty = true
            }
            if isDescription(piece) {
                afterDescription = true
                continue
            }
            if afterDescription && !startsParty {
                // A capitalised piece after a description continues it ("incorporated in England, United
                // Kingdom"), up to an "and" that starts the next party ("FRANCE and XIMAGE corporation").
                // "… trading and doing business as Pretzel Time and Franchisee (as defined below)": the
                // "and" before a capital.
                guard let joint = piece.firstMatch(of: /\s(?:and|AND)\s(?=\p{Lu})/) else { continue }
                piece = String(piece[joint.range.upperBound...])
                startsParty = true
            }
            for (index, part) in piece.components(separatedBy: " and ").flatMap({ $0.components(separatedBy: " AND ") })
                .enumerated()
            {
                guard let (name, described) = cleaned(part) else { return found }
                // A list's next name is a clean name ("A, B and C"), not "Departement X whose address is ...".
                if described && !startsParty && index == 0 { break }
                found.append(name)
                if found.count == partyLimit { return found }
                afterDescription = described
                if described { break }
            }
        }
        return found
    }

    /// The parties read (see the type's summary).
    private static let partyLimit = 2
    private static let maxNameLength = 90
    private static let maxNameWords = 10

    /// The text cut at commas and semicolons, without parentheses ("(each a “Party”)"), a corporate
    /// suffix kept with its name ("Acme, Inc.").
    private static func pieces(of text: Substring) -> [String] {
        var plain = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                // A list that started inside a parenthesis ("(BETWEEN FRANCHISEE AND ITS PERSONNEL)") ends with it.
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 {
                plain.append(character)
            }
        }
        // A preamble laid out one party to a paragraph joins them with "- and -".
        plain = plain.replacingOccurrences(of: " - and - ", with: ", and ")
            .replacingOccurrences(of: " – and – ", with: ", and ")
            // "…, On the one part, AND: AVIONS DE TRANSPORT …".
            .replacingOccurrences(of: "AND: ", with: "AND ").replacingOccurrences(of: "and: ", with: "and ")
        var result: [String] = []
        for piece in plain.split(whereSeparator: { $0 == "," || $0 == ";" }).map(\.trimmingWhitespace)
        where !piece.isEmpty {
            let word = piece.prefix { !$0.isWhitespace }.lowercased()
            if corporateSuffixes.contains(word), let last = result.popLast() {
                result.append(last + ", " + piece)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// Words that follow a name after a comma as part of it: "Acme, Inc.", "Beta, L.L.C.".
    private static let corporateSuffixes: Set<String> = [
        "inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "limited", "lp", "l.p.", "llp", "l.l.p.", "plc", "corp.",
        "co.", "n.a.", "s.a.", "b.v.", "n.v.", "gmbh", "ag",
    ]

    /// Whether a piece describes the party before it: it starts in lower case ("a company
    /// incorporated in ..."), with a number (an address) or with a describing word in capitals
    /// ("A DELAWARE CORPORATION", "ORGANIZED UNDER ...").
    private static func isDescription(_ piece: String) -> Bool {
        guard let first = piece.first else { return true }
        if first.isLowercase || first.isNumber || !first.isLetter { return true }
        let word = piece.prefix { !$0.isWhitespace }.lowercased()
        return describingWords.contains(word)
    }

    private static let describingWords: Set<String> = [
        "a", "an", "with", "having", "whose", "located", "organized", "organised", "incorporated", "doing",
        "acting", "residing", "registered",
    ]

    /// A name as a party list writes it, cut before the first word in lower case that names do not
    /// use ("Beta LLC dated as of ...") or at "Dated", without a sentence's closing full stop, and whether words were
    /// cut (the name's description followed); nil for what is no name.
    private static func cleaned(_ raw: String) -> (name: String, described: Bool)? {
        var words: [Substring] = []
        var described = false
        for word in raw.split(separator: " ") {
            if let first = word.first, first.isLowercase, !nameConnectors.contains(String(word)) {
                described = true
                break
            }
            // A cover page's "… and GARRETT MOTION INC. Dated as of September 27, 2018".
            if word.lowercased() == "dated" { break }
            words.append(word)
        }
        while let last = words.last, nameConnectors.contains(String(last)) { words.removeLast() }
        var name = words.joined(separator: " ").trimmingWhitespace
        if name.hasSuffix("."), let last = words.last, !isAbbreviation(last.dropLast()) { name.removeLast() }
        while let last = name.last, ",;:".contains(last) { name.removeLast() }
        guard let first = name.first, first.isUppercase || first.isNumber, name.count <= maxNameLength,
            words.count <= maxNameWords
        else { return nil }
        return (name, described)
    }

    /// Lower-case words inside names: "Bank of the West", "Procter & Gamble".
    private static let nameConnectors: Set<String> = [
        "of", "the", "and", "de", "du", "des", "la", "le", "van", "von", "der", "den", "for", "&", "y", "et",
    ]

    /// Whether a word (without its final full stop) is abbreviated, so the stop is part of the name
    /// ("Ltd.", "B.V.").
    private static func isAbbreviation(_ word: Substring) -> Bool {
        word.contains(".") || abbreviations.contains(word.lowercased())
    }

    private static let abbreviations: Set<String> = [
        "inc", "ltd", "corp", "co", "bros", "intl", "mfg", "jr", "sr", "assn", "pty", "l.l.c", "n.a", "s.a",
    ]
}
