/// Drops generated examples whose answer a lawyer would delete: fragments, figures, redaction runs,
/// signature blocks, page furniture, contents pages and definitions that only point elsewhere.
///
/// The gate reads only the assistant answer and the template's category, so it applies to any
/// template a user writes. It runs in the Dataset stage after deduplication; included (hand-written)
/// examples are never gated. Each check is a small pure function with its threshold named beside it,
/// calibrated on the labelled sample in `Benchmarks/quality/`.
public struct QualityGate: Sendable {
    /// Why the gate rejected an answer (each maps to a ``DropReason``).
    public enum Verdict: String, Sendable, CaseIterable {
        case midSentence, mostlyNonLetters, redacted, signatureBlock, furniture, contents, crossReference

        /// The drop reason written to `dropped.jsonl` and counted in the manifest.
        public var reason: DropReason {
            switch self {
            case .midSentence: .midSentence
            case .mostlyNonLetters: .mostlyNonLetters
            case .redacted: .redacted
            case .signatureBlock: .signatureBlock
            case .furniture: .furniture
            case .contents: .contents
            case .crossReference: .crossReference
            }
        }
    }

    public init() {}

    /// The first check an example's answer fails, with a short detail, or `nil` when it passes.
    public func verdict(for example: Example) -> (verdict: Verdict, detail: String)? {
        let answer = example.messages.filter { $0.role == .assistant }.map(\.content).joined(separator: "\n\n")
        return verdict(forAnswer: answer)
    }

    /// The first check `answer` fails, with a short detail, or `nil` when it passes.
    public func verdict(forAnswer answer: String) -> (verdict: Verdict, detail: String)? {
        let text = answer.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        let words = AnswerWords(text)
        if let detail = Self.redaction(words) { return (.redacted, detail) }
        if let detail = Self.contents(text, words: words) { return (.contents, detail) }
        if let detail = Self.nonLetters(text) ?? Self.codeTable(text) {
            return (.mostlyNonLetters, detail)
        }
        if let detail = Self.signature(text, words: words) { return (.signatureBlock, detail) }
        if let detail = Self.contactBlock(text) ?? Self.opensWithContactBlock(text) { return (.signatureBlock, detail) }
        if let detail = Self.furniture(text) { return (.furniture, detail) }
        if let detail = Self.crossReference(text, words: words) { return (.crossReference, detail) }
        if let detail = AnswerBoundaries.midSentence(text) { return (.midSentence, detail) }
        return nil
    }

    // MARK: - Redaction

    /// Redaction marks ("[*]", "[***]", "*****") at or above this share of the answer's words: what
    /// is left is a skeleton a model would learn to fill with asterisks.
    static let redactionShare = 0.15

    /// An answer this short with one redaction mark at that share is its mark: "“Launch Date” means [***]".
    static let shortRedactedWords = 8

    static func redaction(_ words: AnswerWords) -> String? {
        guard words.redactionMarks >= 3 || (words.redactionMarks >= 1 && words.count <= shortRedactedWords) else {
            return nil
        }
        let share = Double(words.redactionMarks) / Double(max(words.count, 1))
        return share >= redactionShare ? "\(words.redactionMarks) redaction marks in \(words.count) words" : nil
    }

    // MARK: - Contents pages

    /// Lines with dotted leaders that make a contents page.
    static let leaderLines = 2
    /// Bare page or section numbers at or above this share of the words, with almost no sentence
    /// ends, read as a contents column ("41 41 41 42 42 43").
    static let numberShare = 0.2
    /// A prose answer ends a sentence at least this often per 100 words; a contents run does not.
    static let sentenceEndsPer100Words = 1.5

    static func contents(_ text: String, words: AnswerWords) -> String? {
        if text.containsBytes(".....") || text.containsBytes(". . . . .") || text.containsBytes("……")
            || text.containsBytes("__")
        {
            let leaders = text.split(whereSeparator: \.isNewline).count { $0.contains(leaderPattern) }
            if leaders >= leaderLines { return "\(leaders) lines with dotted leaders" }
        }
        guard words.count >= 12 else { return nil }
        let share = Double(words.bareNumbers) / Double(words.count)
        let ends = Double(words.sentenceEnds) * 100 / Double(words.count)
        if share >= numberShare && ends < sentenceEndsPer100Words {
            return "\(words.bareNumbers) bare numbers in \(words.count) words, \(words.sentenceEnds) sentence ends"
        }
        return nil
    }

