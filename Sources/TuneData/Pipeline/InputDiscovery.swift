import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
/// Folders are walked recursively and keep the files whose extension some registered extractor
/// reads; a file named explicitly is always tried, whatever its extension. The walk is safe by
/// default (see ``InputWalk``): hidden entries and Word lock files are skipped and reported, a
/// symbolic link is followed only when its target lies inside one of the input folders, a file
/// reached twice (by a link, a hard link or two overlapping inputs) is converted once, and the
/// run's own output folder is never read. The result is sorted by path so runs are reproducible.
public enum InputDiscovery {
    public struct Result: Sendable {
        public var files: [SourceFile]
        /// Inputs not used, with the reason: missing paths, hidden entries, links not followed...
        public var skipped: [SkippedInput]
    }

    /// How the walk treats links and what it leaves out.
    public struct Options: Sendable, Hashable {
        /// Follow symbolic links whose target lies outside the input folders (`--follow-symlinks`).
        public var followsOutsideLinks: Bool
        /// Folders never read, such as the run's output folder when it lies inside an input.
        public var excludedFolders: [String]

        public init(followsOutsideLinks: Bool = false, excludedFolders: [String] = []) {
            self.followsOutsideLinks = followsOutsideLinks
            self.excludedFolders = excludedFolders
        }
    }

    public static func discover(_ inputs: [String], options: Options = Options()) -> Result {
        var files: [SourceFile] = []
        var skipped: [SkippedInput] = []
        var seen: Set<FileIdentity> = []
        let fileManager = FileManager.default
        let roots = inputs.compactMap { input -> String? in
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            return FileIdentity.realPath(input)
        }
        let walk = InputWalk(
            roots: roots, excluded: options.excludedFolders.compactMap(FileIdentity.realPath),
            followsOutsideLinks: options.followsOutsideLinks)
        for input in inputs {
            let display = normalizedDisplayPath(input)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                skipped.append(SkippedInput(path: display, reason: "no_such_file", message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                let url = URL(fileURLWithPath: input)
                if let identity = FileIdentity(path: input), seen.insert(identity).inserted {
                    files.append(
                        SourceFile(url: url, displayPath: display, documentID: DocumentID.make(relativePath: display)))
                }
                continue
            }
            guard let walked = walk.files(under: URL(fileURLWithPath: input, isDirectory: true)) else { continue }
            for entry in walked.skipped {
                let path = display.isEmpty || display == "." ? entry.path : display + "/" + entry.path
                skipped.append(SkippedInput(path: path, reason: entry.reason, message: entry.message))
            }
            // Real paths before links, so a file reached both ways keeps the name it has on disk.
            for file in walked.files.sorted(by: { !$0.viaLink && $1.viaLink }) {
                let path = display.isEmpty || display == "." ? file.relative : display + "/" + file.relative
                guard seen.insert(file.identity).inserted else { continue }
                let url = URL(fileURLWithPath: input).appendingPathComponent(file.relative)
                files.append(SourceFile(url: url, displayPath: path, documentID: DocumentID.make(relativePath: path)))
            }
            if walked.files.isEmpty {
                skipped.append(
                    SkippedInput(
                        path: display, reason: "no_supported_files",
                        message: "no supported files in this folder (HTML, PDF, Word, OpenDocument, text, Markdown)"))
            }
        }
        files.sort { $0.displayPath < $1.displayPath }
        return Result(files: files, skipped: skipped)
    }

    /// "./contracts/" → "contracts"; absolute paths stay absolute.
    static func normalizedDisplayPath(_ path: String) -> String {
        var value = path
        while value.hasPrefix("./") { value.removeFirst(2) }
        while value.count > 1, value.hasSuffix("/") { value.removeLast() }
        return value
    }
}

/// A file as the file system knows it (device and inode), so a file reached by two paths is one file.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the file at `path`, following links; `nil` when it cannot be read.
    init?(path: String) {
        guard let real = Self.realPath(path),
            let attributes = try? FileManager.default.attributesOfItem(atPath: real),
            let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        else { return nil }
        self.device = device
        self.inode = inode
    }

    /// The absolute path with every link resolved; `nil` for a broken link or a loop of links.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
