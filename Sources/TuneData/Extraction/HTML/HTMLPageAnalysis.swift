/// Per-node facts the main-content detection reads: which nodes are dropped outright, and how
/// much visible text, link text and punctuation each subtree holds.
///
/// Built with two linear passes over the pre-order tree (forward for inherited flags, backward
/// for sums), so its cost is proportional to the page and independent of its depth.
struct HTMLPageAnalysis {
    /// Marked containers up to this tier (article bodies, posts, `<article>`, content ids) mark
    /// their ancestors as holding marked content; broader ones (`<main>`) do not.
    static let narrowestMarkedTier: UInt8 = 4

    let tree: HTMLTree
    /// The `body` element, or the root when the page has none.
    let body: Int
    /// True for a node that is never content (scripts, hidden, navigation...) or inside one.
    private(set) var dropped: [Bool]
    /// Visible characters (whitespace excluded) in the subtree.
    private(set) var textLength: [Int32]
    /// Visible characters inside links in the subtree.
    private(set) var linkLength: [Int32]
    /// Visible characters in the node's own text children.
    private(set) var ownTextLength: [Int32]
    /// Commas (including CJK ones) in the subtree.
    private(set) var commas: [Int32]
    /// True when the node or an ancestor is an `article` or `main`.
    private(set) var insideArticle: [Bool]
    /// ``HTMLBoilerplate/contentTier(_:_:)`` of each kept element, 0 when none.
    private(set) var tier: [UInt8]
    /// True when a descendant is marked as main text (tier 1 to 4).
    private(set) var holdsMarkedContent: [Bool]

    init(tree: HTMLTree) {
        self.tree = tree
        let count = tree.nodes.count
        body = tree.first(.body) ?? 0
        dropped = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        ownTextLength = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        insideArticle = Array(repeating: false, count: count)
        tier = Array(repeating: 0, count: count)
        holdsMarkedContent = Array(repeating: false, count: count)
        markDropped(soft: false)
        countTextNodes()
        sumText()
        markDropped(soft: true)
        sumText()
        markTiers()
    }

    private mutating func markTiers() {
        let nodes = tree.nodes
        for index in 1..<nodes.count where !dropped[index] && nodes[index].tag != .text {
            if let value = HTMLBoilerplate.contentTier(nodes[index].tag, nodes[index].attributes) {
                tier[index] = UInt8(value)
            }
        }
        for index in stride(from: nodes.count - 1, through: 1, by: -1) {
            let parent = Int(nodes[index].parent)
            if holdsMarkedContent[index] || (tier[index] > 0 && tier[index] <= Self.narrowestMarkedTier) {
                holdsMarkedContent[parent] = true
            }
        }
    }

    /// The first pass drops what is never content (scripts, styles, form controls); the second,
    /// with text lengths known, drops chrome: navigation, headers, footers, forms, hidden parts.
    private mutating func markDropped(soft: Bool) {
        let nodes = tree.nodes
        let bodyText = Int(textLength[body])
        for index in 1..<nodes.count {
            let parent = Int(nodes[index].parent)
            if parent >= 0 {
                insideArticle[index] = insideArticle[parent]
                if dropped[parent] {
                    dropped[index] = true
                    continue
                }
            }
            guard nodes[index].tag != .text, !dropped[index] else { continue }
            let node = nodes[index]
            if node.tag == .article || node.tag == .main || node.attributes?.role == "main" {
                insideArticle[index] = true
            }
            if !soft {
                if node.tag.isNeverContent, node.tag != .noscript { dropped[index] = true }
                continue
            }
            // `<noscript>` is what a reader without scripts sees: some sites put the article there.
            if node.tag == .noscript {
                if Int(textLength[index]) * 4 < bodyText { dropped[index] = true }
                continue
            }
            // Chrome is dropped unless it holds most of the page's text (an unclosed `<header>`
            // or a hidden-until-loaded wrapper swallows the article in the parsed tree).
            let holdsMost = Int(textLength[index]) * 2 > bodyText
            if holdsMost { continue }
            if HTMLBoilerplate.isDroppedTag(node.tag) || node.attributes?.isHidden == true {
                dropped[index] = true
            } else if let role = node.attributes?.role, HTMLBoilerplate.isBoilerplateRole(role),
                node.tag != .body, node.tag != .html
            {
                dropped[index] = true
            } else if (node.tag == .form || node.tag == .header) && !insideArticle[index] {
                dropped[index] = true
            }
        }
    }

    /// Counts each text node once: visible characters (whitespace excluded) and commas, read
    /// from the UTF-8 bytes (lead bytes only), including the CJK and Arabic commas.
    private mutating func countTextNodes() {
        for index in tree.nodes.indices where tree.nodes[index].tag == .text {
            var visible: Int32 = 0
            var commaCount: Int32 = 0
            var text = tree.nodes[index].text
            text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    switch byte {
                    case 0x09, 0x0A, 0x0C, 0x0D, 0x20: break
                    case 0x2C: commaCount += 1; visible += 1
                    case 0x80...0xBF: break  // continuation byte
                    case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: break  // no-break space
                    case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C:
                        commaCount += 1; visible += 1  // ，
                    case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x81:
                        commaCount += 1; visible += 1  // 、
                    case 0xD8 where i + 1 < bytes.count && bytes[i + 1] == 0x8C:
                        commaCount += 1; visible += 1  // ،
                    default: visible += 1
                    }
                    i += 1
                }
            }
            textLength[index] = visible
            commas[index] = commaCount
        }
    }

    /// Sums text node counts up the tree, skipping dropped subtrees.
    private mutating func sumText() {
        let nodes = tree.nodes
        for index in 0..<nodes.count where nodes[index].tag != .text {
            textLength[index] = 0
            linkLength[index] = 0
            ownTextLength[index] = 0
            commas[index] = 0
        }
        for index in stride(from: nodes.count - 1, through: 1, by: -1) where !dropped[index] {
            let tag = nodes[index].tag
            let parent = Int(nodes[index].parent)
            if tag == .text {
                ownTextLength[parent] += textLength[index]
            } else if tag == .a {
                linkLength[index] = textLength[index]
            }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            commas[parent] += commas[index]
        }
    }

    /// Share of a subtree's text that sits inside links (0 when it has no text).
    func linkDensity(_ index: Int) -> Double {
        let text = textLength[index]
        return text == 0 ? 0 : Double(linkLength[index]) / Double(text)
    }
}
