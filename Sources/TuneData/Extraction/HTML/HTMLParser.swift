internal import CLibXML2
import Foundation

/// Parses HTML with libxml2's forgiving parser into an ``HTMLTree``.
///
/// This file, ``HTMLTreeBuilder`` and ``HTMLAttributeReader`` are the only code that touches
/// libxml2; no C pointer leaves them.
enum HTMLParser {
    /// `xmlInitParser()` must run once before documents are parsed on several threads.
    private static let libraryInitialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Options for real-world HTML: recover from every error, stay silent, never touch the network,
    /// ignore the page's own charset declaration (``HTMLEncoding`` already chose one) and lift the
    /// depth and size limits so deep or huge pages parse fully (the tree is built without recursion).
    static let options: Int32 = {
        let flags: [htmlParserOption] = [
            HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET,
            HTML_PARSE_COMPACT, HTML_PARSE_IGNORE_ENC,
        ]
        return Int32(bitPattern: flags.reduce(0) { $0 | $1.rawValue } | XML_PARSE_HUGE.rawValue)
    }()

    /// Parses `data`, which is in `encoding` (an iconv/libxml2 name), into a tree.
    ///
    /// libxml2 reports the page as SAX events and ``HTMLTreeBuilder`` makes the Swift tree from
    /// them directly, so libxml2 never builds (and frees) a tree of its own.
    static func parse(_ data: Data, encoding: String) throws(ExtractionError) -> HTMLTree {
        _ = libraryInitialised
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLTreeBuilder())
        defer { builder.deinitialize(count: 1).deallocate() }
        let parsed = data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let context = htmlCreateMemoryParserCtxt(base, Int32(clamping: raw.count))
            else { return false }
            defer { htmlFreeParserCtxt(context) }
            // The same steps as htmlReadMemory, with our handlers in place of the tree builder's.
            htmlCtxtUseOptions(context, options)
            installHandlers(in: context)
            context.pointee._private = UnsafeMutableRawPointer(builder)
            if let handler = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(context, handler)
                if let input = context.pointee.input {
                    if let previous = input.pointee.encoding {
                        tunedata_xml_free(UnsafeMutableRawPointer(mutating: previous))
                    }
                    input.pointee.encoding = UnsafePointer(xmlStrdup(encoding))
                }
            }
            _ = htmlParseDocument(context)
            return true
        }
        guard parsed else { throw .corrupt("libxml2 could not parse the HTML") }
        return builder.pointee.finish()
    }

    /// Replaces every SAX handler: the ones not set here stay NULL, so libxml2 builds nothing.
    ///
    /// Handlers receive the parser context (its `userData`), whose `_private` is the builder.
    private static func installHandlers(in context: htmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee = xmlSAXHandler()
        sax.pointee.initialized = 1
        sax.pointee.startElement = { context, name, attributes in
            HTMLParser.builder(context)?.pointee.startElement(name, attributes: attributes)
        }
        sax.pointee.endElement = { context, _ in HTMLParser.builder(context)?.pointee.endElement() }
        sax.pointee.characters = { context, bytes, count in
            HTMLParser.builder(context)?.pointee.characters(bytes, count: count)
        }
        sax.pointee.comment = { context, _ in HTMLParser.builder(context)?.pointee.separator() }
        sax.pointee.processingInstruction = { context, _, _ in HTMLParser.builder(context)?.pointee.separator() }
    }

    private static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder>? {
        context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?
            .assumingMemoryBound(to: HTMLTreeBuilder.self)
    }

    /// True when libxml2 (through iconv) can decode `encoding`.
    static func supportsEncoding(_ encoding: String) -> Bool {
        _ = libraryInitialised
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Children of these elements are never text a reader sees, so they are not copied at all.
    static func descendsInto(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .template, .svg, .math, .iframe, .object, .select, .textarea,
            .canvas:
            false
        default: true
        }
    }
}
