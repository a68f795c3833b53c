import Foundation
import Testing
@testable import TuneData

@Suite struct InputDiscoveryTests {
    /// A scratch folder removed when the test ends.
    static func scratch(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tunedata-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    @Test func walksFoldersKeepsSupportedFilesSortedAndReportsProblems() throws {
        let root = try Self.scratch([
            "b/terms.HTML": "<html>x</html>", "a.pdf": "%PDF-1.4", "notes.txt": "x", "image.png": "x",
            ".hidden/secret.txt": "x", "c/deep/more.md": "# x", "empty/README": "x",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = InputDiscovery.discover([root.path, root.appendingPathComponent("empty").path, "/no/such/place"])
        let relative = result.files.map { String($0.displayPath.dropFirst(root.path.count + 1)) }
        #expect(relative == ["a.pdf", "b/terms.HTML", "c/deep/more.md", "notes.txt"])
        #expect(result.skipped.map(\.reason) == ["hidden", "no_supported_files", "no_such_file"])
        #expect(result.skipped[2].path == "/no/such/place")
        #expect(Set(result.files.map(\.documentID)).count == 4)
    }

    @Test func explicitFilesAreAlwaysTriedAndCountedOnce() throws {
        let root = try Self.scratch(["report.data": "x", "a.txt": "y"])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("report.data").path
        let result = InputDiscovery.discover([file, file, root.path])
        #expect(result.files.count == 3 - 1)
        #expect(result.files.map(\.displayPath).contains(file))
    }

    @Test func documentIDsAreStableHashesOfThePath() {
        #expect(DocumentID.make(relativePath: "contracts/a.pdf") == DocumentID.make(relativePath: "contracts/a.pdf"))
        #expect(DocumentID.make(relativePath: "contracts/a.pdf") != DocumentID.make(relativePath: "contracts/b.pdf"))
        #expect(DocumentID.make(relativePath: "x").count == 16)
        #expect(InputDiscovery.normalizedDisplayPath("./contracts/") == "contracts")
    }
}

@Suite struct ParallelWorkTests {
    @Test func resultsKeepIndexOrderWhateverTheScheduling() {
        let squares = ParallelWork.map(count: 200, jobs: 4) { index -> Int in
            if index % 7 == 0 { usleep(200) }
            return index * index
        }
        #expect(squares == (0..<200).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0, jobs: 4) { $0 }.isEmpty)
    }
}
