import Foundation
import Testing
@testable import TuneData

/// Placeholders stable within a document, the Rule 5.2 style, and grounding kept after redaction.
@Suite struct RedactorTests {
    static func redact(_ text: String, style: PrivacyOptions.RedactStyle = .placeholder) -> String {
        var redactor = Redactor(style: style)
        return redactor.redact(text, findings: DetectorRegistry.standard.findings(in: text))
    }

    @Test func numbersEachValueOnceWithinADocument() {
        let text = "Mail ann@example.com, bob@example.org, then ann@example.com; SSN 123-45-6789."
        #expect(Self.redact(text) == "Mail [EMAIL-1], [EMAIL-2], then [EMAIL-1]; SSN [SSN-1].")
    }

    @Test func numbersAreSharedAcrossTextsOfOneRedactor() {
        var redactor = Redactor(style: .placeholder)
        let first = "Call (212) 555-0143."
        let second = "Or 415-869-4433, or 212-555-0143 again."
        _ = redactor.redact(first, findings: DetectorRegistry.standard.findings(in: first))
        // The same number written another way is the same value.
        #expect(
            redactor.redact(second, findings: DetectorRegistry.standard.findings(in: second))
                == "Or [PHONE-2], or [PHONE-1] again.")
    }

    @Test func rule52KeepsLastFourDigitsAndTheBirthYear() {
        let text = "SSN 123-45-6789, card 4111 1111 1111 1111, date of birth: 03/14/1975, mail ann@example.com."
        #expect(
            Self.redact(text, style: .rule52)
                == "SSN XXX-XX-6789, card [CARD-1 ending 1111], date of birth: 1975, mail [EMAIL-1].")
    }

    @Test func redactedTextHoldsNothingTheDetectorsFind() {
        let text = "SSN 123-45-6789, IBAN DE89 3704 0044 0532 0130 00, ABA routing number 021000021, DOB 1975-03-14."
        for style in PrivacyOptions.RedactStyle.allCases {
            #expect(DetectorRegistry.standard.findings(in: Self.redact(text, style: style)).isEmpty, "\(style)")
        }
    }

    static let notice = """
        # Services Agreement

        This Services Agreement is made on June 1, 2023 between Alpha Ltd. and Omega LLC.

        ## 1. Notices

        1.1 Notices. Notices to Omega shall be sent to Jane Roe at jane.roe@example.com or by telephone to (212) 555-0143, and copies to 742 Evergreen Terrace, Springfield, IL 62704.

        1.2 Copies. A copy of each notice shall also be sent to jane.roe@example.com within two days of the original notice.

        ## 2. Payment

        2.1 Fees. Client shall pay the fees within thirty days of receiving an invoice from Omega.
        """

    static func process(_ options: PrivacyOptions, text: String = notice) throws -> ProcessedDocument {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunedata-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("notice.md")
        try Data(text.utf8).write(to: url)
        var processor = DocumentProcessor(
            extractors: Extractors(), chunker: Chunker(options: ChunkingOptions()),
            templates: try TemplateSet.shipped(),
            seed: 0)
        processor.privacy = PrivacyStage(options: options)
        return processor.process(SourceFile(url: url, displayPath: "notice.md", documentID: "notice"))
    }

    @Test func redactedExamplesStayGrounded() throws {
        let reported = try Self.process(PrivacyOptions(pii: .report))
        let redacted = try Self.process(PrivacyOptions(pii: .redact))
        #expect(redacted.failure == nil)
        #expect(redacted.exampleCount == reported.exampleCount)
        #expect(redacted.ungrounded == reported.ungrounded)
        let text = redacted.examples.flatMap(\.messages).map(\.content).joined(separator: "\n")
        #expect(text.contains("[EMAIL-1]"))
        #expect(!text.contains("jane.roe@example.com"))
        #expect(!text.contains("555-0143"))
        #expect(!text.contains("[EMAIL-2]"), "one address, one placeholder")
        #expect(DetectorRegistry.standard.findings(in: text).isEmpty)
        // The same findings are counted whatever the mode.
        #expect(redacted.privacy?.findings == reported.privacy?.findings)
        #expect(reported.privacy?.findings["email"] == 2)
        #expect(redacted.privacy?.redacted?["email"] == 2)
    }

    @Test func dropModeWritesNoExampleHoldingPersonalData() throws {
        let reported = try Self.process(PrivacyOptions(pii: .report))
        let dropped = try Self.process(PrivacyOptions(pii: .drop))
        #expect(dropped.exampleCount < reported.exampleCount)
        #expect(dropped.exampleCount + dropped.privacyDropped.count == reported.exampleCount)
        for example in dropped.examples {
            let text = example.messages.map(\.content).joined(separator: "\n")
            #expect(DetectorRegistry.standard.findings(in: text).isEmpty)
        }
        let first = try #require(dropped.privacyDropped.first)
        #expect(first.reason == .personalData)
        #expect(!first.detail.contains("@"))
        #expect(
            first.detail.split(separator: ",").allSatisfy {
                FindingType(rawValue: $0.trimmingCharacters(in: .whitespaces)) != nil
            })
    }

    @Test func secretsAreDroppedByDefaultEvenWhenPersonalDataIsOnlyReported() throws {
        let text = Self.notice.replacingOccurrences(
            of: "2.1 Fees.", with: "2.1 Access. The portal key is aws_access_key_id = AKIAIOSFODNN7EXAMPLE. Fees.")
        let result = try Self.process(PrivacyOptions(), text: text)
        let written = result.examples.flatMap(\.messages).map(\.content).joined(separator: "\n")
        #expect(!written.contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(result.privacyDropped.contains { $0.reason == .secret && $0.detail == "aws_access_key" })
        #expect(written.contains("jane.roe@example.com"), "--pii report leaves personal data in")
        let allowed = try Self.process(PrivacyOptions(secrets: .allow), text: text)
        #expect(allowed.examples.flatMap(\.messages).contains { $0.content.contains("AKIAIOSFODNN7EXAMPLE") })
    }
}
