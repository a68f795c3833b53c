internal import CLibXML2
import Foundation

/// Owns one libxml2 document and frees it when released; the pointer is only lent out.
final class HTMLParsedDocument {
    private let pointer: htmlDocPtr

    init(takingOwnershipOf pointer: htmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    func withPointer<Result>(_ body: (htmlDocPtr) throws -> Result) rethrows -> Result {
        try body(pointer)
    }
}

/// Parses HTML with libxml2's forgiving parser and copies the tree into an ``HTMLTree``.
///
/// This is the only place that touches libxml2: no C pointer leaves this file.
enum HTMLParser {
    /// `xmlInitParser()` must run once before documents are parsed on several threads.
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Options for real-world HTML: recover from every error, stay silent, never touch the network,
    /// ignore the page's own charset declaration (``HTMLEncoding`` already chose one) and lift the
    /// depth and size limits so deep or huge pages parse fully (the copy below is iterative).
    static let options: Int32 = {
        let flags: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET,
            HTML_PARSE_COMPACT, HTML_PARSE_IGNORE_ENC,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue } | XML_PARSE_HUGE.rawValue)
    }()

    /// Parses `data`, which is in `encoding` (an iconv/libxml2 name), into a tree.
    static func parse(_ data: Data, encoding: String) throws(ExtractionError) -> HTMLTree {
        guard let document = parseDocument(data, encoding: encoding) else {
            throw .corrupt("libxml2 could not parse the HTML")
        }
        return document.withPointer { copyTree(of: $0) }
    }

    /// Parses only, without copying the tree: what the benchmark times as "bare parse".
    static func parseOnly(_ data: Data, encoding: String) -> Bool {
        parseDocument(data, encoding: encoding) != nil
    }

    /// True when libxml2 (through iconv) can decode `encoding`.
    static func supportsEncoding(_ encoding: String) -> Bool {
        _ = libraryInitialised
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    private static func parseDocument(_ data: Data, encoding: String) -> HTMLParsedDocument? {
        _ = libraryInitialised
        let pointer: htmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(clamping: raw.count), nil, encoding, options)
        }
        return pointer.map { HTMLParsedDocument(takingOwnershipOf: $0) }
    }

    /// Walks the libxml2 tree without recursion and copies elements and text into Swift values.
    private static func copyTree(of document: htmlDocPtr) -> HTMLTree {
        var tree = HTMLTree()
        tree.nodes.reserveCapacity(4096)
        tree.nodes.append(HTMLNode(tag: .other, parent: -1, end: 1))
        var tagCache: [UInt: HTMLTag] = [:]
        // (libxml2 node whose children are being copied, its index in the tree)
        var open: [(node: xmlNodePtr, index: Int)] = []
        var parentIndex = 0
        var cursor = document.pointee.children
        while true {
            while let node = cursor {
                var descend = false
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    let tag = self.tag(of: node, cache: &tagCache)
                    let index = tree.nodes.count
                    var element = HTMLNode(tag: tag, parent: Int32(parentIndex), end: Int32(index + 1))
                    element.attributes = attributes(of: node, tag: tag)
                    tree.nodes.append(element)
                    if node.pointee.children != nil, descendsInto(tag) {
                        open.append((node, index))
                        parentIndex = index
                        descend = true
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content {
                        let index = tree.nodes.count
                        var text = HTMLNode(tag: .text, parent: Int32(parentIndex), end: Int32(index + 1))
                        text.text = isBlank(content) ? " " : String(cString: content)
                        tree.nodes.append(text)
                    }
                default:
                    break
                }
                cursor = descend ? node.pointee.children : node.pointee.next
            }
            guard let (node, index) = open.popLast() else { break }
            tree.nodes[index].end = Int32(tree.nodes.count)
            parentIndex = open.last?.index ?? 0
            cursor = node.pointee.next
        }
        tree.nodes[0].end = Int32(tree.nodes.count)
        return tree
    }

    /// True for whitespace-only text (the indentation between tags), shared as one " ".
    private static func isBlank(_ content: UnsafePointer<xmlChar>) -> Bool {
        var offset = 0
        while true {
            switch content[offset] {
            case 0: return true
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: offset += 1
            default: return false
            }
        }
    }

    /// Children of these elements are never text a reader sees, so they are not copied at all.
    private static func descendsInto(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .template, .svg, .math, .iframe, .object, .select, .textarea,
            .canvas:
            false
        default: true
        }
    }

    /// Element names are interned in the document's dictionary, so the pointer identifies the name.
    private static func tag(of node: xmlNodePtr, cache: inout [UInt: HTMLTag]) -> HTMLTag {
        guard let name = node.pointee.name else { return .other }
        let key = UInt(bitPattern: name)
        if let tag = cache[key] { return tag }
        let tag = HTMLTag(name: String(cString: name).lowercased())
        cache[key] = tag
        return tag
    }

    /// Elements whose other attributes (`content`, `href`, `lang`, `datetime`...) the metadata reads.
    private static func keepsAllAttributes(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .meta, .link, .time, .html, .frame, .iframe: true
        default: false
        }
    }

    private static func attributes(of node: xmlNodePtr, tag: HTMLTag) -> HTMLAttributes? {
        var attribute = node.pointee.properties
        if attribute == nil { return nil }
        var result = HTMLAttributes()
        let keepAll = keepsAllAttributes(tag)
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            // libxml2's HTML parser lower-cases attribute names; compare bytes, build no String.
            if equals(name, "class") {
                result.className = value(of: current, lowercased: true)
            } else if equals(name, "id") {
                result.id = value(of: current, lowercased: true)
            } else if equals(name, "role") {
                result.role = value(of: current, lowercased: true)
            } else if equals(name, "itemprop") {
                result.itemprop = value(of: current, lowercased: true)
            } else if equals(name, "hidden") {
                result.isHidden = true
            } else if equals(name, "aria-hidden") {
                if value(of: current).lowercased() == "true" { result.isHidden = true }
            } else if equals(name, "style") {
                if hidesElement(style: value(of: current)) { result.isHidden = true }
            } else if keepAll {
                result.extra[String(cString: name).lowercased()] = value(of: current)
            }
        }
        return result
    }

    /// Whether an inline style hides the element (`display: none`, `visibility: hidden`), compared
    /// on ASCII-lower-cased bytes without spaces.
    static func hidesElement(style: String) -> Bool {
        let compact = style.utf8.compactMap { byte -> UInt8? in
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : byte.asciiLowercased
        }
        return hiddenStyles.matches(String(decoding: compact, as: UTF8.self))
    }

    private static let hiddenStyles = HTMLPatternSet(["display:none", "visibility:hidden"])

    /// True when the NUL-terminated `name` is exactly `literal` (ASCII).
    private static func equals(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where name[offset] != bytes[offset] {
            return false
        }
        return name[literal.utf8CodeUnitCount] == 0
    }

    /// An attribute's value: the single text child when there is one (no allocation by libxml2),
    /// otherwise `xmlNodeGetContent`, whose copy is freed at once.
    ///
    /// With `lowercased`, ASCII values (nearly all class and id values) are lower-cased byte by byte
    /// while they are copied; others go through Unicode lower-casing.
    private static func value(of attribute: xmlAttrPtr, lowercased: Bool = false) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE
        {
            return child.pointee.content.map { string($0, lowercased: lowercased) } ?? ""
        }
        let nodePointer = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
        guard let content = xmlNodeGetContent(nodePointer) else { return "" }
        defer { tunedata_xml_free(content) }
        return string(content, lowercased: lowercased)
    }

    private static func string(_ bytes: UnsafePointer<xmlChar>, lowercased: Bool) -> String {
        guard lowercased else { return String(cString: bytes) }
        let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
        let buffer = UnsafeBufferPointer(start: bytes, count: length)
        guard buffer.allSatisfy({ $0 < 0x80 }) else { return String(cString: bytes).lowercased() }
        return String(unsafeUninitializedCapacity: length) { output in
            for (index, byte) in buffer.enumerated() {
                output[index] = byte.asciiLowercased
            }
            return length
        }
    }
}
