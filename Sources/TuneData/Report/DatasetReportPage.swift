public import Foundation
internal import Tokenizer

/// The report of one dataset folder (`report.html`): the run's summary and plots, and every kept and
/// dropped example in a table that pages, searches and filters.
///
/// Built from the folder's files alone (`manifest.json`, `provenance.jsonl`, the split files,
/// `dropped.jsonl`), so `tunedata report DIR` rebuilds exactly what `convert` wrote. Keys it does not
/// know — a later stage's drop reasons, provenance labels or manifest sections — are shown
/// generically rather than ignored.
public struct DatasetReportPage {
    /// The file name `convert`, `merge` and `report` write.
    public static let fileName = "report.html"

    public var page: ReportPage

    /// Reads the dataset folder at `directory` (token counts are taken again with the model's tokenizer).
    public init(directory: URL) throws {
        try self.init(directory: directory, tokenCounts: nil)
    }

    init(directory: URL, tokenCounts: TokenCountMemo?, jobs: Int? = nil) throws {
        let contents = try DatasetFolderContents(directory: directory)
        let manifest = ManifestView(contents.manifest)
        let encoding = ModelLimits.encoding(forModel: manifest.model)
        let memo = TokenCountMemo.reusing(tokenCounts, for: encoding)
        // Kept examples, then the drops that carry their conversation (a withheld one has none).
        let conversations = contents.examples.map(\.messages) + contents.drops.map(\.messages)
        let tokens = ParallelWork.map(count: conversations.count, jobs: ParallelWork.jobs(jobs)) { index -> Int? in
            conversations[index].isEmpty
                ? nil
                : memo.billedTokens(conversations[index].map { ChatTurn(role: $0.role, content: $0.content) }).tokens
        }
        let privacy = ReportPrivacyRows.types(of: contents.examples, manifest: manifest, jobs: jobs)
        let rows = DatasetReportRows(contents, tokens: tokens, privacy: privacy, directory: directory)
        let summary = DatasetReportSummary(manifest: manifest, rows: rows)
        page = ReportPage(
            title: "Dataset report: \(directory.standardizedFileURL.lastPathComponent)",
            subtitle: summary.subtitle, sections: summary.sections, table: rows.table)
    }

    /// Builds the report of the folder at `directory` and writes it there as ``fileName``.
    @discardableResult
    public static func write(directory: URL) throws -> URL {
        try write(directory: directory, tokenCounts: nil, jobs: nil)
    }

    @discardableResult
    static func write(directory: URL, tokenCounts: TokenCountMemo?, jobs: Int?) throws -> URL {
        let url = directory.appendingPathComponent(fileName)
        try DatasetReportPage(directory: directory, tokenCounts: tokenCounts, jobs: jobs).page.write(to: url)
        return url
    }
}

/// The table of a dataset report: kept examples in file order, then the drops, with links between them.
struct DatasetReportRows {
    /// The row of each kept example, then of each drop.
    var table: ReportTable
    var keptCount: Int
    /// Kept tokens per split, for the length plot.
    var tokensBySplit: [(split: String, tokens: [Int])]
    /// Examples per value of each provenance key this reader does not know (a clause type...).
    var extraCounts: [(key: String, counts: [String: Int])]
    /// The first row of each example reference (document, passage, template, variant).
    var rowByReference: [String: Int]
    /// The first row of each (split file, line).
    var rowByLine: [String: Int]
    /// Drops per template (the template that loses most is the first to read).
    var dropsByTemplate: [String: Int]
    /// Drops past the listed ones, by reason, which the table has no row for.
    var dropsNotListed: [String: Int]
    /// Kept examples per privacy finding types ("email", "email, phone"), for links to them.
    var privacyCounts: [String: Int]