    nonisolated(unsafe) private static let leaderPattern = /(?:\.\s?){5,}\s*[0-9ivxIVX]+|…{2,}|_{2,}\s*[0-9]+\s*$/

    // MARK: - Figures

    /// Letters below this share of the visible characters: a table, a form, a column of amounts.
    static let letterShare = 0.6

    static func nonLetters(_ text: String) -> String? {
        var letters = 0
        var visible = 0
        for scalar in text.unicodeScalars where !AnswerWords.isWhitespace(scalar) {
            visible += 1
            if AnswerWords.isLetter(scalar) { letters += 1 }
        }
        guard visible >= 20 else { return nil }
        let share = Double(letters) / Double(visible)
        return share < letterShare ? "letters \(Int((share * 100).rounded()))% of characters" : nil
    }

    /// Rows of a regulation clause table read as text, at or above which the answer is the table:
    /// a clause number followed by its date or by the next number ("FAR 52.202-1 Jul-04 Definitions
    /// … FAR 52.203-3 Apr-84 Gratuities", "FAR 52.225-1 FAR 52.225-13 … Feb-09 Jun-08"), where a
    /// provision citing clauses ("FAR 52.227-14 (Rights in Data)") gives each its words.
    static let clauseTableRows = 4

    static func codeTable(_ text: String) -> String? {
        // The cheap cue: a digit just before a hyphen, as every clause number has.
        var cues = 0
        var previousIsDigit = false
        for byte in text.utf8 {
            if byte == 0x2D, previousIsDigit { cues += 1 }
            previousIsDigit = byte >= 0x30 && byte <= 0x39
        }
        guard cues >= clauseTableRows else { return nil }
        let rows = text.matches(of: clauseTableRow).count
        return rows >= clauseTableRows ? "\(rows) rows of a clause table" : nil
    }

    nonisolated(unsafe) private static let clauseTableRow =
        /\b[A-Z]{2,6}\s+[0-9]{1,3}\.[0-9]{3}-[0-9]{1,5}\s+(?:[A-Z][a-z]{2}[- ][0-9]{2}\b|[A-Z]{2,6}\s+[0-9]{1,3}\.[0-9]{3}-)/

    // MARK: - Signature blocks

    /// Signature labels ("By:", "Name:", "Title:", a line of underscores) at or above this share of
    /// the answer's lines, with at least ``signatureLabels`` of them, make a signature block.
    static let signatureLineShare = 0.3
    static let signatureLabels = 2

    static func signature(_ text: String, words: AnswerWords) -> String? {
        // "IN WITNESS WHEREOF the parties have duly executed … as of the date first above written." alone.
        if words.count <= testimoniumWords, text.prefix(18).lowercased() == "in witness whereof" {
            return "the testimonium clause alone"
        }
        guard text.containsBytes("_____") || mayHoldSignatureLabel(text) else { return nil }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        var labels = 0
        for line in lines
        where (line.utf8.contains(colon) && line.prefixMatch(of: signatureLabel) != nil) || line.containsBytes("_____")
        {
            labels += 1
        }
        // Labels run together on one line once the PDF's lines are joined: "By: ____ Name: ... Title: ...".
        let inline = inlineSignatureLabels(in: text)
        let witness = text.containsASCIICaseInsensitive("in witness whereof")
        if labels >= signatureLabels && Double(labels) >= signatureLineShare * Double(lines.count) {
            return "\(labels) of \(lines.count) lines are signature labels"
        }
        if inline >= 3 && (witness || words.count < 25 * inline) {
            return "\(inline) signature labels"
        }
        if witness && words.count <= 120 && inline >= 1 { return "IN WITNESS WHEREOF with signature labels" }
        if inline >= 1 && words.count <= shortSignatureWords {
            if text.containsBytes("By: /s/") { return "a signature label and a conformed signature (/s/)" }
            if text.containsBytes("By: ---") || text.containsBytes("By: ___") { return "a signature label and rule" }
            if text.lastSignatureLabelEnds { return "ends on a signature label" }
        }
        return nil
    }

