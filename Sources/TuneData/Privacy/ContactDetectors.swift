import Foundation

/// E-mail addresses and telephone numbers (international `+CC` form, US `(NXX) NXX-XXXX` forms,
/// and any number written after "Tel", "Phone", "Fax").
enum ContactDetectors {
    static let all: [any PrivacyDetector] = [email, internationalPhone, usPhone, labelledPhone]

    /// Local part, `@`, a domain of dotted labels ending in a letters-only top-level label.
    static let email = PatternDetector(
        .email,
        #"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])"#,
        anchors: Anchors(["@"], before: 70, after: 260),
        accept: { value in
            guard let at = value.firstIndex(of: "@") else { return false }
            let local = value[..<at]
            return !local.hasSuffix(".") && !local.contains("..")
        })

    /// `+` country code then groups: 8 to 15 digits in all (E.164's limits).
    static let internationalPhone = PatternDetector(
        .phone, #"(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-])"#,
        anchors: Anchors(["+"], before: 2, after: 40),
        accept: { (8...15).contains(TextChecks.digits($0).count) })

    /// US numbers with separators, and an optional leading `1`.
    ///
    /// The area code and exchange start 2–9 (the North American Numbering Plan). A bare run of ten digits is not taken (too many
    /// account and document numbers look like it).
    static let usPhone = PatternDetector(
        .phone,
        #"(?<![\w$§.\-/])(?:\+?1[ .-])?(?:\([2-9]\d{2}\)[ ]?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\w\-/]|\.\d)"#,
        // Every match ends in "ddd-dddd" (or with a space or dot).
        anchors: Anchors(before: 12, after: 10) { Anchors.shapes("dddsdddd", in: $0) },
        accept: { value in
            // Mixed separators such as "212 555-0100" are fine; "212.555 0100" reads as figures.
            let digits = TextChecks.digits(value)
            return digits.count == 10 || (digits.count == 11 && digits.first == 1)
        })

    /// Whatever follows a "Tel:", "Phone:", "Fax:" label, when it has a phone number's digit count.
    static let labelledPhone = PatternDetector(
        .phone,
        #"\b(?:tel(?:ephone)?|phone|fax|facsimile|mobile|cell)\b\.?(?:[ \t]+(?:no\.?|number))?[ \t]*[:.]?[ \t]*(\+?\(?\d[\d ().-]{5,18}\d)(?![\w-])"#,
        group: 1, caseInsensitive: true,
        anchors: Anchors(["tel", "phone", "fax", "facsimile", "mobile", "cell"], before: 2, after: 60),
        accept: { (7...15).contains(TextChecks.digits($0).count) })
}
