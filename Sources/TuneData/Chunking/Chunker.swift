import Tokenizer

/// Cuts a document into passages that follow its structure and fit a token budget.
///
/// A section stays whole when it fits `maxTokens`; small sibling sections under the same parent
/// merge up to the budget; a long section splits at paragraph, then sentence, then word
/// boundaries. Output depends only on the document and the options.
public struct Chunker: Sendable {
    public var options: ChunkingOptions
    private let encoding: BPEEncoding

    public init(options: ChunkingOptions = ChunkingOptions()) {
        self.options = options
        self.encoding = BPEEncoding.shared(options.encoding)
    }

    /// The passages of `document`, in reading order.
    public func passages(of document: Document) -> [Passage] {
        let pieces = SectionOutline.sections(of: document).map(ActClosing.trimmed).flatMap(Testimonium.separated)
            .flatMap { split($0) }
        let merged = mergeSmallNeighbours(pieces)
        var passages: [Passage] = []
        for piece in merged {
            let text = piece.paragraphs.map(\.text).joined(separator: "\n\n")
            // Fragments of a word or two ("Page intentionally left blank." stays) carry nothing to learn.
            guard text.hasWords(atLeast: 3) else { continue }
            passages.append(
                Passage(
                    documentID: document.id, index: passages.count, sectionPath: piece.headings.map(\.displayText),
                    label: piece.own?.label, heading: piece.own?.title, text: text,
                    tokenCount: piece.exactTokens ?? piece.sentenceTokens ?? encoding.count(text),
                    pages: Array(Set(piece.paragraphs.compactMap(\.page))).sorted()))
        }
        let labelled = ListLeadIn.repeated(in: SplitSectionLabels.labelled(passages), budget: options.maxTokens) {
            encoding.count($0)
        }
        return ClauseClassifier.isEnabled ? ClauseClassifier().classify(labelled, of: document) : labelled
    }

    // MARK: - Splitting

    /// A section or a part of one, with its paragraphs' token counts.
    private struct Piece {
        var headings: [OutlineHeading]
        var paragraphs: [OutlineParagraph]
        var tokens: Int
        /// True when this is one part of a section too long for the budget (never merged).
        var isPartOfSplit: Bool
        /// Each paragraph's counts when it is a whole paragraph of the document (`nil` for one
        /// assembled from sentences or overlap): with all of them, the passage's count is exact
        /// without encoding it again.
        var counts: [ParagraphTokens?]
        /// The exact count of a piece that is one paragraph assembled from sentences (see
        /// ``Chunker/splitLongSentence(_:afterSpace:)``), so a long paragraph is not encoded twice.
        var sentenceTokens: Int? = nil
        var own: OutlineHeading? { headings.last }

        /// The exact token count of the passage text, when every paragraph's counts are known.
        var exactTokens: Int? {
            guard counts.allSatisfy({ $0 != nil }) else { return nil }
            return ParagraphTokens.total(counts.compactMap { $0 })
        }
    }

    /// The longest token of either vocabulary (cl100k_base, o200k_base) is 128 bytes, so a text of more
    /// than `maxTokens × 128` bytes certainly has more than `maxTokens` tokens.
    static let longestTokenBytes = 128

