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
        // The one warning is the default model's shutdown date.
        #expect(result.stdout.contains("12 lines (chat layout), 11 valid examples; 1 errors, 1 warnings"))
        #expect(
            result.stdout.contains(
                "shut down on 2027-01-14 (https://platform.openai.com/docs/deprecations) [model_shutting_down]"))
    }

    @Test func acceptedFileExitsZeroAndJSONIsMachineReadable() throws {
        let file = try Sample.fixture("dataset/broken/valid.jsonl").path
        let result = try CommandRunner.run(["validate", file, "--format", "json", "--model", "davinci-002"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["acceptable"] as? Bool == true)
        #expect((json["statistics"] as? [String: Any])?["tokenLimit"] as? Int == 16_384)
        // gpt-3.5-turbo was shut down in October 2026: the same file is refused for it, with the replacement.
        let refused = try CommandRunner.run(["validate", file, "--model", "gpt-3.5-turbo-0125"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("use gpt-4o-mini-2024-07-18"))
    }
}
