import Foundation
import Testing

@testable import TuneData

@Suite struct FormatDetectionTests {
    @Test(
        arguments: [
            ("%PDF-1.7\n1 0 obj", "contract.html", DocumentFormat.pdf),
            ("<!DOCTYPE html><html><body>Terms</body></html>", "terms.txt", .html),
            ("<html><head><title>T</title></head></html>", "page", .html),
            ("The parties agree as follows.", "notes.txt", .text),
            ("# Heading\n\nText.", "readme.md", .markdown),
            ("<p>Hello</p>", "page.htm", .html),
        ] as [(String, String, DocumentFormat)])
    func contentThenExtension(content: String, path: String, format: DocumentFormat) throws {
        #expect(try FormatDetection.detect(Data(content.utf8), path: path) == format)
    }

    @Test(
        arguments: [
            (Data(), "a.txt", ExtractionError.empty),
            (Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08]), "a.html", .binaryContent),
            (Data([0x00, 0x01, 0x02]), "a.pdf", .corrupt("no PDF header")),
            (Data("plain words".utf8), "a.pdf", .corrupt("no PDF header")),
            (Data("plain words".utf8), "a.xyz", .unsupportedFormat(".xyz")),
            (Data("plain words".utf8), "README", .unsupportedFormat("no extension")),
        ] as [(Data, String, ExtractionError)])
    func refusals(data: Data, path: String, error: ExtractionError) {
        #expect(throws: error) { try FormatDetection.detect(data, path: path) }
    }

    @Test(
        arguments: [
            ("a.html", true), ("b.HTM", true), ("c.pdf.gz", true), ("d.md", true), ("e.txt.gz", true),
            ("f.docx", false), ("g.gz", false), ("h", false),
        ] as [(String, Bool)])
    func supportedExtensions(path: String, supported: Bool) {
        #expect(FormatDetection.isSupported(path: path) == supported)
    }

    @Test func utf16TextWithNulBytesIsNotBinary() {
        let utf16 = Data([0xFF, 0xFE]) + Data("Terms".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(!FormatDetection.looksBinary(utf16))
        #expect(FormatDetection.looksBinary(Data([0x41, 0x00, 0x42])))
    }
}
