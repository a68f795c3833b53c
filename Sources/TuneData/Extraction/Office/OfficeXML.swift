internal import CLibXML2
import Foundation

/// An element of an Office part (WordprocessingML or OpenDocument XML) as a Swift value.
///
/// Names are `prefix:local` with a fixed prefix per namespace (``OfficeXML/prefixes``), whatever
/// prefix the file itself declares, so `w:p` means WordprocessingML's paragraph in any file.
struct XMLElement: Sendable {
    /// A child: an element or a run of character data.
    enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    var name: String
    var attributes: [String: String]
    var children: [Child]

    /// The child elements, in order.
    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The element reached by following child names (`["w:pPr", "w:numPr", "w:ilvl"]`).
    func descendant(_ path: [String]) -> XMLElement? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// All character data below this element, in document order (walked without recursion).
    var text: String {
        var result = ""
        var pending: [[Child]] = [children]
        var positions: [Int] = [0]
        while let last = pending.last, let position = positions.last {
            if position == last.count {
                pending.removeLast()
                positions.removeLast()
                continue
            }
            positions[positions.count - 1] += 1
            switch last[position] {
            case .text(let value): result += value
            case .element(let element):
                pending.append(element.children)
                positions.append(0)
            }
        }
        return result
    }
}

/// Parses the XML parts of Office files with libxml2, safely.
///
/// Office parts never declare a DTD, so any document type declaration is refused before parsing
/// (no entity of a billion-laughs file is ever expanded); entities are not substituted, the network
/// is never touched, and libxml2's default limits on depth and on text and attribute length stay on
/// (no `XML_PARSE_HUGE`), so a huge attribute is an error, not an allocation.
enum OfficeXML {
    /// Canonical prefixes by namespace URI.
    static let prefixes: [String: String] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0": "meta",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    /// `xmlInitParser()` must run once before documents are parsed on several threads.
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Silent, no network, no entity substitution, no DTD loading, default size limits.
    static let options = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses `data`, the part named `part`, into its root element.
    static func parse(_ data: Data, part: String) throws(ExtractionError) -> XMLElement {
        _ = libraryInitialised
        if declaresDocumentType(data) {
            throw .corrupt("\(part) declares a DTD (entity declarations are not allowed in Office files)")
        }
        let root: XMLElement? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let document = xmlReadMemory(base, Int32(clamping: raw.count), part, nil, options)
            else { return nil }
            defer { xmlFreeDoc(document) }
            guard let node = xmlDocGetRootElement(document) else { return nil }
            return element(node, depth: 0)
        }
        guard let root else { throw .corrupt("\(part) is not well-formed XML") }
        return root
    }

    /// Whether a `<!DOCTYPE` appears before the root element.
    static func declaresDocumentType(_ data: Data) -> Bool {
        // The prolog is short; a DOCTYPE after the first element is a syntax error libxml2 reports.
        let prolog = data.prefix(4096)
        return prolog.firstRange(of: Data("<!DOCTYPE".utf8)) != nil
            || prolog.firstRange(of: Data("<!ENTITY".utf8)) != nil
    }

    /// libxml2 stops at 256 levels without `XML_PARSE_HUGE`; this bound is a second guard.
    private static let maximumDepth = 512

    private static func element(_ node: UnsafeMutablePointer<xmlNode>, depth: Int) -> XMLElement {
        var result = XMLElement(name: qualifiedName(node.pointee.name, node.pointee.ns), attributes: [:], children: [])
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = qualifiedName(current.pointee.name, current.pointee.ns)
            if let value = xmlNodeGetContent(UnsafeMutablePointer<xmlNode>(OpaquePointer(current))) {
                result.attributes[name] = String(cString: value)
                tunedata_xml_free(value)
            }
            attribute = current.pointee.next
        }
        guard depth < maximumDepth else { return result }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: result.children.append(.element(element(current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { result.children.append(.text(String(cString: content))) }
            default: break
            }
            child = current.pointee.next
        }
        return result
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: UnsafeMutablePointer<xmlNs>?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let href = ns?.pointee.href else { return local }
        let prefix = prefixes[String(cString: href)] ?? "?"
        return prefix + ":" + local
    }
}
