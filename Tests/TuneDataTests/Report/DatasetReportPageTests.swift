import Foundation
import Testing
@testable import TuneData

/// The dataset report read from a folder's files, including keys later stages add.
@Suite struct DatasetReportPageTests {
    /// A small dataset folder written by hand: two kept examples, a duplicate, and a drop for a reason,
    /// a provenance key and a manifest section this code does not know.
    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files: [String: String] = [
            "train.jsonl": """
            {"messages":[{"role":"system","content":"S"},{"role":"user","content":"What is the term?"},{"role":"assistant","content":"Two years."}]}
            {"messages":[{"role":"system","content":"S"},{"role":"user","content":"Who pays?"},{"role":"assistant","content":"The Client pays."}]}

            """,
            "provenance.jsonl": """
            {"split":"train","line":1,"source":"docs/lease.pdf","document":"d1","pages":[3],"section":"Article 2","template":"qa","variant":1,"passage":4,"category":"qa","clause":"term"}
            {"split":"train","line":2,"source":"docs/lease.pdf","document":"d1","pages":[5,6],"section":null,"template":"qa","variant":2,"passage":7,"category":"qa","clause":"payment"}

            """,
            "dropped.jsonl": """
            {"detail":"answer","duplicateOf":{"document":"d1","passage":4,"source":"docs/lease.pdf","template":"qa","variant":1},"example":{"document":"d1","passage":4,"source":"docs/lease.pdf","template":"qa","variant":3},"reason":"exact_duplicate"}
            {"detail":"ends mid-sentence","example":{"document":"d1","passage":7,"source":"docs/lease.pdf","template":"qa","variant":5},"reason":"mid_sentence","rule":"q1"}

            """,
            "manifest.json": """
            {"tool":{"name":"tunedata","version":"9.9"},"inputs":{"seen":2,"converted":1,"skipped":1,
             "skippedByReason":{"encrypted":1},"skippedFiles":[{"path":"docs/locked.pdf","reason":"encrypted","message":"encrypted PDF"}],"pages":6},
             "passages":8,"figurePassages":0,"definitions":0,
             "examples":{"generated":4,"included":0,"dropped":{"exact_duplicate":1,"mid_sentence":1},"train":2,"validation":0},
             "dataset":{"tokenLimit":65536,"trainDocuments":1,"validationDocuments":0,"warnings":[],
               "before":{"byDocument":{"docs/lease.pdf":4},"byTemplate":{"qa":4},"byCategory":{"qa":4}},
               "after":{"byDocument":{"docs/lease.pdf":2},"byTemplate":{"qa":2},"byCategory":{"qa":2}},
               "estimate":{"epochs":25,"billedTokens":1000}},
             "validation":{"train.jsonl":{"acceptable":false,"errors":1,"warnings":0,"findings":[]}},
             "files":[],"documents":[],"configuration":{"dataset":{"model":"gpt-4o-mini-2024-07-18","maxPerTemplate":3}},
             "privacy":{"byType":{"email":2},"findings":[{"type":"email","split":"train","line":2}]}}
            """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    static func column(_ page: DatasetReportPage, _ key: String) throws -> ReportColumn {
        try #require(page.page.table?.columns.first { $0.key == key })
    }

    @Test func keptRowsThenDropsWithTheDuplicateLinkedToItsKeptExample() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try DatasetReportPage(directory: directory)
        #expect(page.page.table?.count == 4)
        guard case .category(let splits, let splitTable) = try Self.column(page, "split").values,
            case .category(let reasons, let reasonTable) = try Self.column(page, "reason").values,
            case .row(let repeats) = try Self.column(page, "duplicateOf").values,
            case .pages(let pages) = try Self.column(page, "pages").values,
            case .number(let tokens) = try Self.column(page, "tokens").values
        else {
            Issue.record("unexpected column kinds")
            return
        }
        #expect(splits.map { splitTable[$0] } == ["train", "train", "dropped", "dropped"])
        #expect(reasons.map { $0 < 0 ? nil : reasonTable[$0] } == [nil, nil, "exact_duplicate", "mid_sentence"])
        #expect(repeats == [nil, nil, 0, nil])
        // A drop takes the pages of the kept example from its passage.
        #expect(pages == [[3], [5, 6], [3], [5, 6]])
        #expect(tokens[0].map { $0 > 5 } == true)
        #expect(tokens[2] == nil)
    }