    /// Contact labels ("Address:", "Attention:", "Email:", "Tel:") at or above this count, in a text
    /// almost without prose, make an address block: the parties' notice details or a signature
    /// page's, which teach nothing about the contract and are personal data besides.
    static let contactLabels = 3
    /// Prose is at least this share of words in lower case; an address block is names, numbers and
    /// labels (0.00–0.08 in the CUAD and legal-HTML corpora), and a notices clause that lists its
    /// addresses still has 0.32 or more.
    static let proseLowercaseShare = 0.2

    static func contactBlock(_ text: String) -> String? {
        guard text.utf8.contains(colon) else { return nil }
        let labels = contactLabelCount(text)
        guard labels >= contactLabels else { return nil }
        let words = text.split(whereSeparator: \.isWhitespace)
        // An e-mail address is in lower case but no prose.
        let lowercase = words.count { $0.first?.isLowercase == true && !$0.contains("@") }
        guard Double(lowercase) < proseLowercaseShare * Double(words.count) else { return nil }
        return "\(labels) contact labels, \(lowercase) of \(words.count) words in lower case (an address block)"
    }

    /// An answer whose first line is an address, a piece that starts inside the notices details.
    ///
    /// "18 Gloria Lane Fairfield, New Jersey 07004 Attention: Mr. … Facsimile number: …" or a bare
    /// "Address:": the notices details or a signature page, and a question that quotes an address
    /// as the passage's opening.
    static func opensWithContactBlock(_ text: String) -> String? {
        let first = String(text.prefix { $0 != "\n" && $0 != "\r" })
        // The line's first colon ends a contact label, and only names and numbers come before it:
        // a preamble's "between the following two parties: Party A: … Address: …" is prose.
        guard let colon = first.firstIndex(of: ":"), contactLabelCount(String(first[...colon])) == 1,
            !first[..<colon].split(whereSeparator: \.isWhitespace).dropLast().contains(where: {
                $0.first?.isLowercase == true
            })
        else { return nil }
        let words = first.split(whereSeparator: \.isWhitespace)
        let lowercase = words.count { $0.first?.isLowercase == true && !$0.contains("@") }
        guard Double(lowercase) < proseLowercaseShare * Double(words.count) else { return nil }
        return "opens with an address line"
    }