    private func split(_ section: OutlineSection) -> [Piece] {
        // Each paragraph is encoded once; the counts add up to the exact count of any run of
        // whole paragraphs (see ``ParagraphTokens``), so a section that fits is never encoded again.
        // A paragraph too long to fit whatever its words is not encoded whole: it is cut into sentences.
        let overBudgetBytes = options.maxTokens * Self.longestTokenBytes
        let measured = section.paragraphs.map { paragraph in
            paragraph.text.utf8.count > overBudgetBytes ? nil : ParagraphTokens(of: paragraph.text, encoding: encoding)
        }
        if measured.allSatisfy({ $0 != nil }) {
            let whole = measured.compactMap { $0 }
            let total =
                ParagraphTokens.total(whole)
                ?? encoding.count(section.paragraphs.map(\.text).joined(separator: "\n\n"))
            if total <= options.maxTokens {
                return [
                    Piece(
                        headings: section.headings, paragraphs: section.paragraphs, tokens: total,
                        isPartOfSplit: false, counts: whole)
                ]
            }
        }
        // Units no longer than the budget: whole paragraphs, else sentences, else runs of words.
        // Each unit's count alone (what the budget is checked with) and, for a sentence after the first
        // of its paragraph, its count after the joining space (what it adds to the paragraph exactly).
        var units: [(OutlineParagraph, Int, joined: Int, startsParagraph: Bool, counts: ParagraphTokens?)] = []
        var unitRanks: [SectionBreaks.Rank] = []
        let ranks = SectionBreaks.ranks(of: section.paragraphs.map(\.text))
        for ((paragraph, counts), rank) in zip(zip(section.paragraphs, measured), ranks) {
            if let counts, counts.alone <= options.maxTokens {
                units.append((paragraph, counts.alone, counts.alone, true, counts))
                unitRanks.append(rank)
                continue
            }
            var first = true
            for sentence in SentenceSplitter.split(paragraph.text) {
                for (part, partTokens, joined) in splitLongSentence(sentence, afterSpace: !first) {
                    units.append((OutlineParagraph(text: part, page: paragraph.page), partTokens, joined, first, nil))
                    unitRanks.append(first ? rank : .insideParagraph)
                    first = false
                }
            }
        }
        let planned = SectionBreaks.planned(
            units: zip(units, unitRanks).map { SectionBreaks.Unit(tokens: $0.1, startsParagraph: $0.3, rank: $1) },
            budget: options.maxTokens)
        var pieces: [Piece] = []
        var current: [OutlineParagraph] = []
        var currentCounts: [ParagraphTokens?] = []
        var currentTokens = 0
        // The exact count of the last paragraph of `current` alone, while it is known.
        var lastAlone: Int? = nil
        var previousUnits: [(OutlineParagraph, Int)] = []
        func finishPiece() {
            var piece = Piece(
                headings: section.headings, paragraphs: current, tokens: currentTokens, isPartOfSplit: true,
                counts: currentCounts)
            if current.count == 1 { piece.sentenceTokens = lastAlone }
            if let exact = piece.exactTokens ?? piece.sentenceTokens { piece.tokens = exact }
            pieces.append(piece)
        }
        for (index, (unit, tokens, joined, startsParagraph, counts)) in units.enumerated() {
            if !current.isEmpty, planned.contains(index) || currentTokens + 1 + tokens > options.maxTokens {
                finishPiece()
                (current, currentTokens) = overlap(from: previousUnits, before: tokens)
                currentCounts = current.map { _ in nil }
                lastAlone = nil
                previousUnits = []
            }
            if !startsParagraph, let last = current.last {
                // Sentences of one paragraph stay one paragraph; a sentence's count after a space is
                // exactly what it adds to the paragraph (the pre-tokenizer never runs a piece across a
                // single space into the word after it), so the piece needs no encoding again.
                current[current.count - 1] = OutlineParagraph(
                    text: last.text + " " + unit.text, page: last.page ?? unit.page)
                currentCounts[currentCounts.count - 1] = nil
                currentTokens += tokens
                lastAlone = lastAlone.map { $0 + joined }
            } else {
                current.append(unit)
                currentCounts.append(counts)
                currentTokens += tokens + (current.count > 1 ? 1 : 0)
                lastAlone = tokens
            }
            previousUnits.append((unit, tokens))
        }
        if !current.isEmpty { finishPiece() }
        return pieces
    }

    /// The trailing units of the previous piece that fit in `overlapTokens` (and leave room for the next unit).
    private func overlap(from units: [(OutlineParagraph, Int)], before next: Int) -> ([OutlineParagraph], Int) {
        guard options.overlapTokens > 0 else { return ([], 0) }
        var kept: [(OutlineParagraph, Int)] = []
        var total = 0
        for unit in units.reversed() {
            guard total + unit.1 <= options.overlapTokens, total + unit.1 + next < options.maxTokens else { break }
            kept.insert(unit, at: 0)
            total += unit.1
        }
        guard !kept.isEmpty else { return ([], 0) }
        let text = kept.map(\.0.text).joined(separator: " ")
        return ([OutlineParagraph(text: text, page: kept[0].0.page)], total)
    }

    /// A sentence, or when it is longer than the budget its parts cut at word boundaries, each
    /// with its token count alone and its count after the space that joins it to what comes before
    /// in its paragraph (`afterSpace` for the sentence's first part); the joined counts add up to the
    /// paragraph's exact count.
    private func splitLongSentence(_ sentence: String, afterSpace: Bool) -> [(String, Int, Int)] {
        let sentenceTokens = encoding.count(sentence)
        guard sentenceTokens > options.maxTokens else {
            return [(sentence, sentenceTokens, afterSpace ? encoding.count(" " + sentence) : sentenceTokens)]
        }
        var parts: [String] = []
        var words: [Substring] = []
        var tokens = 0
        for word in sentence.split(separator: " ") {
            let wordTokens = encoding.count(" " + word)
            if !words.isEmpty, tokens + wordTokens > options.maxTokens {
                parts.append(words.joined(separator: " "))
                words = []
                tokens = 0
            }
            words.append(word)
            tokens += wordTokens
        }
        if !words.isEmpty { parts.append(words.joined(separator: " ")) }
        return parts.enumerated().map { index, part in
            let alone = encoding.count(part)
            return (part, alone, afterSpace || index > 0 ? encoding.count(" " + part) : alone)
        }
    }

