import Foundation

/// Decides which extractor reads a file, from its first bytes and its extension, by asking the
/// extractors in ``ExtractorRegistry``.
///
/// Content wins over the name: a PDF saved as `.html` is read as a PDF, a DOCX saved as `.zip` as a
/// DOCX, and a binary file named `.html` is refused rather than parsed into garbage. In order:
/// 1. a binary extractor whose signature matches (``Extractor/readsBinary``) takes the file;
/// 2. otherwise the extractor that claims the extension takes it if it reads binary formats (it then
///    reports the missing signature itself); binary content is refused for every other format;
/// 3. a text extractor whose sniff matches wins over a text extension whose own sniff does not (a
///    `.txt` file that holds an HTML page is read as HTML); then the extension's extractor;
/// 4. no extension claimed: a text extractor whose sniff matches, else "unsupported format".
enum FormatDetection {
    /// How many leading bytes the sniffs see.
    static let headLength = 8192

    /// Extensions tunedata picks up when walking a folder (every registered extractor's).
    static var supportedExtensions: Set<String> { ExtractorRegistry.extensions }

    /// True when a path's extension (ignoring a trailing `.gz`) is one tunedata reads.
    static func isSupported(path: String) -> Bool {
        supportedExtensions.contains(effectiveExtension(of: path))
    }

    /// The extension in lower case, looking through a final `.gz`.
    static func effectiveExtension(of path: String) -> String {
        var url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "gz" { url.deletePathExtension() }
        return url.pathExtension.lowercased()
    }

    /// The format of `data` named `path`.
    static func detect(_ data: Data, path: String) throws(ExtractionError) -> DocumentFormat {
        try extractor(for: data, path: path).format
    }

    /// The registered extractor that reads `data` named `path`.
    static func extractor(
        for data: Data, path: String, registry: [any Extractor] = ExtractorRegistry.all
    ) throws(ExtractionError) -> any Extractor {
        let head = data.prefix(headLength)
        if head.isEmpty { throw .empty }
        if let signed = registry.first(where: { $0.readsBinary && $0.sniff(head) }) { return signed }
        let ext = effectiveExtension(of: path)
        let claimant = registry.first { $0.extensions.contains(ext) }
        if let claimant, claimant.readsBinary { return claimant }
        if looksBinary(head) { throw .binaryContent }
        if let claimant, claimant.sniff(head) { return claimant }
        if let sniffed = registry.first(where: { !$0.readsBinary && $0.sniff(head) }) { return sniffed }
        if let claimant { return claimant }
        throw .unsupportedFormat(ext.isEmpty ? "no extension" : ".\(ext)")
    }

    /// NUL bytes (outside UTF-16 text) or a high share of control bytes mean binary data.
    static func looksBinary(_ head: Data) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return false }
        // Over the raw buffer: iterating `Data` byte by byte goes through its slow iterator.
        return head.withUnsafeBytes { bytes in
            var controls = 0
            for byte in bytes {
                if byte == 0 { return true }
                if byte < 0x09 || (byte > 0x0D && byte < 0x20) { controls += 1 }
            }
            return controls * 10 > bytes.count
        }
    }

    static func looksLikeHTML(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        return text.contains("<!doctype html") || text.contains("<html") || text.contains("<head")
            || text.contains("<body")
    }
}
