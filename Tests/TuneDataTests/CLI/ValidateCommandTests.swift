import Foundation
import Testing

/// Runs the built `tunedata validate` and checks its output and exit status.
@Suite(
    .enabled(
        if: CommandRunner.isAvailable,
        "skipped: runs the built tunedata executable, which swift test builds beside the tests and is missing"))
struct ValidateCommandTests {
    @Test func rejectedFileExitsOneWithLineNumbers() throws {
        let file = try Sample.fixture("dataset/broken/missing_content.jsonl").path
        let result = try CommandRunner.run(["validate", file])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(file):6: error: message 3 content is not a string [missing_content]\n"))
        #expect(result.stdout.contains("12 lines (chat layout), 11 valid examples; 1 errors, 0 warnings"))
    }

    @Test func acceptedFileExitsZeroAndJSONIsMachineReadable() throws {
        let file = try Sample.fixture("dataset/broken/valid.jsonl").path
        let result = try CommandRunner.run(["validate", file, "--format", "json", "--model", "gpt-3.5-turbo-0125"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["acceptable"] as? Bool == true)
        #expect((json["statistics"] as? [String: Any])?["tokenLimit"] as? Int == 16_385)
    }
}
