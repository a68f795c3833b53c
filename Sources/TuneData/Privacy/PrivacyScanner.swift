import Foundation

/// One value `scan` found: where, what kind, and a masked form (never the value).
public struct ScanFinding: Sendable, Codable, Hashable {
    public var file: String
    /// The 1-based line: of the JSONL file, or of the text or Markdown file.
    public var line: Int?
    /// The 1-based page of a PDF.
    public var page: Int?
    public var type: FindingType
    public var masked: String

    /// "out/train.jsonl:12", "contract.pdf page 3".
    public var location: String {
        if let line { return "\(file):\(line)" }
        if let page { return "\(file) page \(page)" }
        return file
    }
}

/// What `scan` found over its inputs.
public struct ScanResult: Sendable, Codable {
    public var filesScanned: Int = 0
    public var findings: [ScanFinding] = []
    public var skipped: [SkippedInput] = []

    /// Findings by type.
    public var counts: [String: Int] {
        findings.reduce(into: [:]) { $0[$1.type.rawValue, default: 0] += 1 }
    }
}

/// Runs the privacy detectors over datasets (JSONL: every string value of every line) and
/// documents (through the extractors), as `tunedata scan` does.
public struct PrivacyScanner: Sendable {
    public var registry: DetectorRegistry
    public var extractors: Extractors

    public init(registry: DetectorRegistry = .standard, extractors: Extractors = Extractors()) {
        self.registry = registry
        self.extractors = extractors
    }

    /// Scans files and folders (recursively: `.jsonl` files and every format `convert` reads).
    public func scan(_ inputs: [String]) -> ScanResult {
        var result = ScanResult()
        var documents: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                result.skipped.append(
                    SkippedInput(path: input, reason: "no_such_file", message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                if input.lowercased().hasSuffix(".jsonl") {
                    scanDataset(input, into: &result)
                } else {
                    documents.append(input)
                }
                continue
            }
            for dataset in Self.datasets(under: input) { scanDataset(dataset, into: &result) }
            if InputDiscovery.discover([input]).files.isEmpty == false { documents.append(input) }
        }
        let discovered = InputDiscovery.discover(documents)
        for file in discovered.files { scanDocument(file, into: &result) }
        result.findings.sort { ($0.file, $0.line ?? 0, $0.page ?? 0) < ($1.file, $1.line ?? 0, $1.page ?? 0) }
        return result
    }

    /// `.jsonl` files below `folder`, sorted, hidden entries skipped.
    static func datasets(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative.lowercased().hasSuffix(".jsonl") {
                found.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return found.sorted()
    }

    /// Every string value of every line, scanned as one text with line starts remembered.
    func scanDataset(_ path: String, into result: inout ScanResult) {
        guard let data = FileManager.default.contents(atPath: path) else {
            result.skipped.append(SkippedInput(path: path, reason: "unreadable", message: "cannot read this file"))
            return
        }
        result.filesScanned += 1
        var pieces: [(text: String, line: Int)] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty else { continue }
            let strings: [String]
            if let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) {
                strings = Self.strings(in: object)
            } else {
                strings = [String(decoding: line, as: UTF8.self)]
            }
            pieces.append((strings.joined(separator: "\n"), index + 1))
        }
        for (line, finding) in findings(inLines: pieces) {
            result.findings.append(
                ScanFinding(file: path, line: line, page: nil, type: finding.type, masked: finding.masked))
        }
    }

    /// Findings in numbered pieces of text, scanned as one text (one pass of each detector),
    /// each with the number of the piece it starts in.
    func findings(inLines pieces: [(text: String, line: Int)]) -> [(Int, PrivacyFinding)] {
        var text = ""
        var starts: [(offset: Int, line: Int)] = []
        var offset = 0
        for piece in pieces {
            starts.append((offset, piece.line))
            let joined = piece.text + PrivacyStage.blockSeparator
            text += joined
            offset += joined.utf16.count
        }
        return registry.findings(in: text).map { (Self.last(starts, atOrBefore: $0.range.lowerBound) ?? 0, $0) }
    }

    private static func last(_ starts: [(offset: Int, line: Int)], atOrBefore offset: Int) -> Int? {
        var low = 0
        var high = starts.count - 1
        var found: Int?
        while low <= high {
            let middle = (low + high) / 2
            if starts[middle].offset <= offset {
                found = starts[middle].line
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }

    static func strings(in object: Any) -> [String] {
        switch object {
        case let string as String: [string]
        case let array as [Any]: array.flatMap(strings(in:))
        case let dictionary as [String: Any]: dictionary.keys.sorted().flatMap { strings(in: dictionary[$0] as Any) }
        default: []
        }
    }

    /// A document's blocks, located by page (PDF) or by line (text and Markdown files).
    func scanDocument(_ file: SourceFile, into result: inout ScanResult) {
        let document: Document
        do {
            document = try extractors.extract(file)
        } catch {
            result.skipped.append(
                SkippedInput(path: file.displayPath, reason: error.reasonKey, message: error.description))
            return
        }
        result.filesScanned += 1
        if document.format == .text || document.format == .markdown,
            let data = FileManager.default.contents(atPath: file.url.path)
        {
            // Line numbers of the file itself, which the user can open.
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n").enumerated().map {
                (text: $0.element, line: $0.offset + 1)
            }
            for (line, finding) in findings(inLines: lines) {
                result.findings.append(
                    ScanFinding(
                        file: file.displayPath, line: line, page: nil, type: finding.type, masked: finding.masked))
            }
            return
        }
        let joined = document.blocks.map(\.text).joined(separator: PrivacyStage.blockSeparator)
        var blockStarts: [Int] = []
        var offset = 0
        for block in document.blocks {
            blockStarts.append(offset)
            offset += block.text.utf16.count + PrivacyStage.blockSeparator.utf16.count
        }
        for finding in registry.findings(in: joined) {
            let block = (blockStarts.lastIndex { $0 <= finding.range.lowerBound }) ?? 0
            result.findings.append(
                ScanFinding(
                    file: file.displayPath, line: nil,
                    page: document.blocks.indices.contains(block)
                        ? document.blocks[block].page : nil,
                    type: finding.type, masked: finding.masked))
        }
    }
}
