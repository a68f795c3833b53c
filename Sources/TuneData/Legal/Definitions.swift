/// A defined term and the sentence of the document that defines it.
struct Definition: Sendable, Hashable, Codable {
    /// The term as written between quotes: "Confidential Information".
    var term: String
    /// The defining sentence, verbatim from the passage (so the answer is grounded).
    var text: String

    init(term: String, text: String) {
        self.term = term
        self.text = text
    }
}

/// Finds definitions in legal prose: `"Confidential Information" means ...`,
/// `"Affiliate" shall have the meaning ...`, and parenthetical ones like `(the "Agreement")`.
enum DefinitionFinder {
    /// Longest sentence, in words, that answers for a term it defines in brackets.
    ///
    /// In the 50 CUAD contracts such sentences run to a median of 55 words; past 80 (a quarter of
    /// them) they are obligations or representations that name the term in passing, 100 to 400
    /// words long.
    static let longestBracketDefinitionWords = 80

    /// Definitions in `text`, each term once, in order of appearance.
    static func definitions(in text: String) -> [Definition] {
        // Every form needs a quoted term: skip the scan for text without quotes.
        guard text.containsOpeningQuote else { return [] }
        var found: [Definition] = []
        var seen: Set<String> = []
        let paragraphs = text.paragraphs
        for (index, paragraph) in paragraphs.enumerated() where paragraph.containsOpeningQuote {
            // Most quoted paragraphs define nothing: one scan of the paragraph says so before it is
            // cut into sentences (a definition never spans a sentence boundary).
            guard !DefinedTermScanner(String(paragraph)).terms().isEmpty else { continue }
            let sentences = SentenceSplitter.split(String(paragraph))
            for (position, sentence) in sentences.enumerated() where sentence.containsOpeningQuote {
                let isLong = sentence.split(whereSeparator: \.isWhitespace).count > longestBracketDefinitionWords
                // A term named in brackets inside a long sentence is a side remark of a sentence
                // about something else ("… Institutional Shareholder Services (“ISS”) …"): the
                // sentence is no answer to what the term means. Nor is a bracket that opens the
                // sentence, which the splitter cut from what it names.
                for defined in DefinedTermScanner(sentence).definedTerms()
                where !(defined.isParenthetical && isLong) && !defined.opensSentence {
                    let whole =
                        position == 0 && !defined.isParenthetical
                        ? wholeDefinition(String(paragraph), sentences: sentences) : nil
                    var definition = whole ?? sentence
                    // "“Territory” means the following countries:" takes the list items after it; a
                    // lead-in without them ("refers to the life insurance contracts listed below:",
                    // above a table) defines nothing yet.
                    if definition.trimmingWhitespace.hasSuffix(":") {
                        guard let items = listItems(after: index, in: paragraphs) else { continue }
                        definition += "\n\n" + items
                    }
                    add(term: defined.term, sentence: definition, to: &found, seen: &seen)
                }
            }
        }
        return found
    }

    /// The list items that follow a definition's lead-in, one paragraph each, or nil when the next
    /// paragraph is no list item or the list runs past ``longestDefinitionParagraphWords``.
    static func listItems(after index: Int, in paragraphs: [Substring]) -> String? {
        var items: [Substring] = []
        var words = 0
        for paragraph in paragraphs.dropFirst(index + 1) {
            guard LegalEnumerator.opensListItem(String(paragraph)) else { break }
            words += paragraph.split(whereSeparator: \.isWhitespace).count
            guard words <= longestDefinitionParagraphWords else { return nil }
            items.append(paragraph)
        }
        return items.isEmpty ? nil : items.joined(separator: "\n\n")
    }

    /// Longest definition paragraph, in words, answered whole.
    ///
    /// A definition often runs on past its first sentence ("“Quarterly Grant Number” means … . The
    /// Quarterly Grant Number shall be calculated …"); cut there, the answer loses how the term is
    /// worked out. Past this length the paragraph is a section of terms that opens with a definition.
    static let longestDefinitionParagraphWords = 150

