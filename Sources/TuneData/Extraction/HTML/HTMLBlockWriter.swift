/// Turns a subtree of an analysed page into ``Block``s: headings with levels, paragraphs, list
/// items, table rows, quotes, captions and verbatim `<pre>` text.
///
/// Inline elements never split a paragraph; a single `<br>` reads as a space and a double one as
/// a paragraph break. With filtering on, furniture (by class/id) and link-dense lists are skipped.
struct HTMLBlockWriter {
    let page: HTMLPageAnalysis
    /// Skip elements whose class/id mark furniture, and short link-dense elements.
    var filtersFurniture = true
    private var furnitureCache: [String: Bool] = [:]
    private var blocks: [Block] = []
    private var buffer = ""
    /// When measuring, text is counted (visible characters) instead of being written as blocks.
    private var measuring = false
    private var measured = 0
    private var textSinceBreak = false
    private var sawBreak = false
    /// Open block elements: where each ends and the block kind it imposes (nil inherits).
    private var open: [(end: Int, kind: BlockKind?)] = []

    init(page: HTMLPageAnalysis, filtersFurniture: Bool = true) {
        self.page = page
        self.filtersFurniture = filtersFurniture
    }

    /// The blocks of the subtrees at `roots`, in order.
    mutating func blocks(of roots: [Int]) -> [Block] {
        blocks = []
        measuring = false
        for root in roots { write(root) }
        return blocks
    }

    /// The visible characters (whitespace excluded) the same walk would write, without building
    /// any text: how candidate containers are compared cheaply.
    mutating func measure(_ roots: [Int]) -> Int {
        measuring = true
        measured = 0
        for root in roots { write(root) }
        measuring = false
        return measured
    }

    private mutating func write(_ root: Int) {
        let nodes = page.tree.nodes
        let rootText = Int(page.textLength[root])
        var index = root
        let stop = Int(nodes[root].end)
        open = []
        while index < stop {
            while let top = open.last, top.end <= index {
                flush()
                open.removeLast()
            }
            let node = nodes[index]
            let next = Int(node.end)
            if page.dropped[index] {
                index = next
                continue
            }
            switch node.tag {
            case .text where measuring:
                measured += Int(page.textLength[index])
                index += 1
                continue
            case .text:
                buffer += node.text
                if !textSinceBreak, node.text.contains(where: { !$0.isWhitespace }) { textSinceBreak = true }
                index += 1
                continue
            case .br:
                if sawBreak, !textSinceBreak {
                    flush()
                } else {
                    buffer += " "
                    sawBreak = true
                    textSinceBreak = false
                }
                index += 1
                continue
            default:
                break
            }
            if index != root, filtersFurniture, isSkipped(index, rootText: rootText) {
                index = next
                continue
            }
            if measuring, node.tag == .pre || node.tag == .tr {
                measured += Int(page.textLength[index])
                index = next
                continue
            }
            if node.tag == .pre {
                flush()
                let text = TextNormalization.normalizePreservingLines(rawText(of: index))
                if let prose = PreformattedText.prose(text) {
                    blocks += PreformattedText.paragraphs(prose).map { Block(kind: .paragraph, text: $0) }
                } else if !text.isEmpty {
                    blocks.append(Block(kind: .code, text: text))
                }
                index = next
                continue
            }
            if node.tag == .tr, let row = tableRow(index) {
                flush()
                if !row.isEmpty { blocks.append(Block(kind: .tableRow, text: row)) }
                index = next
                continue
            }
            if node.tag.isBlock {
                flush()
                open.append((next, kind(of: node.tag)))
            }
            index += 1
        }
        while !open.isEmpty {
            flush()
            open.removeLast()
        }
        flush()
    }

    private func kind(of tag: HTMLTag) -> BlockKind? {
        if let level = tag.headingLevel { return .heading(level: level) }
        switch tag {
        case .li: return .listItem
        case .blockquote: return .quote
        case .figcaption, .caption: return .caption
        case .p, .dd, .dt, .td, .th, .div, .section, .article: return .paragraph
        default: return nil
        }
    }

