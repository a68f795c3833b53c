import Foundation

/// Reads plain text and Markdown: paragraphs are separated by blank lines; in Markdown, `#`
/// headings and list items are recognised, fenced code is kept verbatim.
struct PlainTextExtractor: Extractor {
    nonisolated(unsafe) private static let atxHeading = /(#{1,6})\s+(.*?)\s*#*/
    nonisolated(unsafe) private static let listItem = /(?:[-*+]|\d{1,3}[.)])\s+(.+)/

    let format: DocumentFormat

    init(format: DocumentFormat = .text) {
        self.format = format
    }

    var extensions: Set<String> { format == .markdown ? ["md", "markdown"] : ["txt", "text"] }

    /// Plain text has no signature: it is read when the extension says so.
    func sniff(_ head: Data) -> Bool { false }

    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        let (text, warning) = TextDecoding.decode(data)
        let blocks = format == .markdown ? Self.markdownBlocks(text) : Self.textBlocks(text)
        if blocks.isEmpty { throw .empty }
        let title =
            format == .markdown
            ? blocks.first(where: { $0.kind.headingLevel != nil })?.text : OpeningTitle.title(in: blocks)
        return Document(
            id: source.documentID, source: source.displayPath, format: format, title: title,
            blocks: blocks, warnings: warning.map { [$0] } ?? [])
    }

    /// Paragraphs of plain text: runs of non-blank lines.
    static func textBlocks(_ text: String) -> [Block] {
        let texts = paragraphs(of: text).compactMap { lines in
            let joined = TextNormalization.normalizeInline(lines.joined(separator: " "))
            return joined.isEmpty ? nil : joined
        }
        return TextPageBreaks.joined(texts).map { Block(kind: .paragraph, text: $0) }
    }

    /// Blocks of CommonMark-style Markdown (ATX headings, list items, fenced code, paragraphs).
    static func markdownBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [Substring] = []
        var fence: [Substring]? = nil
        func flush() {
            let joined = TextNormalization.normalizeInline(paragraph.joined(separator: " "))
            if !joined.isEmpty { blocks.append(Block(kind: .paragraph, text: joined)) }
            paragraph.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var lines = fence {
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    let code = TextNormalization.normalizePreservingLines(lines.joined(separator: "\n"))
                    if !code.isEmpty { blocks.append(Block(kind: .code, text: code)) }
                    fence = nil
                } else {
                    lines.append(line)
                    fence = lines
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = []
            } else if let match = trimmed.wholeMatch(of: Self.atxHeading) {
                flush()
                let heading = TextNormalization.normalizeInline(String(match.2))
                if !heading.isEmpty { blocks.append(Block(kind: .heading(level: match.1.count), text: heading)) }
            } else if let match = trimmed.wholeMatch(of: Self.listItem) {
                flush()
                blocks.append(Block(kind: .listItem, text: TextNormalization.normalizeInline(String(match.1))))
            } else if trimmed.hasPrefix(">") {
                flush()
                let quote = TextNormalization.normalizeInline(String(trimmed.dropFirst()))
                if !quote.isEmpty { blocks.append(Block(kind: .quote, text: quote)) }
            } else if trimmed.isEmpty {
                flush()
            } else {
                paragraph.append(Substring(trimmed))
            }
        }
        flush()
        return blocks
    }

    private static func paragraphs(of text: String) -> [[Substring]] {
        var result: [[Substring]] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