    /// `tokens` has one count per kept example, then one per drop (`nil` when its text is not in the
    /// folder); `privacy` the finding types of each kept example.
    init(_ contents: DatasetFolderContents, tokens: [Int?], privacy: [String?], directory: URL) {
        let kept = contents.examples
        let drops = contents.drops
        keptCount = kept.count
        dropsByTemplate = contents.dropsByTemplate
        dropsNotListed = contents.dropsNotListed
        var rowByReference: [String: Int] = [:]
        var rowByPassage: [String: Int] = [:]
        var categoryByTemplate: [String: String] = [:]
        var lineCounter: [String: Int] = [:]
        var rowByLine: [String: Int] = [:]
        for (row, example) in kept.enumerated() {
            if let passage = example.passage {
                let reference = FolderDrop.Reference(
                    source: example.source, document: example.document, passage: passage,
                    template: example.template, variant: example.variant)
                if rowByReference[reference.key] == nil { rowByReference[reference.key] = row }
                if rowByPassage["\(example.document)\u{1}\(passage)"] == nil {
                    rowByPassage["\(example.document)\u{1}\(passage)"] = row
                }
            }
            if let category = example.category, categoryByTemplate[example.template] == nil {
                categoryByTemplate[example.template] = category
            }
            lineCounter[example.split, default: 0] += 1
            rowByLine["\(example.split)\u{1}\(lineCounter[example.split] ?? 0)"] = row
        }
        self.rowByReference = rowByReference
        self.rowByLine = rowByLine
        // A drop shares its passage's pages and section with a kept example of the same passage.
        let passageRow: (FolderDrop) -> Int? = { drop in
            drop.example.flatMap { rowByPassage["\($0.document)\u{1}\($0.passage)"] }
        }
        let dropCount = drops.count
        let all = kept.count + dropCount
        func column<T>(_ keptValue: (FolderExample) -> T, _ dropValue: (FolderDrop) -> T) -> [T] {
            var values = kept.map(keptValue)
            values.reserveCapacity(all)
            values += drops.map(dropValue)
            return values
        }
        let links = SourceLinks(directory: directory)
        var columns: [ReportColumn] = [
            .category(key: "split", label: "Split", column({ $0.split }, { _ in "dropped" })),
            .category(key: "reason", label: "Drop reason", column({ _ in nil }, { $0.reason })),
            .category(
                key: "document", label: "Document", column({ $0.source }, { $0.example?.source }), isSearched: true,
                link: links.link),
            .category(key: "template", label: "Template", column({ $0.template }, { $0.example?.template })),
            .category(
                key: "category", label: "Category",
                column({ $0.category }, { drop in drop.example.flatMap { categoryByTemplate[$0.template] } })),
        ]
        let extraKeys = Set(kept.flatMap(\.extra.keys)).sorted()
        var extraCounts: [(key: String, counts: [String: Int])] = []
        for key in extraKeys {
            let values = column({ $0.extra[key] }, { drop in passageRow(drop).flatMap { kept[$0].extra[key] } })
            columns.append(.category(key: key, label: key.capitalizedFirst, values))
            extraCounts.append(
                (
                    key,
                    kept.reduce(into: [:]) { counts, example in
                        if let value = example.extra[key] { counts[value, default: 0] += 1 }
                    }
                ))
        }
        self.extraCounts = extraCounts
        privacyCounts = privacy.reduce(into: [:]) { counts, types in if let types { counts[types, default: 0] += 1 } }
        if !privacyCounts.isEmpty {
            columns.append(
                .category(
                    key: "privacy", label: "Privacy finding",
                    privacy + Array(repeating: nil, count: dropCount)))
        }
        columns += [
            ReportColumn(
                key: "pages", label: "Page",
                values: .pages(column({ $0.pages }, { drop in passageRow(drop).map { kept[$0].pages } ?? [] })),
                isFilter: true),
            // A drop's tokens are known when `dropped.jsonl` carries its conversation.
            ReportColumn(key: "tokens", label: "Tokens", values: .number(tokens)),
            ReportColumn(
                key: "section", label: "Section",
                values: .text(column({ $0.section }, { drop in passageRow(drop).flatMap { kept[$0].section } }))),
            ReportColumn(
                key: "reference", label: "From",
                values: .text(
                    column(
                        { example in example.passage.map { "passage \($0) · \(example.template)#\(example.variant)" } },
                        { drop in drop.example.map { "passage \($0.passage) · \($0.template)#\($0.variant)" } }))),
            ReportColumn(
                key: "detail", label: "Why dropped",
                values: .text(
                    column(
                        { _ in nil },
                        { drop in
                            ([drop.detail] + drop.extra.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                                + [Self.withheldNote(drop)].compactMap { $0 })
                                .filter { !$0.isEmpty }.joined(separator: "; ")
                        }))),
            ReportColumn(key: "url", label: "Canonical URL", values: .text(column({ $0.url }, { _ in nil }))),
            ReportColumn(
                key: "conversation", label: "Conversation",
                values: .conversation(column({ $0.messages }, { $0.messages })), isSearched: true),
            ReportColumn(
                key: "duplicateOf", label: "Repeats kept example",
                values: .row(column({ _ in nil }, { drop in drop.duplicateOf.flatMap { rowByReference[$0.key] } }))),
        ]
        table = ReportTable(title: "Examples", rowNoun: "example", count: all, columns: columns)
        var bySplit: [(split: String, tokens: [Int])] = []
        for split in ["train", "validation"] {
            let values = kept.indices.filter { kept[$0].split == split }.compactMap { tokens[$0] }
            if !values.isEmpty { bySplit.append((split, values)) }
        }
        tokensBySplit = bySplit
    }

    /// Why a drop shows no conversation: its text is withheld (personal data, a secret) or the file
    /// predates drops carrying it.
    private static func withheldNote(_ drop: FolderDrop) -> String? {
        guard drop.messages.isEmpty else { return nil }
        return DropReason(rawValue: drop.reason)?.withholdsText == true
            ? "text not kept (it holds what it was dropped for)" : nil
    }
}

/// Links from the report to the source files, relative to the report's folder.
///
/// A source path is as the run was given it: relative ones are read against the current folder.
struct SourceLinks {
    let directory: [String]

    init(directory: URL) {
        self.directory = Self.components(directory.path)
    }

    func link(_ source: String) -> String? {
        guard !source.isEmpty else { return nil }
        let target = Self.components(source)
        var common = 0
        while common < min(directory.count, target.count) && directory[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: directory.count - common)
        let path = (up + target[common...]).map { $0 == ".." ? $0 : Self.encode($0) }.joined(separator: "/")
        return path.isEmpty ? nil : path
    }

    private static func components(_ path: String) -> [String] {
        let absolute =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return absolute.standardizedFileURL.path.split(separator: "/").map(String.init)
    }

    private static func encode(_ component: String) -> String {
        component.addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/#?;")))
            ?? component
    }
}

extension String {
    /// The string with its first letter upper-cased ("clause" → "Clause").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