    // MARK: - Merging

    /// Joins consecutive small sections that share a parent heading while the result fits; the merged
    /// passage takes the parent's label and keeps each child's heading line in its text.
    private func mergeSmallNeighbours(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        /// The indices in `pieces` each element of `result` was made from.
        var sources: [Range<Int>] = []
        for (index, piece) in pieces.enumerated() {
            guard let last = result.last, !last.isPartOfSplit, !piece.isPartOfSplit,
                last.tokens < options.minTokens || piece.tokens < options.minTokens,
                commonParent(last.headings, piece.headings) != nil
            else {
                result.append(piece)
                sources.append(index..<index + 1)
                continue
            }
            let parent = commonParent(last.headings, piece.headings) ?? []
            let lastBody = last.headings.count > parent.count ? withHeadingLine(last) : last.paragraphs
            let pieceBody = piece.headings.count > parent.count ? withHeadingLine(piece) : piece.paragraphs
            let body = lastBody + pieceBody
            // The pieces' paragraphs are counted already; only added heading lines are new.
            let lastLines = headingLineCounts(lastBody, of: last)
            let pieceLines = headingLineCounts(pieceBody, of: piece)
            let tokens =
                bodyTokens(last, headingLines: lastLines) + bodyTokens(piece, headingLines: pieceLines) + body.count - 1
            guard tokens <= options.maxTokens else {
                result.append(piece)
                sources.append(index..<index + 1)
                continue
            }
            let counts: [ParagraphTokens?] = lastLines + last.counts + pieceLines + piece.counts
            result[result.count - 1] = Piece(
                headings: parent, paragraphs: body, tokens: tokens, isPartOfSplit: false, counts: counts)
            sources[sources.count - 1] = sources[sources.count - 1].lowerBound..<index + 1
        }
        // A merge takes the parent's label, so it must hold the whole parent: "Section 3" answered
        // with 3.2 and 3.3 only (3.1 too long to join) is undone into its numbered items.
        return zip(result, sources).flatMap { merged, range in
            range.count > 1 && !holdsWholeParent(merged.headings, range, of: pieces)
                ? Array(pieces[range]) : [merged]
        }
    }

    /// Whether no piece just outside `range` sits under `parent` (the merge covers all of it).
    private func holdsWholeParent(_ parent: [OutlineHeading], _ range: Range<Int>, of pieces: [Piece]) -> Bool {
        let isUnderParent = { (index: Int) -> Bool in
            pieces.indices.contains(index) && pieces[index].headings.starts(with: parent)
        }
        return parent.isEmpty || !(isUnderParent(range.lowerBound - 1) || isUnderParent(range.upperBound))
    }

    /// The tokens of a piece's paragraphs, plus those of heading lines put in front of them.
    private func bodyTokens(_ piece: Piece, headingLines: [ParagraphTokens]) -> Int {
        let paragraphs = piece.tokens - max(0, piece.paragraphs.count - 1)
        return paragraphs + headingLines.reduce(0) { $0 + $1.alone }
    }

    /// The counts of the heading lines ``withHeadingLine(_:)`` put in front of a piece's paragraphs.
    private func headingLineCounts(_ body: [OutlineParagraph], of piece: Piece) -> [ParagraphTokens] {
        body.prefix(body.count - piece.paragraphs.count).map { ParagraphTokens(of: $0.text, encoding: encoding) }
    }

    /// The parent both pieces sit under, when they are siblings (or one is the other's parent section).
    ///
    /// Top-level sections (no parent heading) never merge: they are the document's own units.
    private func commonParent(_ a: [OutlineHeading], _ b: [OutlineHeading]) -> [OutlineHeading]? {
        if a == b { return a }
        guard a.count > 1 || b.count > 1 else { return nil }
        if a.dropLast() == b.dropLast()[...] { return Array(a.dropLast()) }
        if b.count == a.count + 1, Array(b.dropLast()) == a { return a }
        if a.count == b.count + 1, Array(a.dropLast()) == b { return b }
        return nil
    }

    private func withHeadingLine(_ piece: Piece) -> [OutlineParagraph] {
        guard let own = piece.own, !own.sourceText.isEmpty else { return piece.paragraphs }
        let page = piece.paragraphs.first?.page
        let lines = own.sourceText.paragraphs.map { OutlineParagraph(text: String($0), page: page) }
        return lines + piece.paragraphs
    }
}
