internal import CLibXML2

/// Builds an ``HTMLTree`` straight from libxml2's SAX events, so no libxml2 tree is allocated,
/// walked and freed for each page.
///
/// The result is the tree libxml2's own tree builder would give, as ``HTMLParser`` used to copy it:
/// adjacent character events make one text node until an element or a comment intervenes (as
/// `xmlSAX2Characters` merges them), text outside every element is dropped, and the contents of
/// elements that are never read (`script`, `svg`, `select`...) are skipped.
///
/// A value type: the parser reaches it through one pointer, so no event pays for the dynamic
/// exclusivity checks a class's stored properties would need.
struct HTMLTreeBuilder {
    private var tree = HTMLTree()
    /// Indices of the open elements whose children are being collected.
    private var open: [Int] = []
    /// Depth inside an element whose contents are skipped; 0 outside.
    private var skipDepth = 0
    /// Bytes of the text node being collected, and whether one is open (it may be empty).
    private var text: [UInt8] = []
    private var hasText = false
    /// Element names are interned in the parser's dictionary, so the pointer identifies the name.
    private var tagCache: [UInt: HTMLTag] = [:]

    init() {
        tree.nodes.reserveCapacity(4096)
        tree.nodes.append(HTMLNode(tag: .other, parent: -1, end: 1))
        text.reserveCapacity(1024)
    }

    /// The finished tree: open elements are closed at the end of the input.
    mutating func finish() -> HTMLTree {
        closeText()
        while let index = open.popLast() {
            tree.nodes[index].end = Int32(tree.nodes.count)
        }
        tree.nodes[0].end = Int32(tree.nodes.count)
        return tree
    }

    mutating func startElement(
        _ name: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        closeText()
        let tag = self.tag(name)
        let index = tree.nodes.count
        var element = HTMLNode(tag: tag, parent: Int32(open.last ?? 0), end: Int32(index + 1))
        if let attributes {
            element.attributes = HTMLAttributeReader.read(attributes, tag: tag)
        }
        tree.nodes.append(element)
        if HTMLParser.descendsInto(tag) {
            open.append(index)
        } else {
            skipDepth = 1
        }
    }

    mutating func endElement() {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        closeText()
        guard let index = open.popLast() else { return }
        tree.nodes[index].end = Int32(tree.nodes.count)
    }

    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        // libxml2's tree builder drops text that has no element to go in.
        guard skipDepth == 0, !open.isEmpty else { return }
        hasText = true
        if let bytes, count > 0 {
            text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
    }

    /// A comment or processing instruction: not kept, but it separates two text nodes.
    mutating func separator() {
        if skipDepth == 0 { closeText() }
    }

    private mutating func closeText() {
        guard hasText else { return }
        hasText = false
        let index = tree.nodes.count
        var node = HTMLNode(tag: .text, parent: Int32(open.last ?? 0), end: Int32(index + 1))
        // Whitespace-only text (the indentation between tags) is shared as one " ".
        node.text = text.allSatisfy(Self.isBlank) ? " " : String(decoding: text, as: UTF8.self)
        tree.nodes.append(node)
        text.removeAll(keepingCapacity: true)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private mutating func tag(_ name: UnsafePointer<xmlChar>?) -> HTMLTag {
        guard let name else { return .other }
        let key = UInt(bitPattern: name)
        if let tag = tagCache[key] { return tag }
        let tag = HTMLTag(name: String(cString: name).lowercased())
        tagCache[key] = tag
        return tag
    }
}
