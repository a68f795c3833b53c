import Foundation
import Testing
@testable import TuneData

/// A small sample of the real corpus; the whole set is scored in Benchmarks/html.
@Suite struct HTMLCorpusTests {
    @Test(
        .enabled(if: HTMLTestSupport.corpusIsAvailable, "needs ../shared/corpus"),
        arguments: ["gpl-3.0", "adobe-general-tou", "rpl-1.5"])
    func scancodeLicencePageMatchesItsTruth(name: String) throws {
        let root = HTMLTestSupport.corpus.appendingPathComponent("legal-html/scancode-licensedb")
        let html = root.appendingPathComponent("html/\(name).html")
        let truth = try String(contentsOf: root.appendingPathComponent("truth/\(name).LICENSE"), encoding: .utf8)
        let source = SourceFile(url: html, displayPath: "\(name).html", documentID: name)
        let document = try Extractors().extract(source)
        let f1 = HTMLTestSupport.wordF1(document.plainText, truth: truth)
        #expect(f1 > 0.95, "word F1 \(f1)")
    }
}
