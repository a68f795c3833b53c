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
        let pieces = SectionOutline.sections(of: document).flatMap { split($0) }
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
                    tokenCount: piece.exactTokens ?? encoding.count(text),
                    pages: Array(Set(piece.paragraphs.compactMap(\.page))).sorted()))
        }
        return SplitSectionLabels.labelled(passages)
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
        var own: OutlineHeading? { headings.last }

        /// The exact token count of the passage text, when every paragraph's counts are known.
        var exactTokens: Int? {
            guard counts.allSatisfy({ $0 != nil }) else { return nil }
            return ParagraphTokens.total(counts.compactMap { $0 })
        }
    }

    private func split(_ section: OutlineSection) -> [Piece] {
        // Each paragraph is encoded once; the counts add up to the exact count of any run of
        // whole paragraphs (see ``ParagraphTokens``), so a section that fits is never encoded again.
        let measured = section.paragraphs.map { ParagraphTokens(of: $0.text, encoding: encoding) }
        let total =
            ParagraphTokens.total(measured) ?? encoding.count(section.paragraphs.map(\.text).joined(separator: "\n\n"))
        if total <= options.maxTokens {
            return [
                Piece(
                    headings: section.headings, paragraphs: section.paragraphs, tokens: total, isPartOfSplit: false,
                    counts: measured)
            ]
        }
        // Units no longer than the budget: whole paragraphs, else sentences, else runs of words.
        var units: [(OutlineParagraph, Int, startsParagraph: Bool, counts: ParagraphTokens?)] = []
        for (paragraph, counts) in zip(section.paragraphs, measured) {
            if counts.alone <= options.maxTokens {
                units.append((paragraph, counts.alone, true, counts))
                continue
            }
            var first = true
            for sentence in SentenceSplitter.split(paragraph.text) {
                for (part, partTokens) in splitLongSentence(sentence) {
                    units.append((OutlineParagraph(text: part, page: paragraph.page), partTokens, first, nil))
                    first = false
                }
            }
        }
        var pieces: [Piece] = []
        var current: [OutlineParagraph] = []
        var currentCounts: [ParagraphTokens?] = []
        var currentTokens = 0
        var previousUnits: [(OutlineParagraph, Int)] = []
        func finishPiece() {
            var piece = Piece(
                headings: section.headings, paragraphs: current, tokens: currentTokens, isPartOfSplit: true,
                counts: currentCounts)
            if let exact = piece.exactTokens { piece.tokens = exact }
            pieces.append(piece)
        }
        for (unit, tokens, startsParagraph, counts) in units {
            if !current.isEmpty, currentTokens + 1 + tokens > options.maxTokens {
                finishPiece()
                (current, currentTokens) = overlap(from: previousUnits, before: tokens)
                currentCounts = current.map { _ in nil }
                previousUnits = []
            }
            if !startsParagraph, let last = current.last {
                // Sentences of one paragraph stay one paragraph.
                current[current.count - 1] = OutlineParagraph(
                    text: last.text + " " + unit.text, page: last.page ?? unit.page)
                currentCounts[currentCounts.count - 1] = nil
                currentTokens += tokens
            } else {
                current.append(unit)
                currentCounts.append(counts)
                currentTokens += tokens + (current.count > 1 ? 1 : 0)
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
    /// with its token count.
    private func splitLongSentence(_ sentence: String) -> [(String, Int)] {
        let sentenceTokens = encoding.count(sentence)
        guard sentenceTokens > options.maxTokens else { return [(sentence, sentenceTokens)] }
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
        return parts.map { ($0, encoding.count($0)) }
    }

    // MARK: - Merging

    /// Joins consecutive small sections that share a parent heading while the result fits; the merged
    /// passage takes the parent's label and keeps each child's heading line in its text.
    private func mergeSmallNeighbours(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        for piece in pieces {
            guard let last = result.last, !last.isPartOfSplit, !piece.isPartOfSplit,
                last.tokens < options.minTokens || piece.tokens < options.minTokens,
                commonParent(last.headings, piece.headings) != nil
            else {
                result.append(piece)
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
                continue
            }
            let counts: [ParagraphTokens?] = lastLines + last.counts + pieceLines + piece.counts
            result[result.count - 1] = Piece(
                headings: parent, paragraphs: body, tokens: tokens, isPartOfSplit: false, counts: counts)
        }
        return result
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
