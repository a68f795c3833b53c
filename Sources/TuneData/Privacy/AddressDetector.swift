import Foundation

/// Street addresses in the usual US/UK written form, and post-office boxes.
///
/// A house number, one to four capitalised name words, a street suffix, then optionally a unit
/// and "City, ST 12345".
enum AddressDetector {
    static let all: [any PrivacyDetector] = [street, postOfficeBox]

    static let suffixes =
        "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Ter|Square|Sq|Plaza|Trail|Trl|Alley|Pike|Turnpike|Row|Crescent|Close|Mews)"

    static let street = PatternDetector(
        .streetAddress,
        #"(?<![\w$§.,/-])\d{1,6}[A-Za-z]?(?:-\d{1,4})?[ \t]+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?[ \t]+)?(?:(?:[A-Z][A-Za-z'.-]*|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,4}"#
            + suffixes
            + #"\b\.?(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?(?:,?[ \t]+(?:Suite|Ste|Apt|Apartment|Unit|Floor|Fl|Room|Rm|#)\.?[ \t]*#?[A-Za-z0-9-]+)?(?:,[ \t]*[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+){0,2},?[ \t]+(?:[A-Z]{2}|[A-Z][a-z]+)\.?[ \t]+\d{5}(?:-\d{4})?)?"#,
        // Only around a street suffix standing as a word with a digit before it.
        anchors: Anchors(before: 96, after: 120) { streetCues(in: $0) },
        check: { candidate in
            // "Section 5 Notice Place" is a heading, not an address.
            NetworkDetectors.followsSectionWord(candidate) ? nil : candidate.range
        })

    /// The street suffixes as lower-case words, for ``streetCues(in:)``.
    static let suffixWords: [[UInt16]] = suffixes.dropFirst(3).dropLast().split(separator: "|").map {
        Array($0.lowercased().utf16)
    }

    /// Offsets of street suffixes (as whole words) that have a digit within the house-number
    /// reach before them.
    static func streetCues(in units: [UInt16]) -> [Int] {
        var lastDigit = -1
        var cursor = 0
        return Anchors.wholeWords(suffixWords, in: units).filter { offset in
            while cursor < offset {
                if Anchors.isDigit(units[cursor]) { lastDigit = cursor }
                cursor += 1
            }
            return lastDigit >= 0 && offset - lastDigit <= suffixReach
        }
    }

    /// Units from a house number's last digit to the street suffix at most (four name words).
    static let suffixReach = 90

    static let postOfficeBox = PatternDetector(
        .streetAddress, #"\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}\b"#, caseInsensitive: true,
        anchors: Anchors(["box"], before: 12, after: 20))
}
