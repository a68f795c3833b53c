/// A document's name as a person says it in a question: "the General Data Protection Regulation",
/// not its 240-character official title; the licence's name, not the web page's "LicenseDB: slug";
/// the agreement's heading, not a file name; the case name, not the court.
enum SpokenTitle {
    /// Official titles longer than this are shortened to their short title or number when one is given.
    static let longTitleCharacters = 80
    /// A title found in the opening text has at most this many words.
    static let maximumTitleWords = 12

    /// The spoken form of `title` (already made readable) for `document`, looking in `opening`
    /// (the first passages' text) when the title is a file name or a site's slug.
    static func title(_ title: String, document: Document, opening: String) -> String {
        if document.kind == .opinion, let name = OpinionCaption.caseName(title: document.title, opening: opening) {
            return name
        }
        if document.kind == .contract, let defined = definedName(in: opening) { return defined }
        var result = title
        if let match = result.prefixMatch(of: leadingNote) { result = String(result[match.range.upperBound...]) }
        if let bar = result.firstRange(of: " | ") { result = String(result[..<bar.lowerBound]) }
        if let short = result.firstMatch(of: shortTitleInBrackets) {
            return String(short.output.1)
        }
        if result.count > longTitleCharacters, let number = result.prefixMatch(of: actNumber) {
            return number.output.1.lowercasedWords + " " + number.output.2.filter { !$0.isWhitespace }
        }
        let isFileName = document.title == nil || result.wholeMatch(of: slugTitle) != nil
        if isFileName, let named = titleInOpening(opening) { return named }
        return result
    }

    /// A title line in the opening text: a licence's "name:" line, or a short line in capitals that
    /// names an agreement ("COOPERATION AGREEMENT").
    static func titleInOpening(_ opening: String) -> String? {
        if let match = opening.firstMatch(of: nameLine) { return String(match.output.1).trimmingWhitespace }
        for line in opening.split(whereSeparator: \.isNewline).prefix(20) {
            let text = String(line).trimmingWhitespace
            let words = text.split(separator: " ").count
            guard words >= 1, words <= maximumTitleWords, text.contains(instrumentWord),
                LegalHeading.isCapitalisedHeading(text)
            else { continue }
            return DocumentFacts.readableTitle(text)
        }
        return nil
    }

    /// The name a contract's preamble defines for itself: `this Agreement (the "Distribution Agreement")`.
    ///
    /// Only a name of two to six capitalised words ending in an instrument word counts: a bare
    /// `(the "Agreement")` names nothing a person would say.
    static func definedName(in opening: String) -> String? {
        guard let match = opening.firstMatch(of: selfDefinedName) else { return nil }
        return String(match.output.1)
    }

    nonisolated(unsafe) private static let selfDefinedName =
        /\b(?i:this)\s+(?:[A-Z][\w\-]*\s+){0,6}Agreement\s*(?:,\s*)?\((?:(?i:the|this|hereinafter)\s+(?:(?i:the|this)\s+)?|(?i:hereinafter|herein)\s+(?:referred to as\s+)?(?:the\s+)?)?[“"]((?:[A-Z][\w\-&]*\s+){1,5}(?:Agreement|Contract|Lease|License|Licence|Plan))[”"]\)/

    nonisolated(unsafe) private static let leadingNote = /\((?i:translation|execution copy|draft|confidential)\)\s*/
    nonisolated(unsafe) private static let shortTitleInBrackets =
        /\(((?:[A-Z][\w\-]*\s){1,6}(?:Regulation|Directive|Act|Code|Decision|Convention|Agreement))\)\s*$/
    nonisolated(unsafe) private static let actNumber =
        /((?i:regulation|directive|decision))\s+(\((?:EU|EC|EEC|Euratom)\)\s*(?:No\s*)?[0-9]{2,4}\s*\/\s*[0-9]{1,4})/
    nonisolated(unsafe) private static let slugTitle = /(?:[^:]{1,40}:\s*)?[\w.\-]+/
    nonisolated(unsafe) private static let nameLine = /(?m)^name:\s*(.{3,100})$/
    nonisolated(unsafe) private static let instrumentWord =
        /\b(?:AGREEMENT|CONTRACT|LEASE|LICEN[CS]E|AMENDMENT|INDENTURE|NOTE|PLAN|TERMS)\b/
}

extension Substring {
    /// "REGULATION" → "Regulation".
    fileprivate var lowercasedWords: String { prefix(1).uppercased() + dropFirst().lowercased() }
}
