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
                    && (last.text.count < 30 || (last.text.count < 120 && !Self.endsSentence(last.text)))
                    && blocks.dropLast().contains(where: { $0.kind.headingLevel == nil }))
        {
            blocks.removeLast()
        }
        // Likewise a short unpunctuated line before the text: a date, a byline, a category.
        while blocks.count > 1, let first = blocks.first, first.kind == .paragraph, first.text.count < 60,
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
            if marked.length < Self.minimumCharacters || scored.length > marked.length * 2 {
                // A teaser or summary marked like an article body: the scored container has far more.
                if scored.length > marked.length { best = scored }
            } else if marked.tier >= 3, isInside(scored.root, marked.root), scored.length * 10 >= marked.length * 7 {
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
            case .div, .article, .main: value += 5
            case .pre, .td, .blockquote: value += 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: value -= 3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: value -= 5
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
            guard length >= 25 else { continue }
            let contentScore = 1 + Double(page.commas[index]) + min(Double(length) / 100, 3)
            var ancestor = Int(node.parent)
            var level = 0
            while ancestor >= page.body, level < 3 {
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
            let threshold = max(10, topScore * 0.2)
            roots = page.tree.children(of: parent).filter { sibling in
                if sibling == top { return true }
                if page.dropped[sibling] || nodes[sibling].tag == .text { return false }
                if let value = score[sibling], value >= threshold { return true }
                if nodes[sibling].tag == .p {
                    let length = page.textLength[sibling]
                    let density = page.linkDensity(sibling)
                    return (length > 80 && density < 0.25) || (length > 0 && density == 0 && length < 80)
                }
                return false
            }
        }
        var writer = HTMLBlockWriter(page: page)
        return Candidate(root: top, roots: roots, tier: 0, length: writer.measure(roots))
    }

}