    /// The kind of the innermost open element that imposes one; list items and quotes keep
    /// their kind through nested paragraphs.
    private var currentKind: BlockKind {
        var result: BlockKind = .paragraph
        for entry in open.reversed() {
            guard let kind = entry.kind else { continue }
            switch kind {
            case .paragraph:
                continue
            default:
                result = kind
            }
            return result
        }
        return result
    }

    private mutating func flush() {
        sawBreak = false
        textSinceBreak = false
        guard !buffer.isEmpty else { return }
        let text = TextNormalization.normalizeInline(buffer)
        buffer = ""
        if !text.isEmpty { blocks.append(Block(kind: currentKind, text: text)) }
    }

    /// True for furniture and for short elements made mostly of links (menus, tag lists).
    private mutating func isSkipped(_ index: Int, rootText: Int) -> Bool {
        let node = page.tree.nodes[index]
        let text = Int(page.textLength[index])
        if text == 0 { return true }
        if let attributes = node.attributes, isFurniture(attributes), !holdsMainContent(index),
            text * 5 < rootText * 3
        {
            return true
        }
        let links = Int(page.linkLength[index])
        guard node.tag.isBlock, links * 10 >= text * 4 else { return false }
        let limit: Int
        switch node.tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6: limit = 100
        case .ul, .ol, .dl, .table: limit = 1000
        case .li, .tr, .td: limit = 30
        default: limit = 1000
        }
        return text < limit
    }

    private mutating func isFurniture(_ attributes: HTMLAttributes) -> Bool {
        if let role = attributes.role, HTMLBoilerplate.isBoilerplateRole(role) { return true }
        let key = attributes.className + "#" + attributes.id
        if let cached = furnitureCache[key] { return cached }
        let result = HTMLBoilerplate.isFurniture(attributes)
        furnitureCache[key] = result
        return result
    }

    /// A furniture-looking wrapper is kept when it contains the page's marked main text.
    /// (A wrapper holding most of the page's text is a layout wrapper, whatever its name.)
    private func holdsMainContent(_ index: Int) -> Bool {
        page.holdsMarkedContent[index] || Int(page.textLength[index]) * 5 > Int(page.textLength[page.body]) * 3
    }

    /// The text of a subtree exactly as written (for `<pre>`), `<br>` as a line break.
    private func rawText(of index: Int) -> String {
        var text = ""
        let nodes = page.tree.nodes
        for inner in page.tree.descendants(of: index) where !page.dropped[inner] {
            if nodes[inner].tag == .text { text += nodes[inner].text } else if nodes[inner].tag == .br { text += "\n" }
        }
        return text
    }

    /// A data row (cells holding inline text only) as one line, cells joined by " | ";
    /// `nil` for a layout row whose cells hold paragraphs, lists or nested tables.
    private func tableRow(_ index: Int) -> String? {
        let nodes = page.tree.nodes
        var cells: [String] = []
        var cell: String? = nil
        var cellEnd = 0
        for inner in page.tree.descendants(of: index) {
            let node = nodes[inner]
            if inner >= cellEnd, let current = cell {
                cells.append(TextNormalization.normalizeInline(current))
                cell = nil
            }
            if page.dropped[inner] { continue }
            switch node.tag {
            case .td, .th:
                if cell != nil { return nil }
                cell = ""
                cellEnd = Int(node.end)
            case .text:
                cell? += node.text
            case .br:
                cell? += " "
            default:
                if node.tag.isBlock, node.tag != .span, ![.div, .p].contains(node.tag) || page.textLength[inner] > 400 {
                    return nil
                }
            }
        }
        if let current = cell { cells.append(TextNormalization.normalizeInline(current)) }
        return cells.filter { !$0.isEmpty }.joined(separator: " | ")
    }
}
