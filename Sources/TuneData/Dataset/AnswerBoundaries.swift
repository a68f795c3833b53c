/// Whether an answer starts or ends in the middle of a sentence, or is a lead-in without the list
/// it introduces: a piece cut out of a longer text.
///
/// Enumerated items are exempt: "(iv) any Affiliate of Licensee; and" is a whole clause of a list,
/// and lists end their items with ";", "and", "or" or nothing at all.
enum AnswerBoundaries {
    /// A reason when `text` starts or ends mid-sentence, else `nil`.
    static func midSentence(_ text: String) -> String? {
        guard let (first, last) = outerLines(text) else { return nil }
        if startsMidSentence(first) { return "starts \"\(first.prefix(40))\"" }
        if endsMidSentence(last) { return "ends \"…\(last.suffix(40))\"" }
        if !text.contains("\n"), endsBeforeItsList(last) { return "ends before its list \"…\(last.suffix(40))\"" }
        if !text.contains("\n"), text.utf8.count <= tableLeadInBytes, text.firstMatch(of: tableBelow) != nil {
            return "points to a table below it does not hold"
        }
        return nil
    }

    /// A one-paragraph answer this short that points to "the chart below" is the chart's lead-in: "The
    /// chart below sets forth the Baseline Laboratory Service Revenue … (the “Calendar Year Baseline
    /// Laboratory Service Revenue”)." A longer paragraph that mentions one says more than that.
    static let tableLeadInBytes = 300
    nonisolated(unsafe) private static let tableBelow =
        /(?i)\b(?:the|this) (?:chart|table|grid)(?: set (?:forth|out))? below\b|\bthe following (?:chart|table)\b/

    /// A line that ends on its own colon, the lead-in of a list the answer does not hold.
    ///
    /// "… include the following:" and nothing after it. Asked of a one-paragraph answer only, where
    /// the lead-in is all there is; a longer answer ending on one keeps its whole clauses before it.
    /// A colon inside a closing quotation mark is a quoted first sentence (the locator's "It begins:
    /// \"… as follows:\""); the recitals' "NOW, THEREFORE, … agree as follows:" closes its passage by
    /// form.
    static func endsBeforeItsList(_ paragraph: String) -> Bool {
        guard paragraph.last == ":" else { return false }
        let opening = paragraph.prefix(16).uppercased().filter(\.isLetter)
        return !opening.hasPrefix("NOWTHEREFORE")
    }

    /// The first and last lines of `text` that are not blank, trimmed.
    ///
    /// The ends of `split(separator: "\n")`, found by a byte scan instead of copying every line: this
    /// runs on every answer. A line feed after a carriage return is one `Character` with it and splits
    /// nothing.
    static func outerLines(_ text: String) -> (first: String, last: String)? {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        guard let first = lines.lazy.map(\.whitespaceTrimmed).first(where: { !$0.isEmpty }),
            let last = lines.reversed().lazy.map(\.whitespaceTrimmed).first(where: { !$0.isEmpty })
        else { return nil }
        return (String(first), String(last))
    }

    /// A lower-case word or closing punctuation first, unless it is an enumerator ("i.", "(a)", "b)").
    static func startsMidSentence(_ paragraph: String) -> Bool {
        let opening = paragraph.drop { "\"“‘'".contains($0) }
        guard let first = opening.first else { return false }
        if ",;:)]}".contains(first) { return true }
        guard first.isLowercase else { return false }
        return opening.prefixMatch(of: enumerator) == nil
    }

    /// Ends without sentence punctuation, unless the last paragraph is an enumerated item or a
    /// short label line of a list ("Schedule A – Fees").
    static func endsMidSentence(_ paragraph: String) -> Bool {
        let body = paragraph.reversed().drop { "\"”’')]}*".contains($0) || $0.isWhitespace }
        guard let last = body.first else { return false }
        // "… funded under Contract No." ends on an abbreviation that a number or name must follow.
        if last == ".", let word = body.split(separator: " ", maxSplits: 1).first,
            Self.openAbbreviations.contains(String(word.reversed()))
        {
            return true
        }
        if ".?!:;".contains(last) { return false }
        if TemplateContext.isListItem(paragraph) || paragraph.prefixMatch(of: enumerator) != nil { return false }
        // A list's items often end with a conjunction before the next item.
        if paragraph.hasSuffix(" and") || paragraph.hasSuffix(" or") { return false }
        return last.isLetter || last.isNumber || ",-–(".contains(last)
    }

    /// Abbreviations that end no sentence: a number, section or name always follows them.
    static let openAbbreviations: Set<String> = [
        "No.", "Nos.", "no.", "Sec.", "Art.", "Para.", "para.", "Mr.", "Ms.", "Mrs.", "Dr.", "pp.", "p.",
    ]

    nonisolated(unsafe) private static let enumerator = /\(?(?:[a-z]{1,2}|[ivxlc]{1,6}|[0-9]{1,3})[.)]\s/
}
