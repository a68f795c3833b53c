import Foundation
import Testing
@testable import TuneData

/// Each detector on values it must find, near-misses it must not, and checksum failures.
@Suite struct DetectorTests {
    /// The types the standard registry finds in `text`.
    static func types(_ text: String) -> [FindingType] {
        DetectorRegistry.standard.findings(in: text).map(\.type)
    }

    /// The single value found in `text`, if exactly one.
    static func value(_ text: String) -> String? {
        let found = DetectorRegistry.standard.findings(in: text)
        return found.count == 1 ? found[0].value : nil
    }

    @Test(arguments: [
        ("Write to jane.roe@example.com today.", FindingType.email, "jane.roe@example.com"),
        ("Telephone: (212) 555-0143.", .phone, "(212) 555-0143"),
        ("call 415-869-4433 now", .phone, "415-869-4433"),
        ("Office +44 20 7946 0958 or", .phone, "+44 20 7946 0958"),
        ("Fax: 86-0755-82924449", .phone, "86-0755-82924449"),
        ("SSN 123-45-6789 on file", .ssn, "123-45-6789"),
        ("Social Security No. 123 45 6789", .ssn, "123 45 6789"),
        ("Card 4111 1111 1111 1111 was used", .paymentCard, "4111 1111 1111 1111"),
        ("Amex 3782 822463 10005 here", .paymentCard, "3782 822463 10005"),
        ("pay DE89 3704 0044 0532 0130 00 by Friday", .iban, "DE89 3704 0044 0532 0130 00"),
        ("pay GB82WEST12345698765432 now", .iban, "GB82WEST12345698765432"),
        ("ABA routing number 021000021", .routingNumber, "021000021"),
        ("Date of birth: 03/14/1975.", .dateOfBirth, "03/14/1975"),
        ("She was born on March 14, 1975 in Ohio.", .dateOfBirth, "March 14, 1975"),
        ("DOB 1975-03-14", .dateOfBirth, "1975-03-14"),
        ("from 192.168.10.25 at night", .ipAddress, "192.168.10.25"),
        ("IP address 10.0.0.1 was", .ipAddress, "10.0.0.1"),
        ("host 2001:db8::8a2e:370:7334 up", .ipAddress, "2001:db8::8a2e:370:7334"),
        (
            "resides at 742 Evergreen Terrace, Springfield, IL 62704.", .streetAddress,
            "742 Evergreen Terrace, Springfield, IL 62704"
        ),
        ("P.O. Box 2148 Copenhagen", .streetAddress, "P.O. Box 2148"),
    ])
    func findsPersonalData(text: String, type: FindingType, expected: String) {
        let found = DetectorRegistry.standard.findings(in: text)
        #expect(found.map(\.type) == [type], "\(found.map(\.type))")
        #expect(found.first?.value == expected)
    }

    /// IP addresses as logs, configs and URLs write them, each found whole and nothing more.
    @Test(arguments: [
        ("from 10.10.24.28 at 10:42 p.m.", "10.10.24.28"),
        ("see http://10.1.2.3/admin for it", "10.1.2.3"),
        ("it listens on 10.0.0.5:8080 now", "10.0.0.5"),
        ("the range 192.168.0.0/24.", "192.168.0.0"),
        ("X-Forwarded-For: 12.4.30.7", "12.4.30.7"),
        ("host [2001:db8::8a2e:370:7334]:443", "2001:db8::8a2e:370:7334"),
        ("address fe80::1ff:fe23:4567:890a.", "fe80::1ff:fe23:4567:890a"),
        ("from ::ffff:192.0.2.128; then", "::ffff:192.0.2.128"),
        ("blocked 2001:db8::1: the firewall", "2001:db8::1"),
        ("from 2001:DB8:0:0:8:800:200C:417A today", "2001:DB8:0:0:8:800:200C:417A"),
    ])
    func findsIPAddressesInEveryForm(text: String, expected: String) {
        let found = DetectorRegistry.standard.findings(in: text)
        #expect(found.map(\.type) == [.ipAddress], "\(found.map(\.value))")
        #expect(found.first?.value == expected)
    }

