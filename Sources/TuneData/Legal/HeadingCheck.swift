/// Whether a heading the outline found can be asked about.
///
/// Not a sentence cut off mid-way ("NATURE OF RELATIONSHIP. The relationship existing between"), a
/// party's name, a date or an address.
enum HeadingCheck {
    /// The heading ends inside a sentence, so the passage beneath it starts mid-sentence too.
    static func cutsSentence(_ heading: String) -> Bool {
        let text = heading.trimmingWhitespace
        guard let last = text.last else { return false }
        if last == "," || last == "-" || last == "(" { return true }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        guard let word = words.last else { return false }
        // "Termination At Will", "Employment at Will": "will" is the title's noun there.
        if word == "Will", words.dropLast().last?.lowercased() == "at" { return false }
        return functionWords.contains(word.lowercased())
    }

    /// The heading is the lead-in of its section's first sentence ("The Owner warrants that").
    ///
    /// Cut after a word in lower case, and no party, date or address; a heading ending in a
    /// capitalised word ("Rights Of The") is a broken title instead.
    static func leadsIntoText(_ heading: String) -> Bool {
        guard cutsSentence(heading), !isNotATopic(heading), let last = heading.last, !last.isLetter || last.isLowercase
        else { return false }
        return heading.split(separator: " ").last?.first?.isLowercase ?? false
    }

    /// Whether a numbered heading of an unnumbered passage heads text opening with another clause.
    ///
    /// "7.2 [Redacted – Commercially Sensitive]" over "7.3 the foregoing warranties …", "B. Redacted"
    /// over "C. Customer shall be entitled …": the heading was a whole clause of its own, and a
    /// question by it would be answered with the next one. A child clause ("14.2" over "14.2.1 …")
    /// is the heading's own text.
    static func numbersAnotherClause(_ heading: String, text: String) -> Bool {
        guard let number = leadingNumber(heading), let first = text.paragraphs.first,
            let next = leadingNumber(String(first)),
            // "A. Definitions" over "1. “Affiliate” means …" numbers its own clauses another way.
            number.first?.isNumber == next.first?.isNumber
        else { return false }
        return !next.hasPrefix(number + ".")
    }

    /// The clause number a text opens with, without its full stop ("7.2", "B").
    ///
    /// "14.2" of "14.2. For simple convenience", "B" of "B. Redacted"; a letter counts only with its
    /// full stop: "A Party may …" opens with a word.
    private static func leadingNumber(_ text: String) -> String? {
        guard let match = text.prefixMatch(of: clauseNumber) else { return nil }
        return (match.1 ?? match.2).map(String.init)
    }

    nonisolated(unsafe) private static let clauseNumber = /\s*(?:([0-9]{1,3}(?:\.[0-9]{1,3})*)\.?|([A-Z])\.)\s/

    /// The heading names a party, a date or an address rather than a topic: no question about it
    /// makes sense ("What is set out under 'Tri City National Bank'?").
    static func isNotATopic(_ heading: String) -> Bool {
        let text = heading.trimmingWhitespace
        return text.contains(companySuffix) || text.wholeMatch(of: datePattern) != nil
            || text.wholeMatch(of: placeholder) != nil
            || text.contains(addressEnd) || text.wholeMatch(of: formField) != nil
            || text.wholeMatch(of: byParty) != nil || text.contains(editorialNote)
            || text.wholeMatch(of: documentCode) != nil || text.prefixMatch(of: signaturePageCaption) != nil
            || text.wholeMatch(of: enactingFormula) != nil || text.wholeMatch(of: bankName) != nil
    }

    /// Words a heading never ends with; a sentence cut at a line break often does.
    static let functionWords: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "by", "with", "that", "which", "has", "have",
        "is", "are", "be", "between", "from", "as", "at", "its", "their", "such", "any", "this", "shall", "will",
        "may", "not", "under", "into", "than",
    ]

    nonisolated(unsafe) private static let companySuffix =
        /(?i:,?\s(?:inc|corp|corporation|llc|l\.l\.c|ltd|limited|b\.v|n\.v|gmbh|plc|lp|l\.p|n\.a|s\.a|national bank)\.?)\s*$/
    nonisolated(unsafe) private static let datePattern =
        /\s*(?i:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+[0-9]{1,2},?\s+[0-9]{4}|[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{2,4})\s*/
    /// "Reserved", "[Intentionally Omitted]": a numbered slot with nothing in it.
    nonisolated(unsafe) private static let placeholder =
        /\s*\[?(?i:reserved|intentionally (?:left blank|omitted)|omitted|deleted|not used)\]?\.?\s*/
    nonisolated(unsafe) private static let addressEnd = /\b[A-Z]{2}\s+[0-9]{5}(?:-[0-9]{4})?\s*$/
    /// "By Customer.", "By M&I": a sub-heading that says who owes the duty, not what the provision is about.
    nonisolated(unsafe) private static let byParty = /\s*(?i:by)\s+\S+(?:\s+\S+){0,2}?\.?\s*/
    nonisolated(unsafe) private static let formField =
        /\s*(?i:no|yes|name|date|dated|signature|signed|title|address|by)\s*:?\s*/
    /// "[INITIALS ILLEGIBLE]", "[NCC LOGO]": the filer's note on what the page shows, not a heading.
    nonisolated(unsafe) private static let editorialNote =
        /\[[^\]]*(?i:initials|illegible|logo|seal|graphic|image)[^\]]*\]/
    /// "[Signature Page to Cooperation Agreement]": the caption of the page the parties sign.
    nonisolated(unsafe) private static let signaturePageCaption = /\s*[\[(]?\s*(?i:signature\s+pages?)\b/
    /// "Prudential Bank": a bank's name in capitalised words (a signature block's), not "… of the Bank".
    nonisolated(unsafe) private static let bankName = /(?:[A-Z][\w&.'’-]*\s+){1,3}(?:Savings\s+)?Bank/
    /// "HAS ADOPTED THIS DECISION:": an EU act's enacting formula before its articles.
    nonisolated(unsafe) private static let enactingFormula =
        /\s*(?i:ha(?:s|ve) adopted th(?:is|e present) (?:decision|regulation|directive|recommendation))\s*:?\s*/
    /// "STD001Y2K.UK", "sow0501.lwp": a document code or file name standing as a heading.
    nonisolated(unsafe) private static let documentCode = /\s*[A-Za-z]*[0-9][A-Za-z0-9]*\.[A-Za-z]{2,4}\s*/
}
