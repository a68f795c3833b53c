import Foundation

/// Replaces findings with placeholders that are stable within one document: the same value gets
/// the same `[EMAIL-1]` wherever it appears, in every passage and in the text the groundedness
/// check reads, so a redacted answer is still found in the redacted document.
struct Redactor {
    let style: PrivacyOptions.RedactStyle
    /// Placeholders given so far, by type and normalised value.
    private var assigned: [FindingType: [String: String]] = [:]

    init(style: PrivacyOptions.RedactStyle) {
        self.style = style
    }

    /// `text` with every finding in `findings` (UTF-16 ranges of `text`, not overlapping) replaced.
    mutating func redact(_ text: String, findings: [PrivacyFinding]) -> String {
        guard !findings.isEmpty else { return text }
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var cursor = 0
        for finding in findings.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where finding.range.lowerBound >= cursor && finding.range.upperBound <= units.count {
            result += units[cursor..<finding.range.lowerBound]
            result += replacement(for: finding).utf16
            cursor = finding.range.upperBound
        }
        result += units[cursor...]
        return String(decoding: result, as: UTF16.self)
    }

    /// What a finding becomes.
    mutating func replacement(for finding: PrivacyFinding) -> String {
        let placeholder = placeholder(for: finding)
        guard style == .rule52 else { return placeholder }
        switch finding.type {
        case .ssn:
            return "XXX-XX-" + lastFour(finding.value)
        case .paymentCard, .iban, .routingNumber:
            return "[\(placeholder.dropFirst().dropLast()) ending \(lastFour(finding.value))]"
        case .dateOfBirth:
            return IdentityDetectors.year(of: finding.value) ?? placeholder
        default:
            return placeholder
        }
    }

    /// `[TYPE-n]`, numbered by first appearance within the document.
    mutating func placeholder(for finding: PrivacyFinding) -> String {
        let key = Self.normalised(finding.value, type: finding.type)
        var forType = assigned[finding.type, default: [:]]
        if let existing = forType[key] { return existing }
        let placeholder = "[\(finding.type.placeholderLabel)-\(forType.count + 1)]"
        forType[key] = placeholder
        assigned[finding.type] = forType
        return placeholder
    }

    /// Case ignored, and for numbers only their digits and letters, so "(212) 555-0100" and
    /// "212-555-0100" are one value; otherwise whitespace folded (a value broken across lines).
    static func normalised(_ value: String, type: FindingType) -> String {
        switch type {
        case .phone, .ssn, .paymentCard, .iban, .routingNumber:
            String(value.uppercased().filter { $0.isNumber || $0.isLetter })
        default:
            value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    private func lastFour(_ value: String) -> String {
        String(value.filter { $0.isNumber || $0.isLetter }.suffix(4))
    }
}
