/// The element names the HTML extractor tells apart; every other element is ``other``.
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, map
    case form, button, input, select, textarea, label, option, fieldset, dialog
    case nav, header, footer, aside, menu, main, article, section, div, span
    case p, br, hr, h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd
    case table, caption, thead, tbody, tfoot, tr, td, th
    case blockquote, pre, code, figure, figcaption, address, details, summary
    case a, img, time, sup, sub
    case frameset, frame

    /// Looks up a lower-case element name.
    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    private static let byName: [String: HTMLTag] = [
        "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link,
        "base": .base, "script": .script, "style": .style, "noscript": .noscript, "template": .template,
        "svg": .svg, "math": .math, "iframe": .iframe, "object": .object, "embed": .embed,
        "canvas": .canvas, "video": .video, "audio": .audio, "map": .map, "form": .form,
        "button": .button, "input": .input, "select": .select, "textarea": .textarea, "label": .label,
        "option": .option, "fieldset": .fieldset, "dialog": .dialog, "nav": .nav, "header": .header,
        "footer": .footer, "aside": .aside, "menu": .menu, "main": .main, "article": .article,
        "section": .section, "div": .div, "span": .span, "p": .p, "br": .br, "hr": .hr, "h1": .h1,
        "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5, "h6": .h6, "hgroup": .hgroup, "ul": .ul, "ol": .ol,
        "li": .li, "dl": .dl, "dt": .dt, "dd": .dd, "table": .table, "caption": .caption,
        "thead": .thead, "tbody": .tbody, "tfoot": .tfoot, "tr": .tr, "td": .td, "th": .th,
        "blockquote": .blockquote, "pre": .pre, "code": .code, "figure": .figure,
        "figcaption": .figcaption, "address": .address, "details": .details, "summary": .summary,
        "a": .a, "img": .img, "time": .time, "sup": .sup, "sub": .sub, "frameset": .frameset,
        "frame": .frame, "center": .div, "main-content": .div, "font": .span, "b": .span, "i": .span,
        "em": .span, "strong": .span, "u": .span, "small": .span, "big": .span, "abbr": .span,
        "cite": .span, "q": .span, "mark": .span, "s": .span, "strike": .span, "del": .span,
        "ins": .span, "kbd": .span, "samp": .span, "var": .span, "tt": .span, "dfn": .span,
        "bdi": .span, "bdo": .span, "nobr": .span, "wbr": .span, "picture": .other, "source": .other,
        "dir": .ul, "xmp": .pre, "listing": .pre, "plaintext": .pre,
    ]

    /// The heading level of `h1`...`h6`, else `nil`.
    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Elements that start a new block of text (everything else flows inline).
    var isBlock: Bool {
        switch self {
        case .text, .other, .span, .a, .img, .time, .sup, .sub, .code, .br, .label, .input, .button,
            .select, .option, .textarea:
            false
        default: true
        }
    }

    /// Elements whose content is never text a reader sees.
    var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
            .video, .audio, .map, .button, .input, .select, .textarea, .option, .dialog, .head, .title,
            .meta, .link, .base, .frameset, .frame:
            true
        default: false
        }
    }
}

/// The few attributes the extractor reads, copied out of libxml2.
struct HTMLAttributes: Sendable {
    /// The `class` attribute, lower-cased.
    var className = ""
    /// The `id` attribute, lower-cased.
    var id = ""
    var role: String?
    var itemprop: String?
    /// True for `hidden`, `aria-hidden="true"` and inline `display:none` / `visibility:hidden`.
    var isHidden = false
    /// The other attributes, kept only on head elements and a few others (`meta`, `link`, `time`, `html`).
    var extra: [String: String] = [:]
}

/// One node of a parsed page, in document order.
struct HTMLNode: Sendable {
    var tag: HTMLTag
    /// Index of the parent node (-1 for the root).
    var parent: Int32
    /// One past the index of the last node of this node's subtree (nodes are stored in pre-order).
    var end: Int32
    /// The text of a text node; empty for elements.
    var text: String = ""
    var attributes: HTMLAttributes?
}

/// A parsed page as Swift values: nodes in pre-order, so a subtree is a contiguous index range and
/// every walk is a loop rather than recursion (10,000 nested `div`s cannot overflow the stack).
struct HTMLTree: Sendable {
    var nodes: [HTMLNode] = []

    /// The subtree of `index`, the node itself excluded.
    func descendants(of index: Int) -> Range<Int> {
        (index + 1)..<Int(nodes[index].end)
    }

    /// The first element with `tag` in document order.
    func first(_ tag: HTMLTag, in range: Range<Int>? = nil) -> Int? {
        let range = range ?? nodes.indices
        return range.first { nodes[$0].tag == tag }
    }

    /// The indices of the direct children of `index`.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = Int(nodes[index].end)
        while child < end {
            result.append(child)
            child = Int(nodes[child].end)
        }
        return result
    }

    /// The concatenated text of a subtree, whitespace collapsed.
    func text(of index: Int) -> String {
        var parts = ""
        for i in descendants(of: index) where nodes[i].tag == .text {
            parts += nodes[i].text
        }
        return TextNormalization.normalizeInline(parts)
    }
}
