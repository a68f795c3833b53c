/// Where a section too long for one passage is cut: before one of its own clauses, not mid-list.
///
/// Filling each piece to the budget cuts wherever the budget runs out: a piece then opens at
/// "(ii)" of clause (c) without the lead-in that says what (ii) is an item of. Instead, when the
/// paragraph that does not fit lies inside a clause (a nested item, or a later sentence of a long
/// paragraph), the cut moves back to the latest paragraph that opens a top-level clause of the
/// section ("(d)", "12.2"), else a nested one ("(c)(iii)"), else a paragraph, as long as the piece
/// it ends keeps a fair share of the budget and the piece it starts fits.
enum SectionBreaks {
    /// How good a place a unit is to start a piece, best first.
    enum Rank: Int, Comparable {
        /// Opens a clause at the section's outermost enumerated level.
        case topClause
        /// Opens a clause nested in another.
        case nestedClause
        /// Plain prose, or a paragraph's first sentence when it opens no clause.
        case prose
        /// A later sentence of a paragraph cut into sentences.
        case insideParagraph

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A unit the chunker fills pieces with: its tokens and whether it starts a paragraph.
    struct Unit {
        var tokens: Int
        var startsParagraph: Bool
        var rank: Rank
    }

    /// A piece ended early must still hold a quarter of the budget: cutting back further makes a
    /// passage too small to ask about and multiplies the pieces.
    static let minimumShareKept = 4

    /// Each paragraph's rank, from where its enumerator sits among the section's clauses.
    static func ranks(of paragraphs: [String]) -> [Rank] {
        var path = EnumeratorPath()
        let depths = paragraphs.map { path.read($0) ? path.items.count : nil }
        // A paragraph that opens in lower case goes on with the sentence before it (a page break cut
        // it): a piece started there would start mid-sentence.
        let continuesSentence = paragraphs.map { $0.first?.isLowercase == true }
        return zip(rankByClause(depths), continuesSentence).map { $1 ? .insideParagraph : $0 }
    }

    private static func rankByClause(_ depths: [Int?]) -> [Rank] {
        let outermost = depths.compactMap { $0 }.min()
        // A section of prose paragraphs with a list inside one of them ("Customer shall not: (i) …
        // (iv) …", then more prose): its paragraphs are its units and the list is nested in them.
        let listed = depths.filter { $0 == outermost }.count
        let proseAfterList = depths.drop { $0 == nil }.filter { $0 == nil }.count
        if listed > 0, proseAfterList >= max(listed, Self.proseParagraphsForProseSection) {
            return depths.map { $0 == nil ? .topClause : .nestedClause }
        }
        return depths.map { depth in
            guard let depth else { return .prose }
            return depth == outermost ? .topClause : .nestedClause
        }
    }

    /// Prose paragraphs after a list that make the section prose with a list inside.
    ///
    /// A list followed by a paragraph or two ("(a) … (f) …. Fees are payable within thirty days.")
    /// is still a list section; with this many after it, and at least as many as the list's items,
    /// the paragraphs are the section's units.
    static let proseParagraphsForProseSection = 3

    /// The indices of the units that start a new piece, counting tokens as the chunker does (a
    /// paragraph after the first adds one for its separator, a sentence joined to its paragraph none).
    static func planned(units: [Unit], budget: Int) -> Set<Int> {
        // Running sums of tokens and of paragraph starts, so any run's cost is two subtractions.
        var tokensBefore = [0]
        var startsBefore = [0]
        for unit in units {
            tokensBefore.append(tokensBefore[tokensBefore.count - 1] + unit.tokens)
            startsBefore.append(startsBefore[startsBefore.count - 1] + (unit.startsParagraph ? 1 : 0))
        }
        func cost(_ range: Range<Int>) -> Int {
            guard !range.isEmpty else { return 0 }
            let separators = startsBefore[range.upperBound] - startsBefore[range.lowerBound + 1]
            return tokensBefore[range.upperBound] - tokensBefore[range.lowerBound] + separators
        }
        var breaks: Set<Int> = []
        var start = 0
        for (index, unit) in units.enumerated() {
            guard index > start, cost(start..<index) + 1 + unit.tokens > budget else { continue }
            // A paragraph that opens a top clause, or prose after a list, is a fine place to start.
            var best = index
            let movesBack = units[index].rank == .nestedClause || units[index].rank == .insideParagraph
            for candidate in (start + 1)..<index where movesBack && units[candidate].rank <= units[best].rank {
                guard cost(start..<candidate) * minimumShareKept >= budget,
                    cost(candidate..<index + 1) + 1 <= budget
                else { continue }
                if units[candidate].rank < units[best].rank || candidate > best { best = candidate }
            }
            // Among equally good places the latest wins (the fullest piece); a better rank wins over a later one.
            breaks.insert(best)
            start = best
        }
        return breaks
    }
}
