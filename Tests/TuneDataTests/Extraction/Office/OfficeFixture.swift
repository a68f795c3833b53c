import Foundation
import ZIPFoundation
@testable import TuneData

/// Builds small DOCX and ODT files in memory from hand-written XML parts.
enum OfficeFixture {
    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// A ZIP of `parts` (path → contents) in the given order, deflated unless `stored`.
    static func zip(_ parts: [(String, String)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, contents) in parts {
            let bytes = Data(contents.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: stored ? .none : .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A DOCX whose body is `body` (WordprocessingML inside `<w:body>`), with optional parts.
    static func docx(
        body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
        title: String? = nil
    ) throws -> Data {
        var parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
            ),
            (
                "word/document.xml",
                #"<?xml version="1.0" encoding="UTF-8"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#
            ),
        ]
        if let styles { parts.append(("word/styles.xml", "<w:styles \(w)>\(styles)</w:styles>")) }
        if let numbering { parts.append(("word/numbering.xml", "<w:numbering \(w)>\(numbering)</w:numbering>")) }
        if let footnotes { parts.append(("word/footnotes.xml", "<w:footnotes \(w)>\(footnotes)</w:footnotes>")) }
        if let title {
            parts.append(
                (
                    "docProps/core.xml",
                    #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\#(title)</dc:title></cp:coreProperties>"#
                ))
        }
        return try zip(parts)
    }

    /// A paragraph with `text` in one run, optionally in style `style`.
    static func p(_ text: String, style: String? = nil, numID: Int? = nil, level: Int? = nil) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if let numID {
            properties +=
                "<w:numPr>" + (level.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "")
                + #"<w:numId w:val="\#(numID)"/></w:numPr>"#
        }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
            + #"<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
    }

    /// An ODT whose `office:text` is `text`, with automatic styles `styles`.
    static func odt(_ text: String, styles: String = "", title: String? = nil) throws -> Data {
        let namespaces = """
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            """
        var parts: [(String, String)] = [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                "<office:document-content \(namespaces)><office:automatic-styles>\(styles)</office:automatic-styles><office:body><office:text>\(text)</office:text></office:body></office:document-content>"
            ),
        ]
        if let title {
            parts.append(
                (
                    "meta.xml",
                    "<office:document-meta \(namespaces)><office:meta><dc:title>\(title)</dc:title></office:meta></office:document-meta>"
                ))
        }
        return try zip(parts, stored: true)
    }

    static func extract(_ data: Data, name: String = "fixture.docx", options: ExtractionOptions = ExtractionOptions())
        throws(ExtractionError) -> Document
    {
        try Extractors(options: options).extract(
            data, from: SourceFile(url: URL(fileURLWithPath: name), displayPath: name, documentID: "id"))
    }

    static func texts(_ document: Document) -> [String] {
        document.blocks.map { "\($0.kind.name)\($0.kind.headingLevel.map(String.init) ?? ""): \($0.text)" }
    }
}
