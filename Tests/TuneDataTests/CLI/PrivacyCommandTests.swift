import Foundation
import Testing
@testable import TuneData

/// `convert --pii report|redact|drop` end to end, and `scan`'s output and exit status.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct PrivacyCommandTests {
    /// Three contracts with a notice clause holding an e-mail address, a phone number and an SSN.
    static func contracts() -> [String: Data] {
        var files = ConvertCommandTests.contracts(3)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(
                of: "3.2 Termination for Convenience.",
                with: """
                    3.2 Notices. Notices go to Jane Roe, jane.roe@example.com, Tel: (212) 555-0143, SSN 123-45-6789.

                    3.3 Termination for Convenience.
                    """)
            files[path] = Data(text.utf8)
        }
        return files
    }

    static func manifest(_ root: URL, _ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("\(folder)/manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func threeModesFindTheSameAndWriteWhatTheyPromise() throws {
        let root = try CommandRunner.scratch(Self.contracts())
        defer { try? FileManager.default.removeItem(at: root) }
        var findings: [String: [String: Int]] = [:]
        for mode in ["report", "redact", "drop"] {
            let result = try CommandRunner.run(
                ["convert", "contracts", "-o", mode, "--pii", mode, "--validation-fraction", "0.34"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("Privacy: 9 findings in 3 documents"), "\(result.stderr)")
            #expect(!result.stderr.contains("jane.roe@example.com"))
            let privacy = try #require(try Self.manifest(root, mode)["privacy"] as? [String: Any])
            findings[mode] = privacy["findings"] as? [String: Int]
            let train = try String(contentsOf: root.appendingPathComponent("\(mode)/train.jsonl"), encoding: .utf8)
            let dropped = try String(contentsOf: root.appendingPathComponent("\(mode)/dropped.jsonl"), encoding: .utf8)
            #expect(!dropped.contains("jane.roe@example.com") && !dropped.contains("123-45-6789"))
            switch mode {
            case "report":
                #expect(train.contains("jane.roe@example.com"))
            case "redact":
                #expect(train.contains("[EMAIL-1]") && train.contains("[SSN-1]"))
                #expect((privacy["redacted"] as? [String: Int]) == ["email": 3, "phone": 3, "ssn": 3])
                let scan = try CommandRunner.run(["scan", "redact"], in: root)
                #expect(scan.status == 0, "\(scan.stdout)")
                #expect(scan.stdout.contains("No personal data or secrets found"))
            default:
                #expect(!train.contains("jane.roe@example.com") && !train.contains("[EMAIL-1]"))
                #expect(dropped.contains(#""reason":"personal_data""#))
                #expect(dropped.contains("email, phone, ssn"))
            }
        }
        #expect(findings["report"] == ["email": 3, "phone": 3, "ssn": 3])
        #expect(findings["redact"] == findings["report"])
        #expect(findings["drop"] == findings["report"])
    }

    @Test func scanReportsFileLineTypeAndAMaskedValue() throws {
        let dataset = """
            {"messages":[{"role":"user","content":"Who?"},{"role":"assistant","content":"Nobody at all."}]}
            {"messages":[{"role":"user","content":"Mail?"},{"role":"assistant","content":"Write to jane.roe@example.com."}]}
            {"messages":[{"role":"user","content":"Key?"},{"role":"assistant","content":"AKIAIOSFODNN7EXAMPLE"}]}

            """
        let root = try CommandRunner.scratch([
            "data.jsonl": Data(dataset.utf8), "clean.jsonl": Data(#"{"text":"Section 13.2.1.1 applies."}"#.utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["scan", "data.jsonl"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("data.jsonl:2: email j•••@•••.com"), "\(result.stdout)")
        #expect(result.stdout.contains("data.jsonl:3: aws_access_key AKIA… (20 characters)"))
        #expect(!result.stdout.contains("jane.roe") && !result.stdout.contains("IOSFODNN7"))
        let clean = try CommandRunner.run(["scan", "clean.jsonl"], in: root)
        #expect(clean.status == 0, "\(clean.stdout)")

        let json = try CommandRunner.run(["scan", ".", "--format", "json"], in: root)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let found = try #require(object["findings"] as? [[String: Any]])
        #expect(found.map { $0["type"] as? String } == ["email", "aws_access_key"])
        #expect(found.map { $0["line"] as? Int } == [2, 3])
        #expect(object["filesScanned"] as? Int == 2)
    }

    /// A user's hand-written corrections: one with personal data, one with a credential, one clean.
    static let corrections = """
        {"messages":[{"role":"user","content":"Who gets notices?"},{"role":"assistant","content":"Ann Lee, ann.lee@example.com, SSN 123-45-6789."}]}
        {"messages":[{"role":"user","content":"Which key?"},{"role":"assistant","content":"aws_access_key_id = AKIAIOSFODNN7EXAMPLE"}]}
        {"messages":[{"role":"user","content":"How long is the term?"},{"role":"assistant","content":"Three years from the Effective Date."}]}

        """

    @Test(arguments: ["report", "redact", "drop"])
    func includedExamplesPassTheSamePolicy(mode: String) throws {
        var files = ConvertCommandTests.contracts(3)
        files["corrections.jsonl"] = Data(Self.corrections.utf8)
        let root = try CommandRunner.scratch(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "contracts", "-o", "out", "--include", "corrections.jsonl", "--pii", mode], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 of them in --include examples"), "\(result.stderr)")
        let privacy = try #require(try Self.manifest(root, "out")["privacy"] as? [String: Any])
        let included = try #require(privacy["included"] as? [String: Any])
        #expect((included["findings"] as? [String: Int]) == ["email": 1, "ssn": 1, "aws_access_key": 1])
        let written = ["train.jsonl", "validation.jsonl"].map {
            (try? String(contentsOf: root.appendingPathComponent("out/\($0)"), encoding: .utf8)) ?? ""
        }.joined()
        let dropped = try String(contentsOf: root.appendingPathComponent("out/dropped.jsonl"), encoding: .utf8)
        // The default --secrets drop: the credential is never written, and dropped.jsonl names only its type.
        #expect(!written.contains("AKIAIOSFODNN7EXAMPLE") && !dropped.contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(dropped.contains(#""detail":"aws_access_key""#), "\(dropped)")
        #expect(written.contains("Three years from the Effective Date."))
        switch mode {
        case "report":
            #expect(written.contains("ann.lee@example.com"))
        case "redact":
            #expect(written.contains("Ann Lee, [EMAIL-1], SSN [SSN-1]."), "\(written)")
            #expect((privacy["redacted"] as? [String: Int]) == ["email": 1, "ssn": 1])
            let scan = try CommandRunner.run(["scan", "out"], in: root)
            #expect(scan.status == 0, "\(scan.stdout)")
        default:
            #expect(!written.contains("ann.lee@example.com") && !written.contains("[EMAIL-1]"))
            #expect(dropped.contains("email, ssn"))
            let counts = try #require(try Self.manifest(root, "out")["examples"] as? [String: Any])
            #expect((counts["dropped"] as? [String: Int])?["personal_data"] == 1)
        }
    }
}
