/// Finds a document's title in its opening blocks, for files whose metadata names none.
///
/// The first heading is often not the title: contracts filed with a regulator open with an exhibit
/// number ("Exhibit 10.28"), a draft marker ("EXECUTION VERSION"), a logo placeholder, the cover
/// page's share class ("COMMON STOCK") or a recitals heading ("BACKGROUND"). The title is the first
/// short line in the opening pages that names a kind of document ("JOINT VENTURE AGREEMENT",
/// "e-business Hosting Agreement"), with the exhibit label and the parties ("… BY AND BETWEEN …")
/// cut off. Without such a line, the first heading that is not one of those markers is used.
enum OpeningTitle {
    /// How far into a document a title is looked for: the first two pages, at most this many blocks.
    static let openingBlocks = 30
    /// A title is a short line; longer ones are sentences or a cover page's run-on text.
    static let maxWords = 14
    /// Characters of a block the title patterns read: far more than `maxWords` words and any filing
    /// labels before them, so the outcome is the same as on the whole block (a title is cut to at most
    /// `maxWords` words from the start), while a one-paragraph document is not scanned end to end.
    static let titleScanLength = 4096

    /// A title from the file's metadata (a PDF's info dictionary, an HTML `<title>`) unless it is
    /// a file name ("IMMC.COM%282025%2943%20final.ENG.xhtml.1_EN_ACT_part1_v2.docx") or a word
    /// processor's placeholder ("Microsoft Word - draft3", "Untitled").
    static func usableMetadataTitle(_ title: String?) -> String? {
        guard let title = title.map(TextNormalization.normalizeInline), !title.isEmpty else { return nil }
        let lowered = title.lowercased()
        if lowered.hasPrefix("microsoft word") || lowered.hasPrefix("untitled") { return nil }
        if lowered.wholeMatch(of: PDFPatterns.fileNameTitle) != nil { return nil }
        return title
    }

    static func title(in blocks: [Block]) -> String? {
        let firstPage = blocks.first?.page ?? 0
        let opening = blocks.prefix(openingBlocks).prefix { ($0.page ?? firstPage) <= firstPage + 1 }
        var fallback: String?
        for block in opening where block.kind.headingLevel != nil || block.kind == .paragraph {
            let isHeading = block.kind.headingLevel != nil
            // A title is a few words at the start: the patterns need not run over a whole long paragraph.
            let text = block.text.utf8.count > titleScanLength ? String(block.text.prefix(titleScanLength)) : block.text
            // The body has begun ("1. Definitions", "ARTICLE I"): a title comes before it.
            if isHeading, text.prefixMatch(of: bodyHeading) != nil { break }
            guard let candidate = candidate(text, isHeading: isHeading) else { continue }
            if namesDocumentKind(candidate), candidate.contains(" ") { return candidate }
            if isHeading, fallback == nil { fallback = candidate }
        }
        return fallback
    }

    /// The block's text as a title, or `nil` when it cannot be one.
    static func candidate(_ text: String, isHeading: Bool) -> String? {
        // Filing labels and draft markers come first and may share the line with the title.
        var title = withoutLabelsAndMarkers(text)
        if !isHeading, let cover = coverLine(title) { title = cover }
        // The parties, a subtitle or a version tag after the name: "SUPPLY AGREEMENT between …",
        // "Proposed Escrow Agreement: Healthgate …", "Software License Agreement [v.08.05.03]".
        if let tail = title.firstMatch(of: titleTail), tail.range.lowerBound > title.startIndex,
            namesDocumentKind(String(title[..<tail.range.lowerBound]))
        {
            title = title[..<tail.range.lowerBound]
        }
        let result = String(title).trimmingWhitespace
        let words = result.split(separator: " ")
        guard !words.isEmpty, words.count <= maxWords, let first = result.first,
            first.isLetter || first.isNumber || "(“\"".contains(first)
        else { return nil }
        if !isHeading, result.last.map({ ".:;,".contains($0) }) == true || !isTitleCased(words) { return nil }
        if result.contains(sentenceBreak) || result.contains(date) || result.contains(trailingNumbers) { return nil }
        if result.wholeMatch(of: notATitle) != nil || result.prefixMatch(of: numberedHeading) != nil { return nil }
        // "O", "WO" (a court's stamp) and "No. 20-16276" (a docket number) name nothing.
        if result.count(where: \.isLetter) < 3 || result.prefixMatch(of: docketNumber) != nil { return nil }
        return result
    }

