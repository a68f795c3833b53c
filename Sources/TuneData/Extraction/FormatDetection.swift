public import Foundation

/// Decides a file's format from its first bytes, falling back to its extension.
///
/// Content wins over the name: a PDF saved as `.html` is read as a PDF, and a binary file named
/// `.html` is refused rather than parsed into garbage.
public enum FormatDetection {
    /// Extensions tunedata picks up when walking a folder.
    public static let supportedExtensions: Set<String> = [
        "html", "htm", "xhtml", "pdf", "txt", "text", "md", "markdown",
    ]

    /// True when a path's extension (ignoring a trailing `.gz`) is one tunedata reads.
    public static func isSupported(path: String) -> Bool {
        supportedExtensions.contains(effectiveExtension(of: path))
    }

    /// The extension in lower case, looking through a final `.gz`.
    static func effectiveExtension(of path: String) -> String {
        var url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "gz" { url.deletePathExtension() }
        return url.pathExtension.lowercased()
    }

    /// The format of `data` named `path`.
    public static func detect(_ data: Data, path: String) throws(ExtractionError) -> DocumentFormat {
        let head = data.prefix(1024)
        if head.isEmpty { throw .empty }
        if let range = head.firstRange(of: Data("%PDF-".utf8)), range.lowerBound - head.startIndex < 1024 {
            return .pdf
        }
        let ext = effectiveExtension(of: path)
        if looksBinary(data.prefix(8192)) {
            throw ext == "pdf" ? .corrupt("no PDF header") : .binaryContent
        }
        switch ext {
        case "pdf": throw .corrupt("no PDF header")
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        case "txt", "text": return looksLikeHTML(head) ? .html : .text
        default:
            if looksLikeHTML(head) { return .html }
            throw .unsupportedFormat(ext.isEmpty ? "no extension" : ".\(ext)")
        }
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
