import Foundation

/// The recursive walk of input folders, with the safety rules of ``InputDiscovery``.
///
/// - Hidden entries (`.git`, `.DS_Store`) and Word's `~$` lock files are skipped, one report per
///   entry (a hidden folder is reported once, not file by file).
/// - A symbolic link is followed only when its resolved target lies inside one of `roots`, unless
///   `followsOutsideLinks`; a broken link or a loop of links is reported, never followed.
/// - A folder is entered once per walk whatever the number of paths that reach it, so link cycles end.
/// - The `excluded` folders (the run's output) are not entered.
struct InputWalk {
    /// One file found: its path relative to the walked folder and its identity on disk.
    struct Found {
        var relative: String
        var identity: FileIdentity
        /// Reached through a symbolic link (the link's own path loses to the target's when both are found).
        var viaLink: Bool
    }

    /// An entry left out, relative to the walked folder.
    struct Left {
        var path: String
        var reason: String
        var message: String
    }

    /// The real paths of every input folder.
    var roots: [String]
    /// The real paths of folders never entered.
    var excluded: [String]
    var followsOutsideLinks: Bool

    init(roots: [String], excluded: [String], followsOutsideLinks: Bool) {
        self.roots = roots
        self.excluded = excluded
        self.followsOutsideLinks = followsOutsideLinks
    }

    /// The supported files below `root` and the entries left out, in sorted walk order; `nil` when
    /// `root` cannot be resolved.
    func files(under root: URL) -> (files: [Found], skipped: [Left])? {
        var found: [Found] = []
        var left: [Left] = []
        guard let rootReal = FileIdentity.realPath(root.path) else { return nil }
        // Real paths of the folders entered, so a link back up the tree ends the walk there.
        var entered: Set<String> = [rootReal]
        var pending: [(URL, String, Bool)] = [(root, "", false)]
        let fileManager = FileManager.default
        while !pending.isEmpty {
            let (folder, prefix, folderViaLink) = pending.removeFirst()
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() {
                let url = folder.appendingPathComponent(name)
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if let reason = Self.hiddenReason(name) {
                    left.append(Left(path: relative, reason: reason.key, message: reason.message))
                    continue
                }
                let isLink = (try? fileManager.destinationOfSymbolicLink(atPath: url.path)) != nil
                guard let real = FileIdentity.realPath(url.path) else {
                    if isLink {
                        left.append(
                            Left(
                                path: relative, reason: "broken_symlink",
                                message: "symbolic link that is broken or loops; not followed"))
                    }
                    continue
                }
                if isLink && !followsOutsideLinks && !roots.contains(where: { Self.isInside(real, $0) }) {
                    left.append(
                        Left(
                            path: relative, reason: "symlink_outside_inputs",
                            message:
                                "symbolic link to \(real), outside the input folders; not followed (--follow-symlinks to allow)"
                        ))
                    continue
                }
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: real, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if excluded.contains(where: { Self.isInside(real, $0) }) {
                        left.append(
                            Left(
                                path: relative, reason: "output_folder",
                                message: "the run's own output folder; not read"))
                    } else if entered.insert(real).inserted {
                        pending.append((url, relative, folderViaLink || isLink))
                    }
                } else if FormatDetection.isSupported(path: name), let identity = FileIdentity(path: real) {
                    found.append(Found(relative: relative, identity: identity, viaLink: folderViaLink || isLink))
                }
            }
        }
        return (found, left)
    }

    /// Why a name is left out of every walk, or `nil` to read it.
    static func hiddenReason(_ name: String) -> (key: String, message: String)? {
        if name.hasPrefix("~$") { return ("lock_file", "Word lock file; skipped") }
        if name.hasPrefix(".") { return ("hidden", "hidden file or folder; skipped") }
        return nil
    }

    /// Whether the real path `path` is `folder` or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
