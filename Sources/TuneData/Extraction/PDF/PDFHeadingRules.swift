/// How a line of a legal PDF announces a heading: by its numbering ("ARTICLE V", "Section 5.02",
/// "§ 12", "5.2 Notice") or by being a short all-capitals line.
enum PDFHeadingRules {
    /// A numbered line longer than this (in bytes) is a clause, not a heading.
    static let maxNumberedHeadingBytes = 120
    /// Most words of a heading's title after its label.
    static let maxTitleWords = 10
    /// Most words after a bare "5." (a plain number is more often a list item than a heading).
    static let maxWordsAfterNumber = 6
    /// The scalars a numbered heading can start with: a digit, "§", or the first letter of a
    /// division, attachment or section word in either case (only these lines are matched further).
    static let labelStarts: Set<Unicode.Scalar> = {
        let words = LegalVocabulary.divisions + LegalVocabulary.attachments + LegalVocabulary.sections
        let letters = words.compactMap(\.first).flatMap { [$0.lowercased(), $0.uppercased()] }.joined()
        return Set((letters + "§0123456789").unicodeScalars)
    }()
    /// The deepest level a dotted number gives ("5.2.1.3" is level 4 like "5.2.1").
    static let deepestNumberedLevel = 4

    /// The heading level a numbered heading line implies, or `nil` when the line is not one.
    ///
    /// ARTICLE/CHAPTER/PART/SCHEDULE... → 1; "Section 5" / "§ 5" / "5. Title" → 2;
    /// "5.2 Title" → 3, "5.2.1 Title" → 4. The words after the number must read like a title
    /// (at most ten, starting with a capital, not ending with a comma or semicolon).
    static func numberedLevel(_ text: String) -> Int? {
        guard text.utf8.count <= maxNumberedHeadingBytes, !text.hasSuffix(","), !text.hasSuffix(";"),
            let first = text.unicodeScalars.first,
            labelStarts.contains(first)
        else { return nil }
        if let match = text.prefixMatch(of: SectionLabel.divisionOrAttachment),
            text.first?.isUppercase == true, titleLike(text[match.range.upperBound...])
        {
            return 1
        }
        if let match = text.prefixMatch(of: SectionLabel.section),
            text.first == "§" || text.first?.isUppercase == true, titleLike(text[match.range.upperBound...])
        {
            return 2
        }
        if let match = text.prefixMatch(of: SectionLabel.decimal),
            titleLike(text[match.range.upperBound...], allowEmpty: false)
        {
            let depth = match.output.2.filter { $0 == "." }.count
            return min(2 + depth, deepestNumberedLevel)
        }
        if let match = text.prefixMatch(of: SectionLabel.number),
            titleLike(text[match.range.upperBound...], allowEmpty: false, maxWords: maxWordsAfterNumber)
        {
            return 2
        }
        return nil
    }

    /// Where a numbered heading's kind sits in the usual legal hierarchy, outermost first.
    ///
    /// Part 1, title 2, chapter 3, article 4, section or § 5, "5." 6, "5.2" 7, "5.2.1" 8...; schedules, exhibits,
    /// annexes, appendices and attachments 0 (always top level). `nil` for other lines.
    ///
    /// The builder turns these ranks into levels per document, so a contract's ARTICLE is level 1 and its sections
    /// level 2, while a regulation's CHAPTER is 1, its Sections 2, its Articles 3.
    static func numberedRank(_ text: String) -> Int? {
        let level: Int
        if text.prefixMatch(of: SectionLabel.divisionOrAttachment) != nil {
            level = 1
        } else if text.prefixMatch(of: SectionLabel.section) != nil {
            level = 2
        } else if let match = text.prefixMatch(of: SectionLabel.decimal) {
            level = min(2 + match.output.2.filter { $0 == "." }.count, deepestNumberedLevel)
        } else if text.prefixMatch(of: SectionLabel.number) != nil {
            level = 2
        } else {
            return nil
        }
        let word = text.prefix { $0.isLetter }.lowercased()
        switch word {
        case _ where LegalVocabulary.attachmentSet.contains(word): return 0
        case "part": return 1
        case "title": return 2
        case "chapter": return 3
        case "article": return 4
        case _ where LegalVocabulary.sectionSet.contains(word) || LegalVocabulary.sectionSet.contains(word + "."):
            return 5
        case "": break
        default: return nil
        }
        if text.first == "§" { return 5 }
        return level == 2 ? 6 : 5 + level - 1
    }

    /// A heading that is only its number ("Article 5", "ARTICLE V", "Section 3.", "§ 12"), whose
    /// title follows on the next line.
    static func isBareLabel(_ text: String) -> Bool {
        text.wholeMatch(of: SectionLabel.bare) != nil
    }

    /// Whether a line heads an attachment: "Exhibit H - BARDA Requirements", "SCHEDULE 2", "Annex A
    /// Price List" — its label, then at most a title (not "Exhibit B hereto, the Licensee …", nor an
    /// EDGAR filing's "Exhibit 10.5").
    static func opensAttachment(_ text: String) -> Bool {
        guard text.utf8.count <= maxNumberedHeadingBytes, text.first?.isUppercase == true,
            let label = text.prefixMatch(of: AttachmentTitle.attachmentLabel),
            text.prefixMatch(of: AttachmentTitle.filingNumber) == nil
        else { return false }
        let rest = text[label.range.upperBound...]
        // The label runs into a longer word ("Exhibit Advisory …") or a clause follows it.
        if let next = rest.first, next.isLetter || next.isNumber { return false }
        return titleLike(rest) && !rest.contains(",")
    }

    /// A short line in capitals ("WITNESSETH", "GOVERNING LAW"): the chunker's test,
    /// ``HeadingTitle/isAllCapitals(_:)``, so a line the extractor marks as a heading for its
    /// capitals is one the chunker would also read as a heading.
    static func isAllCapitals(_ text: String) -> Bool {
        HeadingTitle.isAllCapitals(text)
    }

    /// Lower-case verbs that make a line a clause rather than a heading.
    private static let sentenceVerbs: Set<Substring> = [
        "shall", "means", "mean", "will", "must", "may", "is", "are", "has", "have",
    ]

    /// Whether the text after a heading's number reads as a title.
    private static func titleLike(_ rest: Substring, allowEmpty: Bool = true, maxWords: Int = maxTitleWords) -> Bool {
        let trimmed = rest.drop {
            $0 == " " || $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == ":" || $0 == "."
        }
        guard let first = trimmed.first else { return allowEmpty }
        let words = trimmed.split(separator: " ")
        guard words.count <= maxWords, first.isUppercase || first == "(" || first == "\u{201C}" || first == "\"" else {
            return false
        }
        // A clause is not a title: '1.20 “Claims” shall have the meaning set forth in Section 6.1(a).'
        if words.contains(where: { sentenceVerbs.contains($0) }) { return false }
        // A sentence running on after the title ("Notice. All notices shall ...") is a paragraph.
        if let stop = trimmed.firstIndex(where: { $0 == "." }), trimmed.index(after: stop) < trimmed.endIndex,
            trimmed[trimmed.index(after: stop)...].split(separator: " ").count > 2
        {
            return false
        }
        return true
    }
}
