import Foundation

/// US Social Security numbers and dates of birth.
enum IdentityDetectors {
    static let all: [any PrivacyDetector] = [dashedSSN, labelledSSN, dateOfBirth]

    /// `AAA-GG-SSSS`, dashes required (a bare nine-digit run is taken only after an SSN label).
    static let dashedSSN = PatternDetector(
        .ssn, #"(?<![\w\-/.])\d{3}-\d{2}-\d{4}(?![\w\-/]|\.\d)"#,
        anchors: Anchors(before: 5, after: 12) { Anchors.shapes("ddd-dd-dddd", in: $0) }, accept: isValidSSN)

    /// Nine digits, spaced or not, after "SSN", "Social Security No." and the like.
    static let labelledSSN = PatternDetector(
        .ssn,
        #"\b(?:SSN|SS#|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?)[ \t]*[:#.]?[ \t]*(\d{3}[ -]?\d{2}[ -]?\d{4})(?![\w-])"#,
        group: 1, caseInsensitive: true, anchors: Anchors(["ssn", "ss#", "social"], before: 2, after: 70),
        accept: isValidSSN)

    /// The Social Security Administration never issues area 000, 666 or 900–999, group 00 or
    /// serial 0000.
    static func isValidSSN(_ value: String) -> Bool {
        let digits = TextChecks.digits(value)
        guard digits.count == 9 else { return false }
        let area = digits[0] * 100 + digits[1] * 10 + digits[2]
        let group = digits[3] * 10 + digits[4]
        let serial = digits[5...].reduce(0) { $0 * 10 + $1 }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    static let monthNames =
        "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"

    /// A written date: 03/14/1975, 1975-03-14, March 14, 1975, 14 March 1975.
    static let datePattern =
        #"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|"#
        + monthNames + #"\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}|\d{1,2}(?:st|nd|rd|th)?[ \t]+"#
        + monthNames + #"\.?,?[ \t]+\d{4})"#

    /// A date right after "born", "DOB", "date of birth" or "birth date": only the date is the finding.
    static let dateOfBirth = PatternDetector(
        .dateOfBirth,
        #"(?:\b(?:date[ \t]+of[ \t]+birth|birth[ \t]?date|born(?:[ \t]+on)?)\b|\bD\.?O\.?B\b\.?)[ \t]*[:,\-–]?[ \t]*(?:on[ \t]+)?("#
            + datePattern + #")(?![\d/])"#,
        group: 1, caseInsensitive: true,
        anchors: Anchors(["birth", "born", "dob", "d.o.b"], before: 16, after: 70),
        accept: isPlausibleDate)

    /// Month 1–12 and day 1–31 wherever the numeric form says which is which (US or ISO order,
    /// or day first when the first number is above 12).
    static func isPlausibleDate(_ value: String) -> Bool {
        let numbers = value.split { !$0.isNumber }.compactMap { Int($0) }
        if numbers.count == 3 && !value.contains(where: \.isLetter) {
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            if a > 31 { return (1...12).contains(b) && (1...31).contains(c) }  // ISO
            return ((1...12).contains(a) && (1...31).contains(b)) || ((1...31).contains(a) && (1...12).contains(b))
        }
        return numbers.contains { (1...31).contains($0) }
    }

    /// The year of a date of birth as written (what Rule 5.2 lets a filing keep).
    static func year(of value: String) -> String? {
        let numbers = value.split { !$0.isNumber }
        if let fourDigits = numbers.first(where: { $0.count == 4 }) { return String(fourDigits) }
        return numbers.last.map { "'" + $0 }
    }
}
