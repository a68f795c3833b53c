import Foundation
import Testing
@testable import TuneData

/// A toy format, as a newcomer would add one: an extension, a sniff and an extract.
struct ToyExtractor: Extractor {
    let format = DocumentFormat(rawValue: "toy")
    let extensions: Set<String> = ["toy"]
    func sniff(_ head: Data) -> Bool { head.starts(with: Data("TOY1".utf8)) }
    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError) -> Document
    {
        let text = String(decoding: data.dropFirst(4), as: UTF8.self)
        return Document(
            id: source.documentID, source: source.displayPath, format: format,
            blocks: [Block(kind: .paragraph, text: text)])
    }
}

@Suite struct FormatDetectionTests {
    static func detect(_ text: String, _ path: String, registry: [any Extractor] = ExtractorRegistry.all)
        throws(ExtractionError) -> String
    {
        try FormatDetection.extractor(for: Data(text.utf8), path: path, registry: registry).format.rawValue
    }

    @Test(arguments: [
        ("%PDF-1.7 ...", "a.html", "pdf"),
        ("<html><body>x</body></html>", "a.txt", "html"),
        ("<html><body>x</body></html>", "a.data", "html"),
        ("plain words", "a.txt", "text"),
        ("# Heading", "a.md", "markdown"),
        ("plain words", "a.HTM", "html"),
        ("plain words", "a.txt.gz", "text"),
    ])
    func contentThenExtension(text: String, path: String, format: String) throws {
        #expect(try Self.detect(text, path) == format)
    }

    @Test func refusals() {
        #expect(throws: ExtractionError.unsupportedFormat(".data")) { try Self.detect("plain words", "a.data") }
        #expect(throws: ExtractionError.binaryContent) { try Self.detect("\u{0}\u{1}\u{2}", "a.html") }
        #expect(throws: ExtractionError.empty) { try Self.detect("", "a.txt") }
    }

    @Test func aNewExtractorIsOneRegistryEntry() throws {
        let registry = ExtractorRegistry.all + [ToyExtractor()]
        #expect(try Self.detect("TOY1hello", "unnamed.bin", registry: registry) == "toy")
        #expect(try Self.detect("plain", "notes.toy", registry: registry) == "toy")
        #expect(throws: ExtractionError.unsupportedFormat(".toy")) { try Self.detect("plain", "notes.toy") }
        #expect(ExtractorRegistry.extensions.isSuperset(of: ["pdf", "html", "txt", "md"]))
    }

    @Test func formatsEncodeAsTheirBareNames() throws {
        let encoded = try JSONEncoder().encode([DocumentFormat.pdf, .docx])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["pdf","docx"]"#)
        #expect(
            try JSONDecoder().decode([DocumentFormat].self, from: Data(#"["html","markdown"]"#.utf8)) == [
                .html, .markdown,
            ])
    }
}
