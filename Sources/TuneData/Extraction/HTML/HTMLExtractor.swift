public import Foundation

/// Extracts the main text of an HTML page: libxml2's forgiving parser, browser-style encoding
/// detection, then main-content detection that drops navigation, banners, footers and comments.
///
/// Metadata keys: "language" (`<html lang>`), "url" (canonical link or `og:url`), "date"
/// (`article:published_time`, Dublin Core, `<time datetime>`).
public struct HTMLExtractor: Extractor {
    public let format = DocumentFormat.html
    public let extensions: Set<String> = ["html", "htm", "xhtml"]

    /// A doctype or an `<html>`, `<head>` or `<body>` tag in the first 512 bytes.
    public func sniff(_ head: Data) -> Bool { FormatDetection.looksLikeHTML(head) }

    public init() {}

    public func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        let prepared = HTMLEncoding.prepare(data)
        let tree = try HTMLParser.parse(prepared.bytes, encoding: prepared.encoding)
        let page = HTMLPageAnalysis(tree: tree)
        let blocks = HTMLMainContent(page: page).blocks()
        if blocks.isEmpty { throw Self.reasonForNoText(in: tree) }
        let metadata = HTMLMetadata(page: page)
        return Document(
            id: source.documentID, source: source.displayPath, format: .html,
            title: OpeningTitle.usableMetadataTitle(metadata.title) ?? OpeningTitle.title(in: blocks),
            metadata: metadata.values, blocks: blocks, warnings: prepared.warning.map { [$0] } ?? [])
    }

    /// Says why a page without text has none: frames, a redirect, or nothing at all.
    static func reasonForNoText(in tree: HTMLTree) -> ExtractionError {
        let frames = tree.nodes.compactMap { node -> String? in
            guard node.tag == .frame || node.tag == .iframe else { return nil }
            return node.attributes?.extra["src"]
        }
        if tree.first(.frameset) != nil {
            let list = frames.isEmpty ? "" : ": " + frames.prefix(5).joined(separator: ", ")
            return .unsupportedFormat("frameset page with no text of its own; the text is in its frames\(list)")
        }
        for node in tree.nodes where node.tag == .meta {
            guard let extra = node.attributes?.extra, extra["http-equiv"]?.lowercased() == "refresh",
                let content = extra["content"]
            else { continue }
            let target = content.split(separator: "=", maxSplits: 1).dropFirst().first.map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
            }
            return .unsupportedFormat("redirect-only page (meta refresh to \(target ?? "another page"))")
        }
        return .empty
    }
}
