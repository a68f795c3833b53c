import Foundation
import Testing
@testable import TuneData

@Suite struct HTMLRobustnessTests {
    @Test func binaryFileNamedHTMLIsRefusedByExtractors() {
        var bytes = [UInt8](repeating: 0, count: 2048)
        for index in bytes.indices { bytes[index] = UInt8((index * 37) & 0xFF) }
        #expect(throws: ExtractionError.binaryContent) {
            try Extractors().extract(Data(bytes), from: HTMLTestSupport.source("image.html"))
        }
    }

    @Test func emptyBodyIsEmpty() {
        #expect(throws: ExtractionError.empty) {
            try HTMLTestSupport.extract("<html><head><title>Nothing</title></head><body>  </body></html>")
        }
    }

    @Test func framesetPageSaysWhereTheTextIs() throws {
        let html =
            "<html><frameset cols=\"50%,50%\"><frame src=\"menu.html\"><frame src=\"terms.html\"></frameset></html>"
        let error = try #require(throws: ExtractionError.self) { try HTMLTestSupport.extract(html) }
        #expect(
            error
                == .unsupportedFormat(
                    "frameset page with no text of its own; the text is in its frames: menu.html, terms.html"))
    }

    @Test func metaRefreshOnlyPageIsARedirect() throws {
        let html =
            "<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://example.org/terms\"></head><body></body></html>"
        let error = try #require(throws: ExtractionError.self) { try HTMLTestSupport.extract(html) }
        #expect(error == .unsupportedFormat("redirect-only page (meta refresh to https://example.org/terms)"))
    }

    @Test func truncatedAndUnclosedMarkupIsRecovered() throws {
        let html =
            "<html><body><div><p>First clause of the agreement.<p>Second clause, unclosed.<ul><li>item one<li>item two"
        let document = try HTMLTestSupport.extract(html)
        #expect(
            document.blocks == [
                Block(kind: .paragraph, text: "First clause of the agreement."),
                Block(kind: .paragraph, text: "Second clause, unclosed."),
                Block(kind: .listItem, text: "item one"),
                Block(kind: .listItem, text: "item two"),
            ])
    }

    @Test func nestedLayoutTablesKeepTheirDataRows() throws {
        let html = """
            <html><body><table><tr><td>
              <table><tr><td>Fee</td><td>Amount</td></tr><tr><td>Filing</td><td>$50</td></tr></table>
              <p>The filing fee is due when the claim is submitted, and it is not refundable.</p>
            </td></tr></table></body></html>
            """
        let document = try HTMLTestSupport.extract(html)
        #expect(
            document.blocks == [
                Block(kind: .tableRow, text: "Fee | Amount"),
                Block(kind: .tableRow, text: "Filing | $50"),
                Block(
                    kind: .paragraph,
                    text: "The filing fee is due when the claim is submitted, and it is not refundable."),
            ])
    }

    @Test func tenThousandNestedDivsDoNotOverflowTheStack() throws {
        let depth = 10_000
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep clause text.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let document = try HTMLTestSupport.extract(html)
        #expect(document.plainText == "Deep clause text.")
    }

    @Test func invalidBytesAndControlCharactersDoNotBreakExtraction() throws {
        let bytes =
            Array("<html><body><p>Clause \u{1}one".utf8) + [0x00, 0xFF, 0xFE]
            + Array(" continues.</p></body></html>".utf8)
        let document = try HTMLTestSupport.extract(bytes: bytes)
        #expect(
            document.plainText == "Clause one\u{FF}\u{FE} continues." || document.plainText == "Clause oneÿþ continues."
        )
        #expect(!document.warnings.isEmpty)
    }

    @Test func fiftyMegabyteSingleLinePageFinishes() throws {
        let paragraph =
            "<p>" + String(repeating: "The licensee shall keep the software confidential, ", count: 20) + "</p>"
        let count = (50 << 20) / paragraph.utf8.count + 1
        var html = "<html><body><article>"
        html.reserveCapacity(count * paragraph.utf8.count + 64)
        for _ in 0..<count { html += paragraph }
        html += "</article></body></html>"
        #expect(html.utf8.count > 50 << 20)
        #expect(!html.contains("\n"))
        let document = try HTMLTestSupport.extract(html)
        #expect(document.blocks.count == count)
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph })
    }
}

@Suite struct HTMLPatternSetTests {
    @Test func findsAnyPatternAnywhereInTheValue() {
        let set = HTMLPatternSet(["footer", "nav", "-ad-", "x"])
        #expect(set.matches("site-footer"))
        #expect(set.matches("navbar top"))
        #expect(set.matches("col-ad-wide"))
        #expect(set.matches("box"))
        #expect(!set.matches("article-body"))
        #expect(!set.matches("foote"))
        #expect(!set.matches(""))
        #expect(HTMLPatternSet(["footer"]).matches("footer"))
        #expect(!HTMLPatternSet(["footer"]).matches("fo"))
    }

    /// The memory guard: a file over the size limit, or a gzip file that inflates past it (a zip
    /// bomb), is refused with its size before it is parsed.
    @Test func filesAndGzipOverTheSizeLimitAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunedata-size-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = "<html><body><p>" + String(repeating: "All work and no play. ", count: 5_000) + "</p></body></html>"
        let plain = folder.appendingPathComponent("big.html")
        try Data(page.utf8).write(to: plain)
        let extractors = Extractors(options: ExtractionOptions(maxFileBytes: 64 * 1024))
        func source(_ url: URL) -> SourceFile {
            SourceFile(url: url, displayPath: url.lastPathComponent, documentID: "d")
        }
        #expect(throws: ExtractionError.tooLarge(bytes: page.utf8.count, limit: 64 * 1024)) {
            try extractors.extract(source(plain))
        }
        // The same page gzipped is a few kilobytes on disk but inflates past the limit.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = folder.appendingPathComponent("big.html.gz")
        let onDisk = try #require(try FileManager.default.attributesOfItem(atPath: compressed.path)[.size] as? Int)
        #expect(onDisk < 64 * 1024)
        let error = try #require(throws: ExtractionError.self) { try extractors.extract(source(compressed)) }
        #expect(error.reasonKey == "too_large")
        // Under the default limit both convert.
        #expect(try Extractors().extract(source(compressed)).blocks.count == 1)
    }

    @Test func inlineStylesThatHideAnElement() {
        #expect(HTMLAttributeReader.hidesElement(style: "color: red; DISPLAY : None"))
        #expect(HTMLAttributeReader.hidesElement(style: "visibility:\thidden"))
        #expect(!HTMLAttributeReader.hidesElement(style: "display: block; visibility: visible"))
        #expect(!HTMLAttributeReader.hidesElement(style: ""))
    }
}
