public import Foundation

/// Placeholder until the poppler extractor lands.
public struct PDFExtractor: Extractor {
    public let format = DocumentFormat.pdf
    public init() {}
    public func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError) -> Document {
        throw .unsupportedFormat("PDF extractor not built yet")
    }
}
