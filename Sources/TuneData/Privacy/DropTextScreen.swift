import Foundation

/// Keeps personal data and credentials out of `dropped.jsonl` in every mode.
///
/// A drop carries its conversation so the report can show what was dropped; a drop whose text holds
/// a finding (under `--pii report`, a duplicate of an example that keeps an e-mail address) loses
/// its messages instead, and its detail names the types. Only drops from documents with findings
/// are searched: no other document's examples can hold one.
public enum DropTextScreen {
    /// `drops` with the messages of every drop holding a finding removed.
    public static func screened(
        _ drops: [DroppedExample], documents: [DocumentSummary], registry: DetectorRegistry = .standard
    ) -> [DroppedExample] {
        let withFindings = Set(documents.filter { !($0.privacy?.findings.isEmpty ?? true) }.map(\.source))
        guard !withFindings.isEmpty else { return drops }
        return drops.map { drop in
            guard let messages = drop.messages, withFindings.contains(drop.example.source) else { return drop }
            let text = messages.map(\.content).joined(separator: "\n")
            let types = Set(registry.findings(in: text).map(\.type.rawValue)).sorted()
            guard !types.isEmpty else { return drop }
            var screened = drop
            screened.messages = nil
            screened.detail += "; text not kept (holds \(types.joined(separator: ", ")))"
            return screened
        }
    }
}