    /// How many contact labels ("Address:", "Attn :", "E-mail:", "Facsimile number:") the text holds: a word of
    /// ``contactLabelWords`` that starts at a word boundary and is followed, after spaces, by a colon.
    ///
    /// A byte scan back from each colon, not a regular expression: this runs on every answer with a
    /// colon, and Swift's regex engine made it a sixth of `convert`'s CPU.
    static func contactLabelCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for (found, byte) in bytes.enumerated() where byte == colon {
                let end = skippingSpaces(bytes, before: found)
                var start = wordStart(bytes, before: end)
                guard start < end else { continue }
                var word = bytes[start..<end].map { $0 | 0x20 }
                // "e-mail": the letters before the hyphen belong to the word.
                if word == Array("mail".utf8), start >= 2, bytes[start - 1] == UInt8(ascii: "-"),
                    bytes[start - 2] | 0x20 == UInt8(ascii: "e")
                {
                    start -= 2
                    word = Array("e-mail".utf8)
                }
                // "Facsimile number:", "Telephone number:": the label is the word before "number".
                if word == Array("number".utf8) {
                    let before = skippingSpaces(bytes, before: start)
                    guard before < start else { continue }
                    start = wordStart(bytes, before: before)
                    word = bytes[start..<before].map { $0 | 0x20 }
                }
                // A word boundary before it: not inside a longer word, a number or an identifier.
                if start > 0, isWordByte(bytes[start - 1]) { continue }
                if contactLabelWords.contains(word) { count += 1 }
            }
            return count
        }
    }

    /// The contact labels, in lower case.
    private static let contactLabelWords: Set<[UInt8]> = [
        "address", "attention", "attn", "email", "e-mail", "tel", "telephone", "fax", "facsimile", "phone",
        "contact", "mobile",
    ].map { Array($0.utf8) }.reduce(into: []) { $0.insert($1) }

    /// A letter, digit, underscore or any byte of a non-ASCII character: what a regex `\b` counts as
    /// part of a word (a non-ASCII byte is taken as a letter, so no label is read after one).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
    }

    /// Where the spaces (and no-break spaces) that end just before `index` begin.
    private static func skippingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var index = index
        while index > 0 {
            let width = spaceWidth(bytes, before: index)
            guard width > 0 else { break }
            index -= width
        }
        return index
    }

    /// Where the run of ASCII letters that ends just before `index` begins.
    private static func wordStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var start = index
        while start > 0, (0x61...0x7A).contains(bytes[start - 1] | 0x20) { start -= 1 }
        return start
    }

    /// The byte length of the ASCII space or no-break space (UTF-8 C2 A0) ending just before `index`,
    /// or 0.
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        let byte = bytes[index - 1]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        if byte == 0xA0, index >= 2, bytes[index - 2] == 0xC2 { return 2 }
        return 0
    }

    /// The testimonium ("IN WITNESS WHEREOF, the parties have executed this Agreement …") runs to
    /// about 40 words; an answer that is only that says the contract was signed, nothing it provides.
    static let testimoniumWords = 60

    /// A short answer with one signature label is a signature block when it also holds a conformed
    /// signature ("By: /s/ Daesik Eom"), a signature rule, or ends on the label ("EL POLLO LOCO, INC.,
    /// a Delaware Corporation By:"): a party's signature lines, not a term of the contract.
    static let shortSignatureWords = 60

    /// Words that end a signature label before its colon (``signatureLabel``'s words, in lower case).
    private static let signatureLabelWords: Set<[UInt8]> = [
        "by", "name", "title", "its", "date", "signature", "signed", "witness", "attest", "representative",
    ].map { Array($0.utf8) }.reduce(into: []) { $0.insert($1) }

    /// Whether some colon in `text` follows one of ``signatureLabelWords`` or a word this byte test
    /// cannot judge.
    ///
    /// Spaces before the colon are ASCII ones; a non-ASCII byte in the word or its spaces counts as a
    /// candidate (regex case folding or Unicode spaces might match there). When it is false neither a label line nor an inline label can be
    /// found, so the line split and the scans are skipped: most answers have a colon and no label.
    static func mayHoldSignatureLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (found, byte) in bytes.enumerated() where byte == colon {
                var end = found
                while end > 0, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
                var start = end
                while start > 0, bytes[start - 1] >= 0x80 || (0x61...0x7A).contains(bytes[start - 1] | 0x20) {
                    start -= 1
                }
                guard start < end else { continue }
                let word = bytes[start..<end]
                if word.contains(where: { $0 >= 0x80 }) { return true }
                if signatureLabelWords.contains(word.map { $0 | 0x20 }) { return true }
            }
            return false
        }
    }

    nonisolated(unsafe) private static let signatureLabel =
        /(?i:by|name|title|its|date|signature|signed|print(?:ed)? name|witness|attest|(?:by )?(?:its )?(?:duly )?authori[sz]ed representative)\s*:/
    private static let colon = UInt8(ascii: ":")

    /// Labels that stand at the text's start or after whitespace, with only whitespace before their colon.
    private static let inlineLabels: [[Unicode.Scalar]] = [
        "By", "Name", "Title", "Its", "Date", "Signature", "Printed Name", "Print Name", "Authorized Representative",
    ].map { Array($0.unicodeScalars) }

    /// How many signature labels ("By:", "Name :", "Printed Name:") stand inside `text`: each colon,
    /// looked back from over whitespace, ends one of ``inlineLabels`` that starts the text or
    /// follows whitespace. (A scan instead of a regular expression: this runs on every answer.)
    static func inlineSignatureLabels(in text: String) -> Int {
        guard text.utf8.contains(colon) else { return 0 }
        let scalars = Array(text.unicodeScalars)
        var count = 0
        for index in scalars.indices where scalars[index] == ":" {
            var end = index
            while end > 0 && AnswerWords.isWhitespace(scalars[end - 1]) { end -= 1 }
            for label in inlineLabels where end >= label.count {
                let start = end - label.count
                guard scalars[start..<end].elementsEqual(label) else { continue }
                if start == 0 || AnswerWords.isWhitespace(scalars[start - 1]) {
                    count += 1
                    break
                }
            }
        }
        return count
    }

    // MARK: - Furniture

    static func furniture(_ text: String) -> String? {
        if let detail = metadata(text) { return detail }
        for pattern in AnswerFurniture.patterns where pattern.cue(text[...]) {
            if let match = text.firstMatch(of: pattern.regex) { return "\"\(match.output.prefix(60))\"" }
        }
        return nil
    }

    /// Lines of "key: value" at or above this share (and at least ``metadataLines``) make a
    /// metadata header (a licence database's record), not the licence.
    static let metadataShare = 0.5
    static let metadataLines = 3

    static func metadata(_ text: String) -> String? {
        // Each key line holds a colon, so fewer colons than key lines needed rule the text out.
        guard text.utf8.lazy.filter({ $0 == colon }).prefix(metadataLines).count >= metadataLines else { return nil }
        let lines = text.split(whereSeparator: \.isNewline)
        let keys = lines.count { $0.utf8.contains(colon) && $0.prefixMatch(of: metadataKey) != nil }
        guard keys >= metadataLines, Double(keys) >= metadataShare * Double(lines.count) else { return nil }
        return "\(keys) of \(lines.count) lines are \"key: value\" metadata"
    }

    nonisolated(unsafe) private static let metadataKey = /\s*-?\s*[a-z][a-z_]{1,30}:(?:\s|$)/

    // MARK: - Definitions that only point elsewhere

    /// A definition this short that says "shall have the meaning set forth in Section 6.5" gives no
    /// meaning; longer ones usually go on to say something of their own.
    static let crossReferenceWords = 45

    static func crossReference(_ text: String, words: AnswerWords) -> String? {
        // Every match holds "meaning" or "defined in": a byte search rules most answers out first.
        guard words.count <= crossReferenceWords,
            text.containsASCIICaseInsensitive("meaning") || text.containsASCIICaseInsensitive("defined in"),
            let match = text.firstMatch(of: crossReferencePattern)
        else {
            return listedElsewhere(text, words: words)
        }
        return "\"\(match.output.prefix(80))\""
    }

    /// The most words a definition that only points to a schedule or section runs to.
    ///
    /// Its whole body is the pointer ("“Achaogen Patents” shall mean the Patents set forth in
    /// Exhibit B hereto"): without the schedule or section it names, it says nothing. One that says
    /// something first ("“NAP” shall mean Network Access Point, as described in Appendix 11") is kept.
    static let listedElsewhereWords = 30

    static func listedElsewhere(_ text: String, words: AnswerWords) -> String? {
        guard words.count <= listedElsewhereWords, text.containsASCIICaseInsensitive("mean"),
            let match = text.firstMatch(of: listedElsewherePattern),
            // "the fee we charge for creating a PIP as specified in Section 8.3": described, then pointed to.
            !match.output.lowercased().contains(" as ")
        else { return nil }
        return "\"\(match.output.prefix(80))\""
    }

    nonisolated(unsafe) private static let listedElsewherePattern =
        /(?i:\bmeans?\b,?(?: with respect to [^,;.]{0,60},)?\s+the [^.;:,]{0,60}?\b(?:set forth|set out|listed|described|specified|identified) (?:in|on) (?:section|exhibit|schedule|appendix|annex|attachment) [^\s;]+?(?: (?:hereto|attached hereto|to this agreement))?[.;]?\s*$)/

    nonisolated(unsafe) private static let crossReferencePattern =
        /(?i:(?:shall )?ha(?:ve|s) the (?:respective )?meanings? (?:set forth|set out|given|ascribed|assigned|specified|provided|stated|defined|attributed)(?: (?:to )?(?:it|them|such terms?|that term|in))?[^.;]{0,40}?\b(?:section|article|clause|exhibit|schedule|appendix|annex|paragraph|recitals?|preamble|part)\b|as (?:such term is )?defined in (?:section|article|clause|exhibit|schedule|appendix|annex|paragraph))/
}

