/// The enumerators that open a clause or a list item: "(a)", "(iv)", "(12)", "a.", "3)", "1.1.3", "•".
///
/// Each form (what a clause number, a letter, a roman numeral and a bullet are) is written once
/// here; each stage that reads enumerators asks for the combination of forms it accepts, named
/// below with the reason it differs.
enum LegalEnumerator {
    // MARK: - The forms

    /// Most digits a clause number has: "(12)", "123." but not "2020", a year.
    static let numberMaxDigits = 3
    /// Most digits of a number that opens a paragraph bare, as "12) " does.
    ///
    /// A longer one ("123. ") is more often an amount or a year ending the sentence before.
    static let bareNumberMaxDigits = 2
    /// Most letters of a letter enumerator: "(a)" to "(zz)".
    static let lettersMaxLength = 2
    /// The letters of a lower-case roman numeral enumerator; "d" and "m" (500, 1000) never number
    /// clauses, and alone they read as letters anyway.
    static let romanDigits = "ivxlc"
    /// Most letters of a roman numeral enumerator: "(xxviii)".
    static let romanMaxLength = 6
    /// The glyphs a bulleted item opens with.
    static let bulletGlyphs = "•·▪◦‣●■"
    /// The dashes a typed list item opens with.
    static let dashes = "-–"

    static let number = "[0-9]{1,\(numberMaxDigits)}"
    static let bareNumber = "[0-9]{1,\(bareNumberMaxDigits)}"
    /// "1", "1.1", "1.1.3": a section number.
    static let dottedNumber = "\(number)(?:\\.\(number))*"
    static let letters = "[a-z]{1,\(lettersMaxLength)}"
    static let capitals = "[A-Z]{1,\(lettersMaxLength)}"
    static let roman = "[\(romanDigits)]{1,\(romanMaxLength)}"
    static let bullet = "[\(bulletGlyphs)]"
    /// `dashes` inside a bracketed class, where a bare "-" would make a range.
    private static let dashesInClass = dashes.map { $0 == "-" ? "\\-" : String($0) }.joined()
    static let bulletOrDash = "[\(bulletGlyphs)\(dashesInClass)]"

    // MARK: - What each stage accepts

    /// A PDF line that opens a list item: "(a) ", "(iv) ", "(12) ", "(A) ", "a) ", "12) ", "•".
    ///
    /// A number and a period are left out: a numbered line is often a heading ("1. Definitions").
    nonisolated(unsafe) static let pdfListItemStart = legalPattern(
        #"(?:\((?:\#(letters)|\#(roman)|\#(number)|[A-Z])\)|[a-z]\)|\#(bareNumber)\))\s|\#(bullet)\s?"#)

    /// A PDF line that opens with a number: "(1)", "1.", "12)".
    nonisolated(unsafe) static let pdfNumberStart = legalPattern(#"\(?\#(number)[.)]\s?"#)

    /// A PDF line that is only an enumerator ("1.", "(a)", "(iv)", "a)", "c.", "B."), whose item's
    /// text is set beside it.
    nonisolated(unsafe) static let pdfBareEnumerator = legalPattern(
        #"\(?(?:\#(number)|\#(letters)|[A-Z]|\#(roman))[.)]"#)

    /// The label of a hanging indent in a PDF line: "1.", "(a)", "AB)", "(iv)", "•", "-", "§ 3".
    nonisolated(unsafe) static let pdfHangingLabel = legalPattern(
        #"\(?\#(number)[.)]|\(?(?:\#(letters)|\#(capitals))\)|\(\#(roman)\)|\#(bulletOrDash)|§+\s*[0-9]+"#)

    /// A line of hard-wrapped preformatted prose that opens a new item: "(a) ", "(iv) ", "- ".
    ///
    /// Also "1) ", "a) " and "* " (an asterisk is a plain-text bullet there).
    nonisolated(unsafe) static let prosaicLineStart = legalPattern(
        #"(?:\(?\#(number)[.)]|\(?\#(letters)[.)]|\(\#(roman)\)|[\#(bulletGlyphs)\#(dashesInClass)*])\s"#)

    /// A sentence that is only a clause number ("17.1.", "(a)", "iv."), as a sentence splitter
    /// may cut one off.
    nonisolated(unsafe) static let clauseNumber = legalPattern(#"\(?(?:\#(dottedNumber)|[a-zA-Z]|\#(roman))[.)]?"#)

    /// The clause number before a quoted defined term: "1.3 \"Term\" means …", "(x) “Term” …".
    nonisolated(unsafe) static let beforeDefinedTerm = legalPattern(
        #"(?:\#(dottedNumber)\.?|\((?:\#(letters)|\#(roman)|\#(number))\)|[a-z]\))\s+(?=["“])"#)

    /// Whether a paragraph opens with a clause enumerator and a space: "(a) ", "(iv) ", "• ".
    ///
    /// Also "(12) ", "3) " and dashes. A scan of the first few scalars (this runs for every passage).
    static func opensListItem(_ paragraph: String) -> Bool {
        var scalars = paragraph.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        func isSpace(_ scalar: Unicode.Scalar?) -> Bool { scalar?.properties.isWhitespace ?? false }
        if bulletScalars.contains(first) || dashScalars.contains(first) { return isSpace(scalars.next()) }
        switch first {
        case "(":
            var inside: [Unicode.Scalar] = []
            while let scalar = scalars.next(), scalar != ")" {
                inside.append(scalar)
                if inside.count > romanMaxLength { return false }
            }
            guard !inside.isEmpty, isSpace(scalars.next()) else { return false }
            let isLetters = inside.count <= lettersMaxLength && inside.allSatisfy { ("a"..."z").contains($0) }
            let isRoman = inside.allSatisfy { romanScalars.contains($0) }
            let isNumber = inside.count <= numberMaxDigits && inside.allSatisfy { ("0"..."9").contains($0) }
            return isLetters || isRoman || isNumber
        case "0"..."9":
            var digits = 1
            var next = scalars.next()
            while let scalar = next, ("0"..."9").contains(scalar) {
                digits += 1
                next = scalars.next()
            }
            return digits <= bareNumberMaxDigits && next == "." && isSpace(scalars.next())
        default:
            return false
        }
    }

    private static let romanScalars = Set(romanDigits.unicodeScalars)
    private static let bulletScalars = Set(bulletGlyphs.unicodeScalars)
    private static let dashScalars = Set(dashes.unicodeScalars)
}
