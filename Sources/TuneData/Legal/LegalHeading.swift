import Foundation

/// A heading recognised from its numbering: "ARTICLE V", "Section 5.02", "§ 12", "5.2 Notice", "Exhibit A".
///
/// Legal documents say their structure in words more reliably than in fonts, so the chunker reads
/// it from text as well as from the extractor's heading blocks.
struct LegalHeading: Sendable, Hashable {
    /// The number as a reader would cite it: "Article V", "Section 5.2", "§ 12", "Exhibit A".
    var label: String?
    /// The heading's words without the number ("Notice"); `nil` when the line is only a number.
    var title: String?
    /// Nesting rank: smaller is outer (Part 1, Article 2, Section 3 + depth of the dotted number).
    var level: Int

    /// "Section 5.2 Notice", or whichever of the two parts exist.
    var displayText: String {
        [label, title].compactMap { $0 }.joined(separator: " ")
    }

    /// Recognises a heading line (a block the extractor already marked as a heading, or a short line).
    ///
    /// Returns `nil` when the text has no recognisable numbering.
    static func parse(_ text: String) -> LegalHeading? {
        let line = text.trimmingCharacters(in: .whitespaces)
        // Every form starts with a digit, "§" or a keyword: only the pattern that can match runs.
        guard let first = line.unicodeScalars.first else { return nil }
        let isNumber = ("0"..."9").contains(first)
        let keyword = isNumber || first == "§" ? "" : Self.firstWordLowercased(line)
        if LegalVocabulary.divisionSet.contains(keyword), let match = line.wholeMatch(of: partPattern) {
            let kind = String(match.1).capitalized
            return LegalHeading(
                label: "\(kind) \(match.2)", title: HeadingTitle.clean(match.3), level: kind == "Article" ? 2 : 1)
        }
        if LegalVocabulary.sectionSet.contains(keyword), let match = line.wholeMatch(of: sectionPattern) {
            let number = String(match.2)
            return LegalHeading(
                label: "Section \(number)", title: HeadingTitle.clean(match.3), level: 3 + dots(in: number))
        }
        if first == "§", let match = line.wholeMatch(of: paragraphSignPattern) {
            let number = String(match.1)
            return LegalHeading(label: "§ \(number)", title: HeadingTitle.clean(match.2), level: 3 + dots(in: number))
        }
        if LegalVocabulary.attachmentSet.contains(keyword), let match = line.wholeMatch(of: attachmentPattern) {
            return LegalHeading(
                label: "\(String(match.1).capitalized) \(match.2)", title: HeadingTitle.clean(match.3), level: 1)
        }
        guard isNumber else { return nil }
        if let match = line.wholeMatch(of: bareDottedNumberPattern) {
            // "3.2.3.5" alone on a line: the number of a heading whose words follow on the next line.
            let number = String(match.1)
            return LegalHeading(label: "Section \(number)", title: nil, level: 3 + dots(in: number))
        }
        if let match = line.wholeMatch(of: numberedPattern) {
            let number = String(match.1)
            guard let title = HeadingTitle.clean(match.2), isTitleLike(title),
                title.prefixMatch(of: citationPattern) == nil,
                !title.contains("§"), !title.contains(streetAddress)
            else { return nil }
            return LegalHeading(label: "Section \(number)", title: title, level: 3 + dots(in: number))
        }
        return nil
    }

    /// Splits a paragraph that opens with a run-in heading into the heading and the body.
    ///
    /// "12.3 Governing Law. This Agreement shall..." (or "7.2 Total Impressions: Intuit …") gives
    /// "Section 12.3 Governing Law". Returns `nil` when the paragraph does not start that way.
    static func parseRunIn(_ text: String) -> (heading: LegalHeading, body: String)? {
        // A run-in heading starts with its number or "Section", "Sec.", "Article", "§".
        guard let first = text.unicodeScalars.first,
            ("0"..."9").contains(first) || Self.runInKeywords.contains(where: text.hasPrefix),
            let match = text.prefixMatch(of: runInPattern)
        else { return nil }
        let body = text[match.range.upperBound...].trimmingCharacters(in: .whitespaces)
        // After an explicit "Section 4." a longer title is still a title ("Representations and
        // Warranties of the Company, the MHC and the Bank").
        guard !body.isEmpty, let title = HeadingTitle.clean(match.3),
            isTitleLike(title, maxWords: match.1 == nil ? 10 : 14, maxLength: match.1 == nil ? 80 : 100)
        else { return nil }
        // A title may end with a colon ("7.2 Total Impressions: Intuit estimates …"), but a capitals
        // sentence does too ("10.2 THE FOREGOING EXCLUSIONS SHALL APPLY: (A) …"): short and verbless.
        if match.4 == ":" {
            let words = title.split(separator: " ")
            guard words.count <= maxColonTitleWords,
                !words.contains(where: { Self.modalVerbs.contains($0.lowercased()) })
            else { return nil }
        }
        let number = String(match.2)
        let label: String
        if let keyword = match.1 {
            label =
                keyword.hasPrefix("§")
                ? "§ \(number)" : (keyword.lowercased().hasPrefix("art") ? "Article \(number)" : "Section \(number)")
        } else {
            label = "Section \(number)"
        }
        let level = label.hasPrefix("Article") ? 2 : 3 + dots(in: number)
        return (LegalHeading(label: label, title: title, level: level), body)
    }