/// Word counts of an answer the gate's checks share: words, bare numbers, redaction marks, sentence ends.
///
/// One pass over the Unicode scalars (a word is a run of non-whitespace scalars): the gate reads every
/// generated answer, and splitting into `Character`s cost as much as all the checks together.
struct AnswerWords {
    var count = 0
    var bareNumbers = 0
    var redactionMarks = 0
    var sentenceEnds = 0

    init(_ text: String) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard !Self.isWhitespace(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            let start = index
            while index < scalars.endIndex && !Self.isWhitespace(scalars[index]) { scalars.formIndex(after: &index) }
            count(scalars[start..<index])
        }
    }

    private mutating func count(_ token: String.UnicodeScalarView.SubSequence) {
        var hasStar = false
        var hasLetter = false
        var hasLetterOrNumber = false
        var numeric = true
        var length = 0
        // The last scalar that is not a closing quote or bracket.
        var last: Unicode.Scalar?
        for scalar in token {
            length += 1
            if scalar == "*" { hasStar = true }
            let letter = Self.isLetter(scalar)
            let number = Self.isNumber(scalar)
            hasLetter = hasLetter || letter
            hasLetterOrNumber = hasLetterOrNumber || letter || number
            if !(number || scalar == "." || scalar == "," || scalar == "|") { numeric = false }
            if !Self.isCloser(scalar) { last = scalar }
        }
        if hasStar, Substring(token).wholeMatch(of: Self.redactionToken) != nil {
            redactionMarks += 1
            count += 1
            return
        }
        guard hasLetterOrNumber else { return }
        count += 1
        if numeric && length <= 4 { bareNumbers += 1 }
        if let last, Self.isSentenceEnd(last), hasLetter { sentenceEnds += 1 }
    }

    /// A closing quote or bracket, looked past for a word's last mark.
    @inline(__always)
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "\u{201D}", "\u{2019}", "'", ")", "]": true
        default: false
        }
    }

    @inline(__always)
    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "?", "!", ";", ":": true
        default: false
        }
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x80 else {
            let lowered = scalar.value | 0x20
            return lowered >= 0x61 && lowered <= 0x7A
        }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x30 && scalar.value <= 0x39 : scalar.properties.numericType != nil
    }

    nonisolated(unsafe) private static let redactionToken = /[\[(]?\*+[\])]?[.,;:]?|\[\s*\*+\s*\]/
}

