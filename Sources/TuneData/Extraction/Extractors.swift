public import Foundation

/// Reads a file from disk and hands it to the extractor for its format.
///
/// This is the one entry point the pipeline and the `extract` command use; it owns the checks
/// every format shares (existence, size, gzip, format sniffing).
public struct Extractors: Sendable {
    public var options: ExtractionOptions

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// The extractor for a format.
    public func extractor(for format: DocumentFormat) -> any Extractor {
        ExtractorRegistry.extractor(for: format) ?? PlainTextExtractor(format: .text)
    }

    /// Reads and extracts one file.
    public func extract(_ source: SourceFile) throws(ExtractionError) -> Document {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: source.url.path)
            if let size = attributes[.size] as? Int, size > options.maxFileBytes {
                throw ExtractionError.tooLarge(bytes: size, limit: options.maxFileBytes)
            }
            data = try Data(contentsOf: source.url, options: .mappedIfSafe)
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw .unreadable(Self.reason(for: error, path: source.url.path))
        }
        return try extract(data, from: source)
    }

    /// Extracts bytes already in memory (decompressing gzip first).
    public func extract(_ data: Data, from source: SourceFile) throws(ExtractionError) -> Document {
        if data.isEmpty { throw .empty }
        var bytes = data
        if Gzip.isCompressed(bytes) { bytes = try Gzip.decompress(bytes, limit: options.maxFileBytes) }
        let extractor = try FormatDetection.extractor(for: bytes, path: source.displayPath)
        var document = try extractor.extract(bytes, from: source, options: options)
        if document.blocks.isEmpty { throw .empty }
        document.kind = DocumentKind.detect(document)
        return document
    }

    private static func reason(for error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return (error as NSError).localizedDescription
    }
}
