import ArgumentParser
import Foundation
import TuneData

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find personal data and secrets in datasets (JSONL) and documents.",
        discussion: """
            Runs the detectors `convert` uses (e-mail, phone, SSN, payment card, IBAN, routing number, date of \
            birth, IP and street addresses; private keys, cloud and API keys, JWTs, passwords) over every string \
            of every line of a JSONL file, or over every document and JSONL file in a folder. Prints file, line \
            (or page) and type, and a masked form of each value — never the value. Exits with status 1 when \
            anything is found.
            """
    )

    @Argument(help: "JSONL files, documents or folders to scan.")
    var inputs: [String]

    @Option(help: "Output format: text (FILE:LINE: TYPE MASKED, then counts) or json.")
    var format: OutputStyle = .text

    func run() throws {
        let result = PrivacyScanner().scan(inputs)
        for skipped in result.skipped { printError("\(skipped.path): skipped: \(skipped.message)") }
        switch format {
        case .json:
            print(try JSONOutput.string(result))
        case .text:
            for finding in result.findings {
                print("\(finding.location): \(finding.type.rawValue) \(finding.masked)")
            }
            let counts = result.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            print(
                result.findings.isEmpty
                    ? "No personal data or secrets found in \(plural(result.filesScanned, "file"))."
                    : "\(plural(result.findings.count, "finding")) in \(plural(result.filesScanned, "file")): "
                        + counts.joined(separator: ", "))
        }
        if !result.findings.isEmpty || result.filesScanned == 0 { throw ExitCode.failure }
    }
}

/// `--pii`, `--secrets`, `--redact-style` for `convert`.
struct PrivacyArguments: ParsableArguments {
    @Option(help: "Personal data: report (count it in the manifest), redact (placeholders) or drop (the examples).")
    var pii: String = PrivacyOptions.PersonalDataMode.report.rawValue

    @Option(help: "Credentials: drop (never write an example holding one), redact or allow.")
    var secrets: String = PrivacyOptions.SecretsMode.drop.rawValue

    @Option(
        help: "How redacted values are written: placeholder ([EMAIL-1]) or rule-5.2 (last four digits, birth year).")
    var redactStyle: String = PrivacyOptions.RedactStyle.placeholder.rawValue

    func options() throws -> PrivacyOptions {
        guard let pii = PrivacyOptions.PersonalDataMode(rawValue: pii) else {
            throw ValidationError("--pii must be report, redact or drop")
        }
        guard let secrets = PrivacyOptions.SecretsMode(rawValue: secrets) else {
            throw ValidationError("--secrets must be drop, redact or allow")
        }
        guard let style = PrivacyOptions.RedactStyle(rawValue: redactStyle) else {
            throw ValidationError("--redact-style must be placeholder or rule-5.2")
        }
        return PrivacyOptions(pii: pii, secrets: secrets, redactStyle: style)
    }
}
