import Foundation

/// Finds the main text of a page and returns it as blocks.
///
/// Three named steps, tried in order (after trafilatura's driver):
/// 1. **Marked container**: the first element whose class/id/tag marks the article body, from the
///    most specific pattern (`entry-content`, `itemprop=articleBody`) to the vaguest (`<main>`).
/// 2. **Scored container**: Readability-style scoring of paragraphs (length, commas) credited to
///    their parent and grandparent, weighted by class hints and discounted by link density; the
///    best container plus siblings that score nearly as well.
/// 3. **Recovery**: when both give too little text, the whole body minus furniture.
struct HTMLMainContent {
    /// Below this many characters an extraction is judged too short and the next step is tried.
    static let minimumCharacters = 250

    let page: HTMLPageAnalysis

    func blocks() -> [Block] {
        let marked = markedContainerBlocks() ?? []
        let scored = scoredContainerBlocks()
        let markedLength = length(of: marked)
        let scoredLength = length(of: scored)
        // The marked container wins unless it is short and the scored one finds far more text
        // (a teaser or summary block marked like an article body).
        var best = marked
        var bestLength = markedLength
        if markedLength < Self.minimumCharacters || scoredLength > markedLength * 2 {
            if scoredLength > markedLength { (best, bestLength) = (scored, scoredLength) }
        }
        if bestLength >= Self.minimumCharacters { return best }
        var writer = HTMLBlockWriter(page: page)
        let recovered = writer.blocks(of: [page.body])
        if length(of: recovered) > bestLength { (best, bestLength) = (recovered, length(of: recovered)) }
        if bestLength > 0 { return best }
        var unfiltered = HTMLBlockWriter(page: page, filtersFurniture: false)
        return unfiltered.blocks(of: [page.body])
    }

    private func length(of blocks: [Block]) -> Int {
        blocks.reduce(0) { $0 + $1.text.count }
    }

    /// Step 1: the first container, by tier, whose class/id marks it as the article body.
    private func markedContainerBlocks() -> [Block]? {
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
        var fallback: [Block]? = nil
        for case let candidate? in firstByTier {
            var writer = HTMLBlockWriter(page: page)
            let blocks = writer.blocks(of: [candidate])
            debug("tier \(page.tier[candidate]) \(nodes[candidate].tag) \(nodes[candidate].attributes?.className ?? "") text \(page.textLength[candidate]) -> \(length(of: blocks))")
            if length(of: blocks) >= Self.minimumCharacters { return blocks }
            if fallback == nil || length(of: blocks) > length(of: fallback ?? []) { fallback = blocks }
        }
        return fallback
    }

    /// Step 2: Readability-style scoring.
    private func scoredContainerBlocks() -> [Block] {
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
        guard let top else { return [] }
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
        debug("scored top \(nodes[top].tag) \(nodes[top].attributes?.className ?? "") roots \(roots.count) text \(page.textLength[top])")
        return writer.blocks(of: roots)
    }

    private func debug(_ message: @autoclosure () -> String) {
        if ProcessInfo.processInfo.environment["TUNEDATA_HTML_DEBUG"] != nil {
            FileHandle.standardError.write(Data((message() + "\n").utf8))
        }
    }
}
