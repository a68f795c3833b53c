import Foundation

/// The date a term ends when the contract states it as a duration from a start it names: "shall
/// become effective on the Effective Date and shall remain in effect for an initial period of 1 year"
/// with an Effective Date of July 31, 2019 ends on July 31, 2020.
///
/// Only a start the sentence itself names counts: a date it writes, the Effective Date, or the date
/// of the agreement ("the date first above written"). A term "from the Promotion Commencement Date" or
/// with no start at all ("The term of this Agreement is five (5) years") gets no date, since the
/// start it counts from is not a date the contract states. The end is the anniversary of the start,
/// as CUAD's annotators count it (one year from July 31, 2019 is July 31, 2020).
enum TermEnd {
    /// The end date with how it was counted ("July 31, 2020, 1 year from the Effective Date (July 31,
    /// 2019)"), or nil when the sentence names no start the contract dates.
    static func derived(
        sentence: String, duration: String, effectiveDate: String?, agreementDate: String?
    ) -> String? {
        guard let (count, unit) = length(of: duration) else { return nil }
        let lower = sentence.lowercased()
        // "the sooner of six (6) months from the Effective Date, or replacement of this Agreement":
        // the date is a bound, not the end.
        guard !boundWords.contains(where: lower.contains) else { return nil }
        let start: (date: DateComponents, description: (String) -> String)
        let otherStart = sentence.matches(of: definedDate).contains { !$0.output.hasSuffix("Effective Date") }
        if let written = FactPatterns.date(sentence), let date = components(of: written),
            let at = sentence.range(of: written), let length = sentence.range(of: duration),
            at.upperBound <= length.lowerBound
        {
            start = (date, { $0 })
        } else if !otherStart, lower.contains("effective date"), let effectiveDate,
            let date = components(of: effectiveDate)
        {
            start = (date, { "the Effective Date (\($0))" })
        } else if !otherStart, agreementDateWords.contains(where: lower.contains), let agreementDate,
            let date = components(of: agreementDate)
        {
            start = (date, { "the date of the Agreement (\($0))" })
        } else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let from = calendar.date(from: start.date),
            let end = calendar.date(byAdding: unit == .year ? .year : .month, value: count, to: from)
        else { return nil }
        let written = { (date: Date) in
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return "\(monthNames[(parts.month ?? 1) - 1]) \(parts.day ?? 1), \(parts.year ?? 0)"
        }
        return "\(written(end)), \(duration) from \(start.description(written(from)))"
    }

    /// Words that make the duration one of two ends to choose from.
    private static let boundWords = ["sooner of", "earlier of", "later of", "longer of", "shorter of"]

    /// Words that name the agreement's own date as the start.
    private static let agreementDateWords = ["date first above written", "date hereof", "date of this agreement"]

    /// A defined date the term may count from ("the Promotion Commencement Date").
    nonisolated(unsafe) private static let definedDate = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+Date\b/

    private enum Unit { case year, month }

    /// The number and unit of a term ("five (5) years", "1 year", "twelve (12) months").
    private static func length(of duration: String) -> (Int, Unit)? {
        let lower = duration.lowercased()
        let unit: Unit
        if lower.contains("year") {
            unit = .year
        } else if lower.contains("month") {
            unit = .month
        } else {
            return nil
        }
        if let digits = lower.firstMatch(of: /(\d+)/), let count = Int(digits.1) { return (count, unit) }
        let word = lower.split(separator: " ").first { numberWords[String($0)] != nil }
        return word.flatMap { numberWords[String($0)] }.map { ($0, unit) }
    }

    private static let numberWords = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20,
        "twenty-four": 24, "thirty": 30, "thirty-six": 36,
    ]

    /// Year, month and day of a date as a contract writes it ("July 31, 2019", "31 day of July 2019",
    /// "1st day of January, 2000", "February 08, 2007").
    static func components(of written: String) -> DateComponents? {
        let lower = written.lowercased()
        guard let index = monthNames.firstIndex(where: { lower.contains($0.lowercased().prefix(3)) }),
            let year = lower.firstMatch(of: /\b(\d{4})\b/).flatMap({ Int($0.1) }),
            let day = lower.firstMatch(of: /\b(\d{1,2})(?:st|nd|rd|th)?\b/).flatMap({ Int($0.1) }),
            (1...31).contains(day)
        else { return nil }
        return DateComponents(year: year, month: index + 1, day: day)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
