import Foundation
import Testing
@testable import TuneData

/// The safe walk: links out of the input folders, hidden entries, files reached twice, loops and
/// the run's own output folder.
@Suite struct InputWalkTests {
    /// A scratch folder with `files`, plus a second folder outside it holding `secret.txt`.
    static func scratch(_ files: [String: String]) throws -> (root: URL, outside: URL) {
        let root = try InputDiscoveryTests.scratch(files)
        let outside = try InputDiscoveryTests.scratch(["secret.txt": "the password is swordfish"])
        return (root, outside)
    }

    static func relative(_ result: InputDiscovery.Result, _ root: URL) -> [String] {
        result.files.map { String($0.displayPath.dropFirst(root.path.count + 1)) }
    }

    static func link(_ path: URL, to target: URL) throws {
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: target)
    }

    @Test func linkToAFileOutsideTheInputsIsNamedAndNotFollowed() throws {
        let (root, outside) = try Self.scratch(["a.txt": "inside"])
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        try Self.link(root.appendingPathComponent("passwd.txt"), to: outside.appendingPathComponent("secret.txt"))
        try Self.link(root.appendingPathComponent("elsewhere"), to: outside)
        let result = InputDiscovery.discover([root.path])
        #expect(Self.relative(result, root) == ["a.txt"])
        let refused = result.skipped.filter { $0.reason == "symlink_outside_inputs" }
        #expect(refused.map { String($0.path.dropFirst(root.path.count + 1)) } == ["elsewhere", "passwd.txt"])
        #expect(refused.allSatisfy { $0.message.contains("--follow-symlinks") })

        let followed = InputDiscovery.discover([root.path], options: .init(followsOutsideLinks: true))
        // elsewhere/secret.txt is the file passwd.txt points at: converted once, under the first name met.
        #expect(Self.relative(followed, root) == ["a.txt", "passwd.txt"])
        #expect(followed.skipped.isEmpty)
    }

    @Test func linkInsideTheInputsIsFollowedAndItsTargetConvertedOnce() throws {
        let (root, outside) = try Self.scratch(["docs/a.txt": "x", "b.txt": "y"])
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        try Self.link(root.appendingPathComponent("0-alias.txt"), to: root.appendingPathComponent("b.txt"))
        try Self.link(root.appendingPathComponent("mirror"), to: root.appendingPathComponent("docs"))
        try FileManager.default.linkItem(
            at: root.appendingPathComponent("b.txt"), to: root.appendingPathComponent("hard.txt"))
        let result = InputDiscovery.discover([root.path, root.appendingPathComponent("docs").path])
        #expect(Self.relative(result, root) == ["b.txt", "docs/a.txt"])
        #expect(result.skipped.isEmpty)
    }

    @Test func linkLoopsEndAndBrokenLinksAreNamed() throws {
        let (root, outside) = try Self.scratch(["sub/a.txt": "x"])
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        try Self.link(root.appendingPathComponent("sub/up"), to: root)
        try Self.link(root.appendingPathComponent("one.txt"), to: root.appendingPathComponent("two.txt"))
        try Self.link(root.appendingPathComponent("two.txt"), to: root.appendingPathComponent("one.txt"))
        let result = InputDiscovery.discover([root.path], options: .init(followsOutsideLinks: true))
        #expect(Self.relative(result, root) == ["sub/a.txt"])
        #expect(result.skipped.map(\.reason) == ["broken_symlink", "broken_symlink"])
    }

    @Test func hiddenEntriesAndWordLockFilesAreSkippedAndCounted() throws {
        let (root, outside) = try Self.scratch([
            ".git/HEAD.txt": "x", ".DS_Store": "x", "~$contract.docx": "x", "contract.txt": "y",
            "deep/.notes.md": "z",
        ])
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        let result = InputDiscovery.discover([root.path])
        #expect(Self.relative(result, root) == ["contract.txt"])
        let skipped = result.skipped.map { "\($0.reason) \($0.path.dropFirst(root.path.count + 1))" }
        #expect(
            skipped.sorted() == [
                "hidden .DS_Store", "hidden .git", "hidden deep/.notes.md", "lock_file ~$contract.docx",
            ])
    }

    @Test func theRunsOwnOutputFolderInsideAnInputIsNotRead() throws {
        let (root, outside) = try Self.scratch(["a.txt": "x", "out/report.html": "<html>old run</html>"])
        defer { for url in [root, outside] { try? FileManager.default.removeItem(at: url) } }
        let output = root.appendingPathComponent("out").path
        let result = InputDiscovery.discover([root.path], options: .init(excludedFolders: [output]))
        #expect(Self.relative(result, root) == ["a.txt"])
        #expect(result.skipped.map(\.reason) == ["output_folder"])
    }
}
