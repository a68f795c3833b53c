import Foundation

/// Which kept examples hold personal data or a secret, so the report's privacy findings link to them.
///
/// The manifest counts findings per document, not per example, so the detectors run again over the
/// kept examples of the documents that had findings (no other document's examples can hold one).
/// Only the types found are kept, never the text.
enum ReportPrivacyRows {
    /// The finding types each example holds ("email, phone"), `nil` for none.
    static func types(of examples: [FolderExample], manifest: ManifestView, jobs: Int? = nil) -> [String?] {
        let documents = manifest.value("documents") as? [[String: Any]] ?? []
        let withFindings = Set(
            documents.compactMap { document -> String? in
                let findings = (document["privacy"] as? [String: Any])?["findings"] as? [String: Any] ?? [:]
                return findings.isEmpty ? nil : document["source"] as? String
            })
        guard !withFindings.isEmpty else { return Array(repeating: nil, count: examples.count) }
        let registry = DetectorRegistry.standard
        return ParallelWork.map(count: examples.count, jobs: ParallelWork.jobs(jobs)) { index -> String? in
            let example = examples[index]
            guard withFindings.contains(example.source) else { return nil }
            let text = example.messages.filter { $0.role != "system" }.map(\.content).joined(separator: "\n")
            let types = Set(registry.findings(in: text).map(\.type.rawValue)).sorted()
            return types.isEmpty ? nil : types.joined(separator: ", ")
        }
    }
}
