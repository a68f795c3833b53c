import Foundation
@testable import TuneData

/// Helpers shared by the HTML extractor tests.
enum HTMLTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot = TestPaths.packageRoot

    /// `../shared/corpus` beside the package, when present.
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var corpusIsAvailable: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("legal-html/scancode-licensedb").path)
    }

    static func source(_ name: String = "page.html") -> SourceFile {
        SourceFile(url: URL(fileURLWithPath: "/tmp/\(name)"), displayPath: name, documentID: "test")
    }

    /// Extracts HTML given as a string (UTF-8).
    static func extract(_ html: String) throws -> Document {
        try HTMLExtractor().extract(Data(html.utf8), from: source(), options: ExtractionOptions())
    }

    /// Extracts raw bytes.
    static func extract(bytes: [UInt8]) throws -> Document {
        try HTMLExtractor().extract(Data(bytes), from: source(), options: ExtractionOptions())
    }

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/html") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    /// Word-level F1 of `text` against `truth` (multisets of lower-cased words).
    static func wordF1(_ text: String, truth: String) -> Double {
        func words(_ s: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for word in s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                counts[String(word), default: 0] += 1
            }
            return counts
        }
        let got = words(text)
        let expected = words(truth)
        let overlap = got.reduce(0) { $0 + min($1.value, expected[$1.key] ?? 0) }
        let precision = Double(overlap) / Double(max(1, got.values.reduce(0, +)))
        let recall = Double(overlap) / Double(max(1, expected.values.reduce(0, +)))
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}