    /// Dotted numbers of legal text in the places it puts them: never an address.
    @Test(arguments: [
        "as set out in Exhibit 3.2.1.4, the fees",
        "records.\n3.2.1.4 The Licensee shall keep records.",
        "Abandoned Development 4.2.7.1 Achaogen Preamble",
        "The hearing began at 10:30:45 a.m. and Rule 3:16 applied.",
        "Subsections 14.4.1.1. and 14.4.1.3: Modified",
        "the following measures: 3.1.3.1 To request Party B",
    ])
    func ignoresDottedNumbersOfLegalText(text: String) {
        #expect(Self.types(text).isEmpty, "\(Self.types(text))")
    }

    @Test func cheapCuesFindWhereAPatternCanMatch() {
        // Groups of a run of 13+ digits; a year alone is no cue.
        #expect(
            Anchors.digitRuns(minimumDigits: 13, in: Array("pay 4111 1111 1111 1111 and 2019".utf16)) == [4, 9, 14, 19])
        #expect(Anchors.digitRuns(minimumDigits: 13, in: Array("in 2019 and 2020-2021".utf16)).isEmpty)
        // Colon pairs across hex digits only: an IPv6 address, not a time.
        #expect(Anchors.colonPairs(in: Array("a 2001:db8::1 at 10:30 and 3:16".utf16)) == [6, 10])
        // A street suffix as a whole word, with a digit before it.
        #expect(AddressDetector.streetCues(in: Array("at 742 evergreen terrace".utf16)) == [17])
        #expect(AddressDetector.streetCues(in: Array("the street of no number".utf16)).isEmpty)
    }

    @Test func findsLongStreetAddresses() {
        let text = "Mail to 12345 North Harbor View Boulevard, Suite 200, Springfield, IL 62704 today."
        #expect(Self.value(text) == "12345 North Harbor View Boulevard, Suite 200, Springfield, IL 62704")
    }

    static let jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

    @Test(arguments: [
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Tq\n-----END RSA PRIVATE KEY-----",
            FindingType.privateKey
        ),
        ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", .awsAccessKey),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", .awsSecretKey),
        ("key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY used", .googleAPIKey),
        ("token ghp_Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5 here", .githubToken),
        ("SLACK=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", .slackToken),
        ("OPENAI_API_KEY=sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9rS1", .openAIKey),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", .stripeKey),
        ("Authorization: Bearer \(jwt)", .jwt),
        ("password: hunter2!", .password),
        ("db_password = \"s3cr3t-Value\"", .password),
        ("client_secret = 8f3kQ9zL2mX7vB4nR6tY1wP5", .secretToken),
    ])
    func findsSecrets(text: String, type: FindingType) {
        #expect(Self.types(text) == [type], "\(Self.types(text))")
        #expect(type.isSecret)
    }

    /// Real legal text that looks like data and must not be flagged.
    @Test(arguments: [
        "Section 13.2.1.1 applies to the Equity Interest.",
        "This Agreement is dated March 3, 2010 and effective upon signing.",
        "a purchase price of $1,250,000.00 payable at closing",
        "Case No. 1:19-cv-01234, Doc. 35, filed 10/31/2017.",
        "See 15 U.S.C. 78j-1 and 17 C.F.R. 240.14a-8.",
        "Bates No. ACME000123 through ACME000456.",
        "CUSIP No. 037833100 and the key terms of the Agreement.",
        "The costs shall be borne by the Licensee.",
        "The password: shall be chosen by the User.",
        "See 42 U.S.C. § 1983; Pub. L. 105-304, 112 Stat. 2860.",
        "Section 5 Notice Place of business.",
        "The key term is Confidential Information.",
        "Docket #: 17-3510, Short Title: National Football League",
        "at 10:30:00 a.m. on day 3:16",
        "Version 2.0.1.4 of the software",
        "the Change of Ownership Transfer (\"Closing\"): 13.2.3.1 the Transferee",
        "3.3 Correspondence from Regulatory Authority. 3.3.1.1 If either party",
        "the 1040-NR form, line 12, and 2020-17221 Federal Register",
    ])
    func ignoresLegalLookalikes(text: String) {
        #expect(Self.types(text).isEmpty, "\(Self.types(text))")
    }

    @Test(arguments: [
        "SSN 000-12-3456", "SSN 666-12-3456", "SSN 912-34-5678", "SSN 123-00-4567", "SSN 123-45-0000",
    ])
    func rejectsSSNsTheSSANeverIssues(text: String) {
        #expect(Self.types(text).isEmpty)
    }

    @Test func checksumsDecide() {
        // One digit changed: Luhn, mod-97 and the ABA checksum all fail.
        #expect(Self.types("Card 4111 1111 1111 1112 was used").isEmpty)
        #expect(Self.types("pay DE88 3704 0044 0532 0130 00 now").isEmpty)
        #expect(Self.types("ABA routing number 021000022").isEmpty)
        // Luhn passes but no network issues cards starting with 9.
        #expect(Self.types("Card 9111 1111 1111 1113 was used").isEmpty)
        // An IBAN of the wrong length for its country.
        #expect(Self.types("pay DE89 3704 0044 0532 0130 0 now").isEmpty)
        // A routing number with a valid checksum but no routing label is a number like any other.
        #expect(Self.types("number 021000021 appears").isEmpty)
    }

    @Test func checksumFunctions() {
        #expect(FinancialDetectors.passesLuhn(TextChecks.digits("79927398713")))
        #expect(!FinancialDetectors.passesLuhn(TextChecks.digits("79927398710")))
        #expect(FinancialDetectors.mod97(Array("GB82WEST12345698765432".utf16)) == 1)
        #expect(FinancialDetectors.isValidRoutingNumber(TextChecks.digits("111000025")))
        #expect(!FinancialDetectors.isValidRoutingNumber(TextChecks.digits("111000026")))
        #expect(IdentityDetectors.isValidSSN("078-05-1120"))
        #expect(!IdentityDetectors.isValidSSN("078-05-0000"))
    }

    @Test func secretNearMisses() {
        // Too short, or not random, or a JWT-shaped string whose header is not a JOSE header.
        #expect(Self.types("ghp_short").isEmpty)
        #expect(Self.types("token: aaaaaaaaaaaaaaaaaaaaaaaaaaaa").isEmpty)
        #expect(Self.types("eyJub3QiOiJhIHRva2VuIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop").isEmpty)
        #expect(Self.types("password: required").isEmpty)
        #expect(Self.types("pk_live_4eC39HqLyjWDarjtT1zdp7dc").isEmpty)
    }

    @Test func overlapsKeepTheMoreSpecificType() {
        // The JWT is also a long random value after "token:": it is reported once, as a JWT.
        #expect(Self.types("token: \(Self.jwt)") == [.jwt])
        #expect(Self.value("aws_access_key_id = AKIAIOSFODNN7EXAMPLE") == "AKIAIOSFODNN7EXAMPLE")
    }

    @Test func masksNeverShowTheValue() {
        let ssn = PrivacyFinding(type: .ssn, range: 0..<11, value: "123-45-6789")
        #expect(ssn.masked == "•••-••-6789")
        let email = PrivacyFinding(type: .email, range: 0..<20, value: "jane.roe@example.com")
        #expect(email.masked == "j•••@•••.com")
        let key = PrivacyFinding(type: .awsAccessKey, range: 0..<20, value: "AKIAIOSFODNN7EXAMPLE")
        #expect(key.masked == "AKIA… (20 characters)")
        #expect(!PrivacyFinding(type: .password, range: 0..<8, value: "hunter2!").masked.contains("hunter"))
    }
}
