import Foundation

/// The run's privacy totals as the manifest records them: the options, and what was found,
/// redacted and dropped, by type.
public struct PrivacyReport: Sendable, Codable, Hashable {
    public var options: PrivacyOptions
    /// Findings by type over every converted document.
    public var findings: [String: Int]
    /// Findings replaced by placeholders, by type.
    public var redacted: [String: Int]
    /// Examples not written, by the type they held.
    public var droppedExamples: [String: Int]
    /// Documents with at least one finding.
    public var documentsWithFindings: Int
    /// Examples not written (each once, whatever it held).
    public var droppedCount: Int
    /// Of the totals, what the user's `--include` examples held (`nil` when they held nothing or
    /// there were none; absent from manifests written before includes were screened).
    public var included: DocumentPrivacy?

    /// The totals over `documents` and, when given, the screened `--include` examples.
    public init(documents: [DocumentSummary], options: PrivacyOptions, included: DocumentPrivacy? = nil) {
        self.options = options
        findings = [:]
        redacted = [:]
        droppedExamples = [:]
        documentsWithFindings = 0
        droppedCount = Self.droppedByReason(documents).values.reduce(0, +)
        for document in documents {
            guard let privacy = document.privacy else { continue }
            if !privacy.findings.isEmpty { documentsWithFindings += 1 }
            findings.merge(privacy.findings, uniquingKeysWith: +)
            redacted.merge(privacy.redacted ?? [:], uniquingKeysWith: +)
            droppedExamples.merge(privacy.droppedExamples ?? [:], uniquingKeysWith: +)
        }
        guard let included, !included.isEmpty else { return }
        self.included = included
        findings.merge(included.findings, uniquingKeysWith: +)
        redacted.merge(included.redacted ?? [:], uniquingKeysWith: +)
        droppedExamples.merge(included.droppedExamples ?? [:], uniquingKeysWith: +)
        droppedCount += included.droppedByReason?.values.reduce(0, +) ?? 0
    }

    /// Drops by reason (`personal_data`, `secret`) for the manifest's drop counts.
    public static func droppedByReason(_ documents: [DocumentSummary]) -> [String: Int] {
        documents.reduce(into: [:]) { $0.merge($1.privacy?.droppedByReason ?? [:], uniquingKeysWith: +) }
    }

    /// "Privacy: 12 findings in 3 documents (email 5, phone 7); redacted: ...; dropped: ...", or
    /// `nil` when nothing was found.
    public var summaryLine: String? {
        guard !findings.isEmpty else { return nil }
        func list(_ counts: [String: Int]) -> String {
            counts.sorted { $0.key < $1.key }.map { "\($0.key.replacingOccurrences(of: "_", with: " ")) \($0.value)" }
                .joined(separator: ", ")
        }
        let total = findings.values.reduce(0, +)
        var line =
            "Privacy: \(total) finding\(total == 1 ? "" : "s") in \(documentsWithFindings) document\(documentsWithFindings == 1 ? "" : "s") (\(list(findings)))"
        if let included, !included.findings.isEmpty {
            line += "; \(included.findings.values.reduce(0, +)) of them in --include examples"
        }
        if !redacted.isEmpty { line += "; redacted: \(list(redacted))" }
        if !droppedExamples.isEmpty { line += "; examples dropped for: \(list(droppedExamples))" }
        let reported = findings.keys.filter { redacted[$0] == nil }
        if options.pii == .report, reported.contains(where: { FindingType(rawValue: $0)?.isSecret == false }) {
            line += "; personal data left in (--pii report); use --pii redact or drop before uploading"
        }
        return line
    }
}