    @Test func unknownProvenanceKeysBecomeFiltersAndUnknownSectionsLinkToTheirExamples() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try DatasetReportPage(directory: directory)
        let clause = try Self.column(page, "clause")
        #expect(clause.isFilter)
        guard case .category(let codes, let table) = clause.values else {
            Issue.record("clause is not a category column")
            return
        }
        #expect(codes.map { $0 < 0 ? nil : table[$0] } == ["term", "payment", "term", "payment"])
        guard case .text(let details) = try Self.column(page, "detail").values else { return }
        #expect(details[3] == "ends mid-sentence; rule q1")
        let html = String(decoding: page.page.html(), as: UTF8.self)
        #expect(html.contains("<h3>privacy</h3>"))
        #expect(html.contains("<th>by type · email</th><td>2</td>"))
        #expect(html.contains("href=\"#row/1\""))  // the finding at train line 2
        #expect(html.contains("Examples per clause (share of kept)"))
        #expect(html.contains("href=\"#filter/reason/mid_sentence\""))
        #expect(html.contains("cap 3 per template"))
        #expect(html.contains("<title>qa: 2 kept of 4 before balancing and dedup</title>"))
        #expect(html.contains("<title>qa: 2 dropped of 4 generated</title>"))
        #expect(html.contains("<tr class=\"warn\"><th>train.jsonl</th><td>NOT valid"))
        #expect(html.contains("tunedata 9.9 · gpt-4o-mini-2024-07-18 · 2 examples kept, 2 dropped"))
    }

    /// Past the first ``DatasetFolderContents/dropsListedPerReason`` drops of a reason the table has
    /// no rows, but the summary says how many the file holds and the per-template plot counts them.
    @Test func eachReasonListsItsFirstDropsAndCountsTheRest() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cap = DatasetFolderContents.dropsListedPerReason
        let extra = cap + 3
        let line =
            #"{"detail":"answer","example":{"document":"d1","passage":4,"source":"docs/lease.pdf","#
            + #""template":"qa2","variant":9},"reason":"exact_duplicate"}"#
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent("dropped.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: line + "\n", count: extra).utf8))
        try handle.close()
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
            .replacingOccurrences(of: #""exact_duplicate":1,"#, with: "\"exact_duplicate\":\(extra + 1),")
        try Data(manifest.utf8).write(to: manifestURL)

        let contents = try DatasetFolderContents(directory: directory)
        // The file's first duplicate and mid_sentence drop, then the qa2 duplicates up to the cap.
        #expect(contents.drops.count == cap + 1)
        #expect(contents.drops.filter { $0.reason == "exact_duplicate" }.count == cap)
        #expect(contents.drops.contains { $0.reason == "mid_sentence" })
        #expect(contents.dropsNotListed == ["exact_duplicate": 4])
        #expect(contents.dropsByTemplate == ["qa": 2, "qa2": extra])
        let html = String(decoding: try DatasetReportPage(directory: directory).page.html(), as: UTF8.self)
        let count = (extra + 1).grouped
        #expect(html.contains("\(count) (the table lists the first \(cap.grouped); all are in dropped.jsonl)"))
    }

    @Test func theReasonIsReadFromTheLineBytes() {
        let line = Data(#"{"detail":"\"reason\":\"no\"","reason":"mid_sentence"}"#.utf8)
        #expect(DatasetFolderContents.reasonBytes(line) == Data("mid_sentence".utf8))
        #expect(DatasetFolderContents.reasonBytes(Data(#"{"detail":"x"}"#.utf8)) == nil)
    }

    @Test func aDropShowsItsConversationUnlessItWasDroppedForWhatItHolds() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drops = directory.appendingPathComponent("dropped.jsonl")
        let handle = try FileHandle(forWritingTo: drops)
        handle.seekToEndOfFile()
        handle.write(
            Data(
                """
                {"detail":"similarity 0.9","duplicateOf":{"document":"d1","passage":7,"source":"docs/lease.pdf","template":"qa","variant":2},"example":{"document":"d1","passage":7,"source":"docs/lease.pdf","template":"qa","variant":6},"messages":[{"role":"system","content":"S"},{"role":"user","content":"Who must pay?"},{"role":"assistant","content":"The Client pays."}],"reason":"near_duplicate"}
                {"detail":"github_token","example":{"document":"d1","passage":7,"source":"docs/lease.pdf","template":"qa","variant":7},"messages":[{"role":"user","content":"Key?"},{"role":"assistant","content":"ghp_forgedforgedforged"}],"reason":"secret"}

                """.utf8))
        try handle.close()
        let page = try DatasetReportPage(directory: directory)
        #expect(page.page.table?.count == 6)
        guard case .conversation(let conversations) = try Self.column(page, "conversation").values,
            case .number(let tokens) = try Self.column(page, "tokens").values,
            case .row(let repeats) = try Self.column(page, "duplicateOf").values,
            case .text(let details) = try Self.column(page, "detail").values
        else {
            Issue.record("unexpected column kinds")
            return
        }
        #expect(conversations[4].map(\.content) == ["S", "Who must pay?", "The Client pays."])
        #expect(repeats[4] == 1)
        #expect(tokens[4].map { $0 > 5 } == true)
        // A secret's drop shows its type, never its text, even when a file carries the text.
        #expect(conversations[5].isEmpty)
        #expect(tokens[5] == nil)
        #expect(details[5] == "github_token; text not kept (it holds what it was dropped for)")
        let html = String(decoding: page.page.html(), as: UTF8.self)
        #expect(!html.contains("ghp_forged"))
        #expect(html.contains("Who must pay?"))
    }

    @Test func aFolderWithoutAManifestIsNamedInTheError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            try DatasetReportPage(directory: directory)
        } throws: { error in
            "\(error)".contains("has no manifest.json")
        }
    }
}
