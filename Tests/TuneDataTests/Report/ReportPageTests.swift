import Foundation
import Testing
@testable import TuneData

/// The page machinery on its own: the data block, the charts, escaping and links.
@Suite struct ReportPageTests {
    static func decodedTable(_ table: ReportTable) throws -> [String: Any] {
        let bytes = table.jsonBytes()
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func categoryColumnsStoreEachValueOnceAndACodePerRow() throws {
        let column = ReportColumn.category(key: "template", label: "Template", ["qa", "def", "qa", nil, "def"])
        let json = try Self.decodedTable(
            ReportTable(title: "Examples", rowNoun: "example", count: 5, columns: [column]))
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns[0]["table"] as? [String] == ["qa", "def"])
        #expect(columns[0]["values"] as? [Int] == [0, 1, 0, -1, 1])
        #expect(columns[0]["filter"] as? Bool == true)
    }

    @Test func systemPromptsAreStoredOnceAndOtherMessagesInline() throws {
        let system = ReportMessage(role: "system", content: "Answer from the contract.")
        let rows = (1...3).map {
            [
                system, ReportMessage(role: "user", content: "Q\($0)"),
                ReportMessage(role: "assistant", content: "A\($0)"),
            ]
        }
        let table = ReportTable(
            title: "t", rowNoun: "example", count: 3,
            columns: [ReportColumn(key: "conversation", label: "Conversation", values: .conversation(rows))])
        let column = try #require((try Self.decodedTable(table)["columns"] as? [[String: Any]])?.first)
        #expect(column["shared"] as? [String] == ["Answer from the contract."])
        #expect(column["roles"] as? [String] == ["system", "user", "assistant"])
        let values = try #require(column["values"] as? [[Any]])
        #expect(values[2][0] as? Int == 0)
        #expect(values[2][1] as? Int == 0)
        #expect(values[2][3] as? String == "Q3")
        #expect(values[2][5] as? String == "A3")
    }

    @Test func aTextRepeatedInAnotherRowIsStoredOnce() throws {
        let rows = [
            [ReportMessage(role: "user", content: "Q1"), ReportMessage(role: "assistant", content: "Same answer.")],
            [ReportMessage(role: "user", content: "Q2"), ReportMessage(role: "assistant", content: "Same answer.")],
        ]
        let table = ReportTable(
            title: "t", rowNoun: "example", count: 2,
            columns: [ReportColumn(key: "conversation", label: "Conversation", values: .conversation(rows))])
        let column = try #require((try Self.decodedTable(table)["columns"] as? [[String: Any]])?.first)
        #expect(column["shared"] as? [String] == ["Same answer."])
        let values = try #require(column["values"] as? [[Any]])
        #expect(values[0][1] as? String == "Q1")
        #expect(values[0][3] as? Int == 0)
        #expect(values[1][3] as? Int == 0)
    }

    @Test func aScriptTagInsideTheDataCannotCloseTheBlock() throws {
        let column = ReportColumn(key: "text", label: "Text", values: .text(["</script><b>x</b>", nil]))
        let table = ReportTable(title: "t", rowNoun: "r", count: 2, columns: [column])
        let raw = String(decoding: table.jsonBytes(), as: UTF8.self)
        #expect(!raw.contains("<"))
        let decoded = try #require((try Self.decodedTable(table)["columns"] as? [[String: Any]])?.first)
        #expect((decoded["values"] as? [Any])?.first as? String == "</script><b>x</b>")
        let html = String(decoding: ReportPage(title: "<T>", sections: [], table: table).html(), as: UTF8.self)
        #expect(html.contains("<title>&lt;T&gt;</title>"))
        #expect(html.components(separatedBy: "</script>").count == 3)  // the data block and the page's script
    }

    @Test func aLimitFarBeyondTheValuesIsNotedNotDrawn() {
        let chart = ReportHistogram(
            title: "Tokens", series: [.init(name: "train", values: [60, 100, 187])], unit: "tokens", limit: 65_536)
        let svg = ReportSVG.histogram(chart)
        #expect(svg.contains("limit 65,536 tokens → off scale (longest example is 187, 0.3 % of it)"))
        #expect(!svg.contains("class=\"marker\""))
        let near = ReportHistogram(
            title: "Tokens", series: [.init(name: "train", values: [300, 900])], unit: "tokens", limit: 1_000)
        #expect(ReportSVG.histogram(near).contains("class=\"marker\""))
    }

    @Test func barsBeyondTheMaximumAreSummedIntoOne() {
        let bars = (1...30).map { ReportBarChart.Bar(label: "doc\($0)", value: $0) }
        let chart = ReportBarChart(
            title: "Per document", bars: bars, total: 465, marker: .init(value: 0.05, label: "cap 5 %"), maxBars: 10)
        #expect(chart.shownBars.count == 10)
        #expect(chart.shownBars.first?.label == "doc30")
        #expect(chart.shownBars.last?.label == "(21 others)")
        #expect(chart.shownBars.last?.value == (1...21).reduce(0, +))
        let svg = ReportSVG.bars(chart)
        #expect(svg.contains("6.5 % (30)"))
        #expect(svg.contains("cap 5 %"))
    }

    @Test func linksFilterAndShowRowsAndSourcesAreRelative() {
        #expect(ReportHTML.filterLink("document", "a b/c.pdf") == "#filter/document/a%20b%2Fc.pdf")
        #expect(ReportHTML.rowLink(7) == "#row/7")
        let links = SourceLinks(directory: URL(fileURLWithPath: "/data/runs/out"))
        #expect(links.link("/data/docs/Lease #2.pdf") == "../../docs/Lease%20%232.pdf")
        #expect(links.link("/data/runs/out/inside.md") == "inside.md")
        #expect(ReportHTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