    /// The capitalised name a cover line runs into the first sentence, up to its last
    /// document-kind word: "EVENT SPONSORSHIP AGREEMENT This Event …" → "EVENT SPONSORSHIP
    /// AGREEMENT"; "FRANCHISE AGREEMENT HOMEWOOD SUITES …" → "FRANCHISE AGREEMENT".
    static func coverLine(_ text: Substring) -> Substring? {
        let words = text.split(separator: " ")
        let capitals = words.prefix { word in
            word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
                && word.wholeMatch(of: sentenceStart) == nil
        }
        guard capitals.count >= 2, capitals.count < words.count || words.count > maxWords,
            let last = capitals.lastIndex(where: { namesDocumentKind(String($0)) }), last > 0
        else { return nil }
        var name = Array(capitals[...last])
        // "MAINTENANCE AGREEMENT MAINTENANCE AGREEMENT": the cover name said twice.
        if name.count % 2 == 0, name[..<(name.count / 2)] == name[(name.count / 2)...] {
            name = Array(name[..<(name.count / 2)])
        }
        return Substring(name.joined(separator: " "))
    }

    /// Whether most longer words start with a capital, as in a title and not in a broken-off phrase
    /// ("e-business Hosting Agreement" is; "pursuant to the Agreement" is not).
    static func isTitleCased(_ words: [Substring]) -> Bool {
        let long = words.filter { $0.count >= 4 }
        let capitalised = long.filter { $0.first?.isUppercase == true }.count
        return capitalised * 3 >= long.count * 2
    }

    /// Whether a line is only a filing label and draft markers: "Exhibit 10.28", "EXHIBIT 10.2
    /// EXECUTION VERSION", "Execution Copy".
    static func isLabelOrMarker(_ text: String) -> Bool {
        !text.isEmpty && withoutLabelsAndMarkers(text).isEmpty
    }

    /// The text after any leading filing labels and draft markers.
    private static func withoutLabelsAndMarkers(_ text: String) -> Substring {
        var rest = Substring(text.trimmingWhitespace)
        while true {
            let before = rest
            if let match = rest.prefixMatch(of: SectionLabel.filingLabel) { rest = rest[match.range.upperBound...] }
            if let match = rest.prefixMatch(of: draftMarker) { rest = rest[match.range.upperBound...] }
            if rest == before { return rest }
        }
    }

    /// Whether a line names a kind of document ("… AGREEMENT", "Regulation …", "Opinion").
    static func namesDocumentKind(_ text: String) -> Bool {
        text.firstMatch(of: documentKind) != nil
    }

    nonisolated(unsafe) private static let draftMarker =
        /(?i:execution\s+(?:version|copy)|final\s+(?:version|form)|conformed\s+copy|draft|confidential)\b[:.]?\s*/
    nonisolated(unsafe) private static let titleTail =
        /\s+(?i:by\s+and\s+)?(?i:between|among)\s+|\s*[:–—]\s+|\s+-\s+|\s*\[/
    nonisolated(unsafe) private static let sentenceStart = /THIS|THE|TABLE|WHEREAS|WITNESSETH/
    /// A word of three or more letters ending a sentence, which a number or an abbreviation does not.
    nonisolated(unsafe) private static let sentenceBreak = /\p{L}{3,}\.\s/
    nonisolated(unsafe) private static let date =
        /(?i:january|february|march|april|may|june|july|august|september|october|november|december)\s+[0-9]/
    /// "INGRAM NETGEAR Distributor Agreement 11 083096", "… Agreement Page 1/9": a page's furniture.
    nonisolated(unsafe) private static let trailingNumbers = /\s[0-9]+\s+[0-9]+$|\s(?i:page)\s+[0-9]/
    nonisolated(unsafe) private static let docketNumber = /(?i:no|case\s+no|docket\s+no)\.?\s*[0-9]/
    /// A recitals heading or a word of the cover that names no document.
    nonisolated(unsafe) private static let notATitle = legalPattern(
        #"(?i:(?:\#(LegalVocabulary.recitals.alternation)):?|between|and|by|among|table\s+of\s+contents|contents|definitions|index|page|signatures?)"#
    )
    nonisolated(unsafe) private static let numberedHeading =
        /(?i:article|section|clause|part|chapter|schedule|§)\s*[0-9IVXLC]|[0-9]+(?:\.[0-9]+)*[.)]?\s/
    /// A heading that opens the body; schedules are left out because filings often put them first.
    nonisolated(unsafe) private static let bodyHeading =
        /(?i:article|section|clause|chapter|§)\s*[0-9IVXLC]|[0-9]+(?:\.[0-9]+)*[.)]?\s/
    nonisolated(unsafe) private static let documentKind =
        /\b(?i:agreements?|contract|amendment|addendum|lease|licen[cs]e|deed|memorandum|plan|policy|terms|charter|by-?laws|regulation|directive|decision|statute|order|opinion|judg(?:e)?ment|decree|petition|motion|complaint|brief|instructions|guidelines|protocol|treaty|convention|covenant|undertaking|indenture|mortgage|guarant(?:y|ee)|waiver|resolution|declaration|constitution|ordinance|notice|report)\b/
}
