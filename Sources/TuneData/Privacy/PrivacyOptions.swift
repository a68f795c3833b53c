import Foundation

/// What `convert` does with personal data and secrets (`--pii`, `--secrets`, `--redact-style`).
public struct PrivacyOptions: Sendable, Codable, Hashable {
    /// `--pii`: what to do with personal data.
    public enum PersonalDataMode: String, Sendable, Codable, CaseIterable {
        /// Count findings in the manifest; write examples unchanged.
        case report
        /// Replace each finding with a placeholder (or its Rule 5.2 form).
        case redact
        /// Do not write an example that holds personal data.
        case drop
    }

    /// `--secrets`: what to do with credentials.
    public enum SecretsMode: String, Sendable, Codable, CaseIterable {
        /// Do not write an example that holds a credential.
        case drop
        /// Replace each credential with a placeholder.
        case redact
        /// Count them, write them (for data that is meant to hold them).
        case allow
    }

    /// `--redact-style`: how a redacted value is written.
    public enum RedactStyle: String, Sendable, Codable, CaseIterable {
        /// `[EMAIL-1]`, `[SSN-2]`: typed, numbered per document.
        case placeholder
        /// US FRCP 5.2: the last four digits of SSN and account numbers, the year of a birth date;
        /// placeholders for everything else.
        case rule52 = "rule-5.2"
    }

    public var pii: PersonalDataMode
    public var secrets: SecretsMode
    public var redactStyle: RedactStyle

    public init(pii: PersonalDataMode = .report, secrets: SecretsMode = .drop, redactStyle: RedactStyle = .placeholder)
    {
        self.pii = pii
        self.secrets = secrets
        self.redactStyle = redactStyle
    }

    /// Whether findings of `type` are replaced in the text.
    func redacts(_ type: FindingType) -> Bool {
        type.isSecret ? secrets == .redact : pii == .redact
    }

    /// Whether an example holding a finding of `type` is dropped.
    func drops(_ type: FindingType) -> Bool {
        type.isSecret ? secrets == .drop : pii == .drop
    }
}
