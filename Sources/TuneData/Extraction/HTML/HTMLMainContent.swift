/// Finds the main text of a page and returns it as blocks.
///
/// Three named steps, tried in order (after trafilatura's driver):
/// 1. **Marked container**: the first element whose class/id/tag marks the article body, from the
///    most specific pattern (`entry-content`, `itemprop=articleBody`) to the vaguest (`<main>`).
/// 2. **Scored container**: Readability-style scoring of paragraphs (length, commas) credited to
///    their parent and grandparent, weighted by class hints and discounted by link density; the
///    best container plus siblings that score nearly as well.
/// 3. **Recovery**: when both give too little text, the whole body minus furniture.
///
/// The winner is then trimmed of a dangling heading or short closing lines at its end and of a
/// short unpunctuated line (date, byline) at its start.
struct HTMLMainContent {
    /// Below this many visible characters (about 1,500 with spaces) an extraction is judged short:
    /// the next marked container, the scored container and finally the whole body are tried, and
    /// the longest wins.
    static let minimumCharacters = 1280
    /// A last paragraph shorter than this closes the page ("Comments are closed.").
    static let closingLineLength = 30
    /// A last paragraph shorter than this and without a sentence end closes the page too.
    static let closingUnpunctuatedLength = 120
    /// A first paragraph shorter than this and without a sentence end is a date, byline or category.
    static let openingLineLength = 60
    /// A scored container this many times longer than the marked one means the mark is a teaser.
    static let teaserRatio = 2
    /// Marked containers of this tier or broader (`<main>`, `#content`) give way to their densest part.
    static let broadTier = 3
    /// The densest part must hold this many tenths of the broad container's text.
    static let densestPartTenths = 7

    // Readability's scoring, with its weights.
    /// Added for a container tag (div, article, main), taken off for a heading.
    static let containerTagWeight = 5.0
    /// Added for a text tag (pre, td, blockquote), taken off for a list or form.
    static let textTagWeight = 3.0
    /// A paragraph shorter than this (in characters) adds nothing to its ancestors' scores.
    static let minimumScoredLength = 25
    /// A paragraph earns a point for every this many characters...
    static let charactersPerPoint = 100.0
    /// ...up to this many points.
    static let maxLengthPoints = 3.0
    /// How many ancestors a paragraph's score reaches (parent, grandparent, one more).
    static let scoredAncestors = 3
    /// A sibling of the top container joins it with at least this score...
    static let minimumSiblingScore = 10.0
    /// ...or this share of the top score, whichever is higher.
    static let siblingScoreShare = 0.2
    /// A sibling paragraph longer than this joins when few of its words are links.
    static let siblingParagraphLength: Int32 = 80
    /// The link density below which a long sibling paragraph joins.
    static let siblingLinkDensity = 0.25

    let page: HTMLPageAnalysis

    /// A container found by one step: its root(s) and how much text it would give.
    private struct Candidate {
        /// The container itself (for the scored step, the best-scoring one).
        var root: Int
        /// What is written, in document order: the root, plus siblings for the scored step.
        var roots: [Int]
        var tier: Int
        /// Visible characters (whitespace excluded) the block writer would keep.
        var length: Int
    }

    func blocks() -> [Block] {
        var blocks = untrimmedBlocks()
        // A heading with nothing after it, or a short line closing the page ("Related posts",
        // "Comments are closed."), introduces what was cut away: it is not part of the text.
        // Never trim a page down to headings alone: a short page's only paragraph is its text.
        while blocks.count > 1, let last = blocks.last,
            last.kind.headingLevel != nil
                || (last.kind == .paragraph
                    && (last.text.count < Self.closingLineLength
                        || (last.text.count < Self.closingUnpunctuatedLength && !Self.endsSentence(last.text)))
                    && blocks.dropLast().contains(where: { $0.kind.headingLevel == nil }))
        {
            blocks.removeLast()
        }
        // Likewise a short unpunctuated line before the text: a date, a byline, a category.
        while blocks.count > 1, let first = blocks.first, first.kind == .paragraph,
            first.text.count < Self.openingLineLength,
            !Self.endsSentence(first.text)
        {
            blocks.removeFirst()
        }
        return blocks
    }