    /// The whole paragraph a definition opens, when its later sentences define no other term and it
    /// is short enough to be one definition; nil otherwise (the first sentence answers alone).
    static func wholeDefinition(_ paragraph: String, sentences: [String]) -> String? {
        guard sentences.count > 1,
            paragraph.split(whereSeparator: \.isWhitespace).count <= longestDefinitionParagraphWords,
            // A later sentence that opens with a number or a bracket is the next clause run in.
            sentences.dropFirst().allSatisfy({
                $0.first?.isNumber != true && $0.first != "(" && DefinedTermScanner($0).definedTerms().isEmpty
            })
        else { return nil }
        return paragraph
    }

    private static func add(term raw: String, sentence: String, to found: inout [Definition], seen: inout Set<String>) {
        // American style puts the comma inside the quotes: "Term," shall mean ...
        var term = raw.trimmingWhitespace
        while let last = term.last, ",;:".contains(last) { term.removeLast() }
        guard term.count >= 2, term.count <= 60, term.first?.isUppercase == true,
            term.split(separator: " ").count <= 8, !PartyShortName.isShortName(term, in: sentence),
            seen.insert(term.lowercased()).inserted
        else { return }
        found.append(Definition(term: term, text: withoutEnumerator(sentence)))
    }

    /// "1.3 \"Term\" means ..." and "(x) \"Term\" means ..." answer without their clause numbers
    /// (what remains is still verbatim document text).
    static func withoutEnumerator(_ sentence: String) -> String {
        guard let match = sentence.prefixMatch(of: LegalEnumerator.beforeDefinedTerm) else {
            return sentence
        }
        return String(sentence[match.range.upperBound...])
    }
}

/// Parties and the agreement date, read from a contract's opening words.
///
/// "... by and between Acme Corp., a Delaware corporation ("Acme"), and Beta LLC ...".
enum PartyFinder {
    /// Party names as the preamble gives them, in order.
    static func parties(in text: String) -> [String] {
        // A match starts at "by and between/among" or "between": try the pattern only there
        // (scanning every position of the preamble with Swift's regex engine was slow).
        guard !occurrences(of: "between", in: text).isEmpty else { return [] }
        let starts = (occurrences(of: "by", in: text) + occurrences(of: "between", in: text)).sorted()
        for start in starts {
            if let match = text[start...].prefixMatch(of: betweenPattern) {
                return [match.1, match.2].map { clean($0) }.filter { !$0.isEmpty }
            }
        }
        return []
    }

    /// The date the agreement is made or effective, as written ("March 1, 2020").
    static func date(in text: String) -> String? {
        let starts = ["dated", "effective", "made", "entered"].flatMap { occurrences(of: $0, in: text) }.sorted()
        for start in starts {
            if let match = text[start...].prefixMatch(of: datePattern) { return String(match.1) }
        }
        return nil
    }

    /// Where an ASCII keyword occurs in `text`, ignoring ASCII case.
    static func occurrences(of keyword: String, in text: String) -> [String.Index] {
        let needle = Array(keyword.utf8)
        var copy = text
        let offsets = copy.withUTF8 { bytes -> [Int] in
            guard bytes.count >= needle.count, let first = needle.first else { return [] }
            var found: [Int] = []
            for start in 0...(bytes.count - needle.count) where bytes[start].asciiLowercased == first {
                var matched = 1
                while matched < needle.count, bytes[start + matched].asciiLowercased == needle[matched] { matched += 1 }
                if matched == needle.count { found.append(start) }
            }
            return found
        }
        return offsets.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    private static func clean(_ raw: Substring) -> String {
        var name = raw.trimmingWhitespace
        while let last = name.last, ",;.".contains(last) { name.removeLast() }
        return name.trimmingWhitespace
    }

    nonisolated(unsafe) private static let betweenPattern =
        /(?i:by\s+and\s+(?:between|among)|between)\s+([A-Z][\w.&'’\- ]{1,80}?)\s*(?:,|\(|\s+and\s)[^;]*?\band\s+([A-Z][\w.&'’\- ]{1,80}?)\s*(?:,|\(|\.|$)/
    nonisolated(unsafe) private static let datePattern =
        /(?i:dated|effective|made|entered\s+into)[^.]{0,40}?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})/
}
