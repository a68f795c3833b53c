import Foundation

/// An input that could not be used, with the reason (shown as `path: reason`).
public struct SkippedInput: Sendable, Hashable, Codable {
    public var path: String
    /// A stable key for counting ("no_such_file", "encrypted", ...).
    public var reason: String
    /// The full one-line explanation.
    public var message: String

    public init(path: String, reason: String, message: String) {
        self.path = path
        self.reason = reason
        self.message = message
    }
}

/// Expands the command line's INPUT arguments into the files to convert.
///
/// Folders are walked recursively (hidden entries skipped, symbolic links followed) and keep the
/// files whose extension tunedata reads; a file named explicitly is always tried, whatever its
/// extension. The result is sorted by path so runs are reproducible.
public enum InputDiscovery {
    public struct Result: Sendable {
        public var files: [SourceFile]
        public var skipped: [SkippedInput]
    }

    public static func discover(_ inputs: [String]) -> Result {
        var files: [SourceFile] = []
        var skipped: [SkippedInput] = []
        var seen: Set<String> = []
        let fileManager = FileManager.default
        for input in inputs {
            let display = normalizedDisplayPath(input)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                skipped.append(SkippedInput(path: display, reason: "no_such_file", message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                let url = URL(fileURLWithPath: input)
                if seen.insert(url.resolvingSymlinksInPath().path).inserted {
                    files.append(
                        SourceFile(url: url, displayPath: display, documentID: DocumentID.make(relativePath: display)))
                }
                continue
            }
            var found = 0
            for relative in walk(URL(fileURLWithPath: input, isDirectory: true)) {
                let path = display.isEmpty || display == "." ? relative : display + "/" + relative
                let url = URL(fileURLWithPath: input).appendingPathComponent(relative)
                guard seen.insert(url.resolvingSymlinksInPath().path).inserted else { continue }
                files.append(SourceFile(url: url, displayPath: path, documentID: DocumentID.make(relativePath: path)))
                found += 1
            }
            if found == 0 {
                skipped.append(
                    SkippedInput(
                        path: display, reason: "no_supported_files",
                        message: "no supported files in this folder (HTML, PDF, text, Markdown)"))
            }
        }
        files.sort { $0.displayPath < $1.displayPath }
        return Result(files: files, skipped: skipped)
    }

    /// Relative paths of supported files below `root`, following symbolic links to files and folders.
    private static func walk(_ root: URL) -> [String] {
        var result: [String] = []
        var pending: [(URL, String)] = [(root, "")]
        var visited: Set<String> = [root.resolvingSymlinksInPath().path]
        let fileManager = FileManager.default
        while let (folder, prefix) = pending.popLast() {
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    // Guard against symbolic-link cycles.
                    if visited.insert(url.resolvingSymlinksInPath().path).inserted { pending.append((url, relative)) }
                } else if FormatDetection.isSupported(path: name) {
                    result.append(relative)
                }
            }
        }
        return result
    }

    /// "./contracts/" → "contracts"; absolute paths stay absolute.
    static func normalizedDisplayPath(_ path: String) -> String {
        var value = path
        while value.hasPrefix("./") { value.removeFirst(2) }
        while value.count > 1, value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