    /// True when text ends like a sentence or clause (so it is prose, not a label or a date).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".!?:;)”\"»。！？".contains(last)
    }

    private func untrimmedBlocks() -> [Block] {
        let marked = markedContainer()
        let scored = scoredContainer()
        var best = marked ?? scored
        if let marked, let scored {
            if marked.length < Self.minimumCharacters || scored.length > marked.length * Self.teaserRatio {
                // A teaser or summary marked like an article body: the scored container has far more.
                if scored.length > marked.length { best = scored }
            } else if marked.tier >= Self.broadTier, isInside(scored.root, marked.root),
                scored.length * 10 >= marked.length * Self.densestPartTenths
            {
                // A broad container (`<main>`, `#content`) whose densest part holds most of its text:
                // the narrower container leaves out the related links and teasers around it.
                best = scored
            }
        }
        var writer = HTMLBlockWriter(page: page)
        if let best, best.length >= Self.minimumCharacters { return writer.blocks(of: best.roots) }
        let bestLength = best?.length ?? 0
        if writer.measure([page.body]) > bestLength { return writer.blocks(of: [page.body]) }
        if let best, bestLength > 0 { return writer.blocks(of: best.roots) }
        var unfiltered = HTMLBlockWriter(page: page, filtersFurniture: false)
        return unfiltered.blocks(of: [page.body])
    }

    private func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        node > ancestor && node < Int(page.tree.nodes[ancestor].end)
    }

    /// Step 1: the first container, by tier, whose class/id marks it as the article body.
    private func markedContainer() -> Candidate? {
        let nodes = page.tree.nodes
        var firstByTier: [Int?] = Array(repeating: nil, count: 6)
        var index = page.body
        let end = Int(nodes[page.body].end)
        while index < end {
            if page.dropped[index] {
                index = Int(nodes[index].end)
                continue
            }
            let tier = Int(page.tier[index])
            if tier > 0, page.textLength[index] > 0, firstByTier[tier] == nil {
                firstByTier[tier] = index
            }
            index += 1
        }
        var fallback: Candidate? = nil
        for case let root? in firstByTier {
            var writer = HTMLBlockWriter(page: page)
            let candidate = Candidate(
                root: root, roots: [root], tier: Int(page.tier[root]), length: writer.measure([root]))
            if candidate.length >= Self.minimumCharacters { return candidate }
            if candidate.length > fallback?.length ?? -1 { fallback = candidate }
        }
        return fallback
    }

    /// Step 2: Readability-style scoring.
    private func scoredContainer() -> Candidate? {
        let nodes = page.tree.nodes
        var score: [Int: Double] = [:]
        func initialScore(_ index: Int) -> Double {
            var value = HTMLBoilerplate.classWeight(nodes[index].attributes)
            switch nodes[index].tag {
            case .div, .article, .main: value += Self.containerTagWeight
            case .pre, .td, .blockquote: value += Self.textTagWeight
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: value -= Self.textTagWeight
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: value -= Self.containerTagWeight
            default: break
            }
            return value
        }
        for index in page.tree.descendants(of: page.body) where !page.dropped[index] {
            let node = nodes[index]
            let length: Int
            switch node.tag {
            case .p, .pre, .td, .blockquote, .dd, .li:
                length = Int(page.textLength[index])
            case .div, .section, .article, .main:
                length = Int(page.ownTextLength[index])
            default: continue
            }
            guard length >= Self.minimumScoredLength else { continue }
            let contentScore =
                1 + Double(page.commas[index]) + min(Double(length) / Self.charactersPerPoint, Self.maxLengthPoints)
            var ancestor = Int(node.parent)
            var level = 0
            while ancestor >= page.body, level < Self.scoredAncestors {
                if score[ancestor] == nil { score[ancestor] = initialScore(ancestor) }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                score[ancestor, default: 0] += contentScore / divider
                ancestor = Int(nodes[ancestor].parent)
                level += 1
            }
        }
        var top: Int? = nil
        var topScore = -Double.infinity
        for (index, value) in score {
            let final = value * (1 - page.linkDensity(index))
            score[index] = final
            if final > topScore || (final == topScore && index < (top ?? Int.max)) {
                top = index
                topScore = final
            }
        }
        guard let top else { return nil }
        var roots = [top]
        let parent = Int(nodes[top].parent)
        if top != page.body, parent >= 0 {
            let threshold = max(Self.minimumSiblingScore, topScore * Self.siblingScoreShare)
            roots = page.tree.children(of: parent).filter { sibling in
                if sibling == top { return true }
                if page.dropped[sibling] || nodes[sibling].tag == .text { return false }
                if let value = score[sibling], value >= threshold { return true }
                if nodes[sibling].tag == .p {
                    let length = page.textLength[sibling]
                    let density = page.linkDensity(sibling)
                    return (length > Self.siblingParagraphLength && density < Self.siblingLinkDensity)
                        || (length > 0 && density == 0 && length < Self.siblingParagraphLength)
                }
                return false
            }
        }
        var writer = HTMLBlockWriter(page: page)
        return Candidate(root: top, roots: roots, tier: 0, length: writer.measure(roots))
    }

}
