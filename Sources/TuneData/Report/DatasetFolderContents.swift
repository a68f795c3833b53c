import Foundation

/// Why a report could not be built from a folder.
public enum DatasetReportError: Error, CustomStringConvertible {
    /// The folder has no `manifest.json` (it is not the output of `convert` or `merge`).
    case notADataset(path: String)
    /// A file the manifest names could not be read or parsed.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notADataset(let path): "\(path) has no manifest.json: not a folder written by tunedata convert or merge"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// One kept example as the folder's files describe it.
struct FolderExample {
    var split: String
    var source: String
    var document: String
    var pages: [Int]
    var section: String?
    var template: String
    var variant: Int
    var passage: Int?
    var category: String?
    var url: String?
    /// Provenance keys this reader does not know (a clause type, a later stage's label), as text.
    var extra: [String: String]
    var messages: [ReportMessage]
}

/// One line of `dropped.jsonl`.
struct FolderDrop {
    struct Reference {
        var source: String
        var document: String
        var passage: Int
        var template: String
        var variant: Int

        var key: String { "\(document)\u{1}\(passage)\u{1}\(template)\u{1}\(variant)" }
    }

    var reason: String
    var detail: String
    var example: Reference?
    var duplicateOf: Reference?
    /// Keys this reader does not know (a privacy type, a quality rule), as text.
    var extra: [String: String]
    /// The dropped example's conversation; empty when the file has none (an older file) or the reason
    /// withholds the text (personal data, a secret), so the page never shows it.
    var messages: [ReportMessage]
}

/// What a dataset folder holds, read generically: keys added by later stages are kept, not rejected.
struct DatasetFolderContents {
    /// `manifest.json` as parsed JSON.
    var manifest: [String: Any]
    var examples: [FolderExample]
    /// The drops the page lists: for each reason, the first ``dropsListedPerReason`` in the file.
    var drops: [FolderDrop]
    /// Drops in the file past the listed ones, by reason (shown as counts, not rows).
    var dropsNotListed: [String: Int]
    /// Every drop in the file, listed or not, by the template of the example it dropped.
    var dropsByTemplate: [String: Int]

    /// How many drops of each reason the page lists.
    ///
    /// They are the ones whose conversation `dropped.jsonl` keeps
    /// (``DatasetReport/conversationsKeptPerReason``). A row per drop held 170 MB for the 56,000
    /// drops of ten copies of CUAD, and a reader pages through the first thousands at most.
    static let dropsListedPerReason = DatasetReport.conversationsKeptPerReason

    static let knownProvenanceKeys: Set<String> = [
        "split", "file", "line", "source", "document", "pages", "section", "template", "variant", "passage",
        "category", "url",
    ]
    static let knownDropKeys: Set<String> = ["reason", "detail", "example", "duplicateOf", "messages"]

    init(directory: URL) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        guard let manifestData = try? Data(contentsOf: manifestURL) else {
            throw DatasetReportError.notADataset(path: directory.path)
        }
        guard let manifest = try? JSONSerialization.jsonObject(with: manifestData) as? [String: Any] else {
            throw DatasetReportError.unreadable(path: manifestURL.path, reason: "not a JSON object")
        }
        self.manifest = manifest
        // Lines are parsed on every core: at 100,000 examples parsing is most of the report's time.
        let jobs = ParallelWork.jobs(nil)
        let lines = try Self.parsedLines(
            of: directory.appendingPathComponent("provenance.jsonl"), jobs: jobs
        ) { $0 as? [String: any Sendable] }
        var files: [String: [Data]] = [:]
        let located = try lines.map { line -> Data? in
            let split = line["split"] as? String ?? "train"
            let name = line["file"] as? String ?? "\(split).jsonl"
            if files[name] == nil {
                files[name] = try Self.lines(of: directory.appendingPathComponent(name), required: true)
            }
            let number = line["line"] as? Int ?? 0
            return files[name].flatMap { number >= 1 && number <= $0.count ? $0[number - 1] : nil }
        }
        examples = ParallelWork.map(count: lines.count, jobs: jobs) { index in
            Self.example(
                lines[index], split: lines[index]["split"] as? String ?? "train",
                messages: located[index].map(Self.messages) ?? [])
        }
        // Each drop line is parsed and turned into its row (or, past the listed ones, its reason and
        // template) at once, on every core: holding every line's parsed object first cost over
        // 200 MB for the 56,000 drops of ten copies of CUAD.
        let dropURL = directory.appendingPathComponent("dropped.jsonl")
        let dropLines = try Self.lines(of: dropURL, required: false)
        let listed = Self.listedDrops(dropLines)
        let parsed = try Self.parsedLines(dropLines, of: dropURL, jobs: jobs) { index, object -> ParsedDrop? in
            guard let line = object as? [String: Any] else { return nil }
            if listed[index] { return .listed(Self.drop(line)) }
            return .counted(
                reason: line["reason"] as? String ?? "unknown", template: Self.reference(line["example"])?.template)
        }
        var drops: [FolderDrop] = []
        var notListed: [String: Int] = [:]
        var byTemplate: [String: Int] = [:]
        for drop in parsed {
            switch drop {
            case .listed(let row):
                if let template = row.example?.template { byTemplate[template, default: 0] += 1 }
                drops.append(row)
            case .counted(let reason, let template):
                if let template { byTemplate[template, default: 0] += 1 }
                notListed[reason, default: 0] += 1
            }
        }
        self.drops = drops
        dropsNotListed = notListed
        dropsByTemplate = byTemplate
    }

    /// A line of `dropped.jsonl` as the page uses it.
    private enum ParsedDrop: Sendable {
        case listed(FolderDrop)
        case counted(reason: String, template: String?)
    }