extension QualityGate {
    /// The positions among `indices` whose examples pass (included examples always do), in order;
    /// `dropped` hears of each rejected one, in order.
    func filter(
        _ indices: [Int], jobs: Int, isIncluded: (Int) -> Bool, example: @Sendable @escaping (Int) -> Example,
        dropped: (Int, (verdict: Verdict, detail: String)) -> Void
    ) -> [Int] {
        let candidates = indices.filter { !isIncluded($0) }
        var rejected: [Int: (verdict: Verdict, detail: String)] = [:]
        ParallelWork.forEachInOrder(count: candidates.count, jobs: jobs) { position in
            verdict(for: example(candidates[position]))
        } consume: { position, verdict in
            if let verdict { rejected[candidates[position]] = verdict }
        }
        var kept: [Int] = []
        for index in indices {
            if let verdict = rejected[index] {
                dropped(index, verdict)
            } else {
                kept.append(index)
            }
        }
        return kept
    }
}

extension String {
    /// Whether the text, trailing whitespace aside, ends with a signature label's colon ("… By:",
    /// "Name:").
    fileprivate var lastSignatureLabelEnds: Bool {
        let trimmed = whitespaceTrimmed
        guard trimmed.hasSuffix(":") else { return false }
        let label = trimmed.dropLast().reversed().drop(while: \.isWhitespace).prefix { $0.isLetter }
        return ["by", "name", "title", "its", "date", "signature"].contains(String(label.reversed()).lowercased())
    }
}
