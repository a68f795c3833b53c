import Foundation

/// The kinds of personal data and secrets the privacy stage finds.
///
/// The raw value is the name used in the manifest, `dropped.jsonl`, `scan` and the benchmark.
public enum FindingType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case email
    case phone
    case ssn
    case paymentCard = "payment_card"
    case iban
    case routingNumber = "routing_number"
    case dateOfBirth = "date_of_birth"
    case ipAddress = "ip_address"
    case streetAddress = "street_address"
    case privateKey = "private_key"
    case awsAccessKey = "aws_access_key"
    case awsSecretKey = "aws_secret_key"
    case googleAPIKey = "google_api_key"
    case githubToken = "github_token"
    case slackToken = "slack_token"
    case openAIKey = "openai_key"
    case stripeKey = "stripe_key"
    case jwt
    case password
    case secretToken = "secret_token"

    /// Whether this is a credential (governed by `--secrets`) rather than personal data (`--pii`).
    public var isSecret: Bool {
        switch self {
        case .email, .phone, .ssn, .paymentCard, .iban, .routingNumber, .dateOfBirth, .ipAddress, .streetAddress:
            false
        default: true
        }
    }

    /// The word inside a placeholder: `[EMAIL-1]`, `[SSN-2]`, `[AWS-ACCESS-KEY-1]`.
    public var placeholderLabel: String {
        switch self {
        case .paymentCard: "CARD"
        case .routingNumber: "ROUTING"
        case .dateOfBirth: "DOB"
        case .ipAddress: "IP"
        case .streetAddress: "ADDRESS"
        case .openAIKey: "OPENAI-KEY"
        case .googleAPIKey: "GOOGLE-API-KEY"
        case .secretToken: "SECRET"
        default: rawValue.uppercased().replacingOccurrences(of: "_", with: "-")
        }
    }

    /// Order of precedence when two findings overlap: lower ranks win.
    ///
    /// The more specific kind wins (a JWT over a high-entropy token, a card over a phone number).
    var precedenceRank: Int { Self.precedenceOrder.firstIndex(of: self) ?? Self.precedenceOrder.count }

    private static let precedenceOrder: [FindingType] = [
        .privateKey, .jwt, .awsAccessKey, .stripeKey, .githubToken, .slackToken, .googleAPIKey, .openAIKey,
        .awsSecretKey, .password, .secretToken, .email, .iban, .paymentCard, .ssn, .routingNumber, .dateOfBirth,
        .ipAddress, .phone, .streetAddress,
    ]

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One value found in a text: its kind, where it is (UTF-16 offsets, as the pattern engine reports
/// them) and the value itself.
///
/// The value stays in memory for redaction and is never written or printed; `scan` prints
/// ``masked`` instead.
public struct PrivacyFinding: Sendable, Hashable {
    public var type: FindingType
    /// UTF-16 offsets of the value in the scanned text.
    public var range: Range<Int>
    public var value: String

    public init(type: FindingType, range: Range<Int>, value: String) {
        self.type = type
        self.range = range
        self.value = value
    }

    /// A form of the value safe to show: enough to recognise it, not enough to use it.
    public var masked: String { ValueMask.mask(value, type: type) }
}