    /// Whether each drop line is listed, that is among the first ``dropsListedPerReason`` of its reason.
    ///
    /// The reason is read from the bytes (`"reason":"…"`, which JSON's escaping keeps out of any string
    /// value), so choosing costs no parse; a line without it is listed, and parsing then judges it.
    static func listedDrops(_ lines: [Data]) -> [Bool] {
        var seen: [Data: Int] = [:]
        return lines.map { line in
            guard let reason = reasonBytes(line) else { return true }
            let count = seen[reason, default: 0]
            seen[reason] = count + 1
            return count < dropsListedPerReason
        }
    }

    private static let reasonKey = Array(#""reason":""#.utf8)

    /// The bytes of the `reason` value in one drop line, if the key is there.
    static func reasonBytes(_ line: Data) -> Data? {
        line.withUnsafeBytes { raw -> Data? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let keyStart = reasonKey.withUnsafeBufferPointer({ bytes.firstOffset(of: $0) }) else { return nil }
            let valueStart = keyStart + reasonKey.count
            let end = bytes[valueStart...].firstIndex(of: 0x22) ?? bytes.count
            return Data(bytes[valueStart..<end])
        }
    }

    /// Each line of an optional JSONL file parsed and made into a value by `make` on every core,
    /// in file order; a line that is not JSON or that `make` refuses names the file and line.
    private static func parsedLines<Value: Sendable>(
        of url: URL, jobs: Int, _ make: @Sendable @escaping (Any) -> Value?
    ) throws -> [Value] {
        try parsedLines(lines(of: url, required: false), of: url, jobs: jobs) { make($1) }
    }

    /// `lines` of the file at `url` parsed and made into values by `make(index, object)` on every core.
    private static func parsedLines<Value: Sendable>(
        _ lines: [Data], of url: URL, jobs: Int, _ make: @Sendable @escaping (Int, Any) -> Value?
    ) throws -> [Value] {
        let values = ParallelWork.map(count: lines.count, jobs: jobs) { index in
            (try? JSONSerialization.jsonObject(with: lines[index])).flatMap { make(index, $0) }
        }
        if let bad = values.firstIndex(where: { $0 == nil }) {
            throw DatasetReportError.unreadable(path: url.path, reason: "line \(bad + 1) is not a JSON object")
        }
        return values.compactMap { $0 }
    }

    private static func example(_ line: [String: any Sendable], split: String, messages: [ReportMessage])
        -> FolderExample
    {
        var extra: [String: String] = [:]
        for (key, value) in line where !knownProvenanceKeys.contains(key) {
            if let text = text(value) { extra[key] = text }
        }
        return FolderExample(
            split: split, source: line["source"] as? String ?? "", document: line["document"] as? String ?? "",
            pages: line["pages"] as? [Int] ?? [], section: line["section"] as? String,
            template: line["template"] as? String ?? "", variant: line["variant"] as? Int ?? 0,
            passage: line["passage"] as? Int, category: line["category"] as? String, url: line["url"] as? String,
            extra: extra, messages: messages)
    }

    private static func drop(_ line: [String: Any]) -> FolderDrop {
        var extra: [String: String] = [:]
        for (key, value) in line where !knownDropKeys.contains(key) {
            if let text = text(value) { extra[key] = text }
        }
        let reason = line["reason"] as? String ?? "unknown"
        let withheld = DropReason(rawValue: reason)?.withholdsText ?? false
        return FolderDrop(
            reason: reason, detail: line["detail"] as? String ?? "", example: reference(line["example"]),
            duplicateOf: reference(line["duplicateOf"]), extra: extra,
            messages: withheld ? [] : messages(in: line))
    }

    private static func reference(_ value: Any?) -> FolderDrop.Reference? {
        guard let object = value as? [String: Any], let source = object["source"] as? String else { return nil }
        return FolderDrop.Reference(
            source: source, document: object["document"] as? String ?? "", passage: object["passage"] as? Int ?? 0,
            template: object["template"] as? String ?? "", variant: object["variant"] as? Int ?? 0)
    }

    /// A scalar or a list of scalars as one line of text; nested objects are not shown.
    static func text(_ value: Any) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        case let list as [Any]:
            let parts = list.compactMap { $0 is [Any] || $0 is [String: Any] ? nil : text($0) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        default: return nil
        }
    }

    /// A chat line's messages, or a completion line's prompt and completion as user and assistant.
    static func messages(_ line: Data) -> [ReportMessage] {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return [ReportMessage(role: "line", content: String(decoding: line, as: UTF8.self))]
        }
        return messages(in: object)
    }

    /// The `messages` of a chat record or drop, or a completion record's prompt and completion.
    static func messages(in object: [String: Any]) -> [ReportMessage] {
        if let messages = object["messages"] as? [[String: Any]] {
            return messages.map {
                ReportMessage(role: $0["role"] as? String ?? "?", content: $0["content"] as? String ?? "")
            }
        }
        var result: [ReportMessage] = []
        if let prompt = object["prompt"] as? String { result.append(ReportMessage(role: "user", content: prompt)) }
        if let completion = object["completion"] as? String {
            result.append(ReportMessage(role: "assistant", content: completion))
        }
        return result
    }

    /// The non-empty lines of a file (none when an optional file is absent).
    static func lines(of url: URL, required: Bool) throws -> [Data] {
        guard FileManager.default.fileExists(atPath: url.path) || required else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetReportError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        // One pass over the bytes (Data's generic `split` is several times slower on large files).
        var ranges: [Range<Int>] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                if index > start { ranges.append(start..<index) }
                start = index + 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
        }
        let base = data.startIndex
        return ranges.map { data[(base + $0.lowerBound)..<(base + $0.upperBound)] }
    }

}
