import Foundation

/// Payment card numbers (Luhn and issuer prefixes), IBANs (mod-97 and per-country length) and US
/// ABA routing numbers (the 3-7-1 checksum, after a routing label).
enum FinancialDetectors {
    static let all: [any PrivacyDetector] = [paymentCard, iban, routingNumber]

    /// 13–19 digits unbroken, in groups of four, or in Amex/Diners 4-6-5 / 4-6-4 groups.
    static let paymentCard = PatternDetector(
        .paymentCard,
        #"(?<![\d\-.,/])(?:\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{13,19})(?![\d\-/]|[.,]\d)"#,
        // Only where 13 or more digits run together (one pass over the text, no pattern).
        anchors: Anchors(before: 1, after: 24) { Anchors.digitRuns(minimumDigits: 13, in: $0) },
        check: { candidate in
            guard isValidCard(TextChecks.digits(candidate.value)) else { return nil }
            // Groups of four after "DE89 " or "XVHC " are the rest of an IBAN or another account
            // code (one failing its own check), not a card.
            let before = candidate.text.before(candidate.range.lowerBound, count: 5)
            let codeGroup =
                before.count == 5 && before.hasSuffix(" ") && before.dropLast().allSatisfy(\.isASCII)
                && before.dropLast().allSatisfy { $0.isUppercase || $0.isNumber } && before.contains(where: \.isLetter)
            return codeGroup ? nil : candidate.range
        })

    static func isValidCard(_ digits: [Int]) -> Bool {
        (13...19).contains(digits.count) && passesLuhn(digits) && hasIssuerPrefix(digits)
    }

    static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// Issuer identification ranges of the card networks, with their lengths: Visa, Mastercard,
    /// American Express, Discover, Diners Club, JCB, UnionPay.
    static func hasIssuerPrefix(_ digits: [Int]) -> Bool {
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + $1 } }
        let length = digits.count
        switch digits.first {
        case 4: return [13, 16, 19].contains(length)
        case 5: return (51...55).contains(prefix(2)) && length == 16
        case 2: return (2221...2720).contains(prefix(4)) && length == 16
        case 3:
            if [34, 37].contains(prefix(2)) { return length == 15 }
            if (3528...3589).contains(prefix(4)) { return (16...19).contains(length) }
            if (300...305).contains(prefix(3)) || [36, 38, 39].contains(prefix(2)) {
                return (14...19).contains(length)
            }
            return false
        case 6:
            let discover =
                prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3))
                || (622126...622925).contains(prefix(6))
            return (discover || prefix(2) == 62) && (16...19).contains(length)
        default: return false
        }
    }

    /// Two letters, two check digits, then the account in groups (spaces optional).
    static let iban = PatternDetector(
        .iban, #"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}"#,
        anchors: Anchors(before: 1, after: 48) { Anchors.shapes("lldd", in: $0) }, check: narrowToIBAN)

    /// IBAN length by country (ISO 13616 registry).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
        "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
        "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
        "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
        "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// Keeps exactly the country's number of characters (the pattern may run on into the next
    /// word) and checks mod-97; the IBAN must end at a word boundary.
    static func narrowToIBAN(_ candidate: PatternDetector.Candidate) -> Range<Int>? {
        let units = Array(candidate.value.utf16)
        guard units.count >= 2 else { return nil }
        let country = String(decoding: units[0..<2], as: UTF16.self)
        guard let length = ibanLengths[country] else { return nil }
        var characters: [UInt16] = []
        var end = 0
        for (offset, unit) in units.enumerated() where unit != 0x20 {
            characters.append(unit)
            if characters.count == length {
                end = offset + 1
                break
            }
        }
        guard characters.count == length else { return nil }
        // What follows must not continue the code ("DE89...00X" is not an IBAN).
        if end < units.count, units[end] != 0x20 { return nil }
        guard mod97(characters) == 1 else { return nil }
        return candidate.range.lowerBound..<(candidate.range.lowerBound + end)
    }

    /// ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end.
    static func mod97(_ characters: [UInt16]) -> Int {
        var remainder = 0
        for unit in characters[4...] + characters[..<4] {
            switch unit {
            case 0x30...0x39: remainder = (remainder * 10 + Int(unit - 0x30)) % 97
            case 0x41...0x5A: remainder = (remainder * 100 + Int(unit - 0x41 + 10)) % 97
            default: return -1
            }
        }
        return remainder
    }

    /// Nine digits after "routing", "ABA" or "RTN" (a bare nine-digit number is too often a CUSIP
    /// or a file number to take on its checksum alone).
    static let routingNumber = PatternDetector(
        .routingNumber,
        #"\b(?:routing|ABA|RTN|transit)\b(?:[ \t]+(?:transit|routing))?(?:[ \t]+(?:no\.?|number|#))?[ \t]*[:#.]?[ \t]*(\d{9})(?![\w-])"#,
        group: 1, caseInsensitive: true, anchors: Anchors(["routing", "aba", "rtn", "transit"], before: 2, after: 60),
        accept: { isValidRoutingNumber(TextChecks.digits($0)) })

    /// The ABA checksum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10), and a first pair
    /// the Federal Reserve assigns (00–12, 21–32, 61–72, 80).
    static func isValidRoutingNumber(_ d: [Int]) -> Bool {
        guard d.count == 9 else { return false }
        let pair = d[0] * 10 + d[1]
        guard (0...12).contains(pair) || (21...32).contains(pair) || (61...72).contains(pair) || pair == 80 else {
            return false
        }
        let sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])
        return sum % 10 == 0
    }
}