    /// An all-capitals short line ("CONFIDENTIALITY", "GOVERNING LAW") read as an unnumbered heading
    /// (the one test, ``HeadingTitle/isAllCapitals(_:)``).
    static func isCapitalisedHeading(_ text: String) -> Bool {
        HeadingTitle.isAllCapitals(text)
    }

    /// A line short and capitalised enough to be the words of a heading whose number stood alone
    /// on the line before ("3.2.3.5" then "Deposits"): at most eight words, no sentence end.
    static func isShortTitle(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...8).contains(words.count), text.count <= 70, let last = text.last, !".;,".contains(last) else {
            return false
        }
        return isTitleLike(text.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) || isCapitalisedHeading(text)
    }

    // MARK: - Patterns

    /// Words a colon-ended run-in title may have: "Total Impressions", "Payment Terms and Invoicing".
    static let maxColonTitleWords = 6
    /// Verbs that make a colon-ended capitals line a sentence, not a title.
    private static let modalVerbs: Set<String> = ["shall", "will", "may", "must", "agrees", "agree", "is", "are"]

    /// The words a run-in heading can open with before its number ("Section 4.", "ARTICLE V").
    private static let runInWords = LegalVocabulary.sections + ["article"]
    /// How a run-in heading can start besides a digit, in the cases headings write the words.
    private static let runInKeywords = runInWords.flatMap { [$0.capitalized, $0.uppercased()] } + ["§"]

    /// The text before the first whitespace, ASCII lower-cased ("" when it is longer than a keyword).
    private static func firstWordLowercased(_ line: String) -> String {
        var bytes: [UInt8] = []
        for byte in line.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            if bytes.count == 10 { return "" }
            bytes.append(byte.asciiLowercased)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    nonisolated(unsafe) private static let partPattern = legalPattern(
        #"(?i:(\#(SectionLabel.divisionWord)))\s+([IVXLC]+|\d+[A-Z]?)\b\s*[.:\-–—]?\s*(.*)"#,
        as: (Substring, Substring, Substring, Substring).self)
    nonisolated(unsafe) private static let sectionPattern = legalPattern(
        #"(?i:(\#(SectionLabel.sectionWord)))\s+(\d+(?:\.\d+)*[A-Za-z]?)\.?\s*[.:\-–—]?\s*(.*)"#,
        as: (Substring, Substring, Substring, Substring).self)
    nonisolated(unsafe) private static let paragraphSignPattern = /§+\s*(\d+[A-Za-z]?(?:\.\d+)*)\.?\s*[.:\-–—]?\s*(.*)/
    nonisolated(unsafe) private static let attachmentPattern = legalPattern(
        // The label is not the start of a word: "Appendix No." and "Appendix Name" head a table's columns.
        #"(?i:(\#(SectionLabel.attachmentWord)))\s+([A-Z0-9][A-Z0-9.\-]*)(?![a-z])\s*[.:\-–—]?\s*(.*)"#,
        as: (Substring, Substring, Substring, Substring).self)
    nonisolated(unsafe) private static let bareDottedNumberPattern = /(\d{1,3}(?:\.\d{1,3}){1,5})\.?/
    nonisolated(unsafe) private static let numberedPattern = /(\d{1,3}(?:\.\d{1,3})*)\.?\s+(.{2,90})/
    /// The reporter or code after a citation's volume or title number, which is not a heading.
    ///
    /// "28 U.S.C. § 1291", "550 U.S. 544", "17 C.F.R. 240", "129 S. Ct. 1937", "75 Fed. Reg. 1".
    nonisolated(unsafe) private static let citationPattern =
        /(?:[A-Z]\.\s?){2,}|[A-Z][a-z]{0,3}\.\s?(?:Ct|Ed|Supp|Reg|App|Cir)\b|F\.\s?[1-9](?:d|th)\b|Stat\.\s/
    /// "211 Bradenton Avenue Dublin, Ohio 43017": a house number, not a section number.
    nonisolated(unsafe) private static let streetAddress =
        /\b(?:Avenue|Street|Road|Boulevard|Blvd|Suite|Drive|Parkway|Plaza)\b|\b[0-9]{5}(?:-[0-9]{4})?$/
    nonisolated(unsafe) private static let runInPattern = legalPattern(
        #"(?:(\#(runInWords.capitalisedAlternation)|§)\s*)?(\d{1,3}(?:\.\d{1,3})*)\.?\s+((?:\[\*+\]\s)?[A-Z][A-Za-z'’&,;\/\- ]{1,80}?)([.:])\s+(?=[A-Z("“]|\d{1,3}\.\d)"#,
        as: (Substring, Substring?, Substring, Substring, Substring).self)

    private static func dots(in number: String) -> Int {
        number.split(separator: ".").count - 1
    }

    /// Short, capitalised and not a sentence: "Notice", "Term and Termination", "GOVERNING LAW".
    private static func isTitleLike(_ title: String, maxWords: Int = 10, maxLength: Int = 80) -> Bool {
        let words = title.split(separator: " ")
        // A redacted word may open it: "[***] Products and Joint Patents".
        let opening = title.hasPrefix("[") ? title.drop { $0 != " " }.dropFirst().first : title.first
        guard (1...maxWords).contains(words.count), title.count <= maxLength, opening?.isUppercase == true else {
            return false
        }
        let capitalised = words.filter { word in
            word.first.map { $0.isUppercase || $0.isNumber || !$0.isLetter } ?? false
        }.count
        let lowerMinor = words.filter {
            HeadingTitle.minorWords.contains($0.lowercased()) && $0.first?.isLowercase == true
        }.count
        return capitalised + lowerMinor == words.count
    }
}
