import Foundation
import Testing

/// Runs the built `tunedata validate` and checks its output and exit status.
@Suite struct ValidateCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var binary: URL? {
        let candidates = [".build/debug/tunedata", ".build/release/tunedata"].map {
            packageRoot.appendingPathComponent($0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
    static var isAvailable: Bool { binary != nil }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let executable = Self.binary else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(.enabled(if: isAvailable, "build the tunedata executable first (swift build)"))
    func rejectedFileExitsOneWithLineNumbers() throws {
        let file = try Sample.fixture("dataset/broken/missing_content.jsonl").path
        let result = try Self.run(["validate", file])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("\(file):6: error: message 3 content is not a string [missing_content]\n"))
        // The one warning is the default model's shutdown date.
        #expect(result.output.contains("12 lines (chat layout), 11 valid examples; 1 errors, 1 warnings"))
        #expect(
            result.output.contains(
                "shut down on 2027-01-14 (https://platform.openai.com/docs/deprecations) [model_shutting_down]"))
    }

    @Test(.enabled(if: isAvailable, "build the tunedata executable first (swift build)"))
    func acceptedFileExitsZeroAndJSONIsMachineReadable() throws {
        let file = try Sample.fixture("dataset/broken/valid.jsonl").path
        let result = try Self.run(["validate", file, "--format", "json", "--model", "davinci-002"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["acceptable"] as? Bool == true)
        #expect((json["statistics"] as? [String: Any])?["tokenLimit"] as? Int == 16_384)
        // gpt-3.5-turbo was shut down in October 2026: the same file is refused for it, with the replacement.
        let refused = try Self.run(["validate", file, "--model", "gpt-3.5-turbo-0125"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("use gpt-4o-mini-2024-07-18"))
    }
}
