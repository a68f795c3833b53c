import Foundation
import Testing
@testable import TuneData

@Suite struct DocumentProcessorTests {
    private static func processor(timeLimit: Double?) throws -> DocumentProcessor {
        DocumentProcessor(
            extractors: Extractors(options: ExtractionOptions(timeLimitSeconds: timeLimit)),
            chunker: Chunker(options: ChunkingOptions()), templates: try TemplateSet.shipped(), seed: 0)
    }

    private static func page(paragraphs: Int) throws -> (SourceFile, URL) {
        let body = (0..<paragraphs).map {
            "<h2>Section \($0 + 1). Term \($0)</h2><p>\"Term \($0)\" means the period the Licensee keeps the software number \($0) in use, as set out in the order.</p>"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunedata-watchdog-\(UUID().uuidString).html")
        try Data(("<html><body><article>" + body.joined() + "</article></body></html>").utf8).write(to: url)
        return (SourceFile(url: url, displayPath: "big.html", documentID: "big"), url)
    }

    @Test func aFileStillRunningAfterTheLimitIsReportedAndLeftBehind() throws {
        let (file, url) = try Self.page(paragraphs: 20_000)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Self.processor(timeLimit: 0.01).process(file, grace: 0)
        #expect(result.failure == .timedOut(seconds: 0.01))
        #expect(result.examples.isEmpty)
    }

    @Test func aFileWithinTheLimitConverts() throws {
        let (file, url) = try Self.page(paragraphs: 5)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Self.processor(timeLimit: 60).process(file)
        #expect(result.failure == nil)
        #expect(result.passages == 5)
        #expect(result.exampleCount > 5)
    }
}
