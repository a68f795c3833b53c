public import Foundation

/// Placeholder until the libxml2 extractor lands.
public struct HTMLExtractor: Extractor {
    public let format = DocumentFormat.html
    public init() {}
    public func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError) -> Document {
        throw .unsupportedFormat("HTML extractor not built yet")
    }
}
