import Foundation

/// How `scan` shows a found value: its shape and a few characters, never enough to use it.
enum ValueMask {
    static func mask(_ value: String, type: FindingType) -> String {
        switch type {
        case .ssn, .paymentCard, .iban, .routingNumber:
            // Rule 5.2 lets a public filing show the last four digits; so may a report.
            let characters = Array(value)
            var kept = 0
            var masked = ""
            for character in characters.reversed() {
                if character.isLetter || character.isNumber {
                    masked.append(kept < 4 ? character : "•")
                    kept += 1
                } else {
                    masked.append(character)
                }
            }
            return String(masked.reversed())
        case .dateOfBirth:
            return "••/••/" + (IdentityDetectors.year(of: value) ?? "••••")
        case .email:
            guard let at = value.firstIndex(of: "@") else { return hidden(value) }
            let domain = value[value.index(after: at)...]
            let topLevel = domain.split(separator: ".").last.map(String.init) ?? ""
            return "\(value.prefix(1))•••@•••.\(topLevel)"
        case .phone, .ipAddress:
            // Shape kept, digits hidden but the last two.
            let total = value.count { $0.isHexDigit }
            var seen = 0
            return String(
                value.map { character in
                    guard character.isHexDigit else { return character }
                    seen += 1
                    return seen > total - 2 ? character : "•"
                })
        case .streetAddress, .password, .secretToken, .awsSecretKey:
            return hidden(value)
        default:
            // Secrets: the public prefix that names the format, and the length.
            let prefix = value.prefix { $0 != "-" && $0 != "_" }.prefix(4)
            return "\(prefix)… (\(value.count) characters)"
        }
    }

    private static func hidden(_ value: String) -> String {
        "••• (\(value.count) characters)"
    }
}
