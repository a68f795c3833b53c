/// How a heading's words read in a breadcrumb or a question: the all-capitals test, title case,
/// and the closing punctuation a heading carries ("GOVERNING LAW." → "Governing Law").
enum HeadingTitle {
    /// Most words of an all-capitals heading: more is a shouted sentence or a cover page's notice.
    static let capitalsMaxWords = 10
    /// Longest all-capitals heading, in scalars.
    static let capitalsMaxLength = 80
    /// Fewest letters of an all-capitals heading: "ABC" is an acronym or a stamp, "TERM" a heading.
    static let capitalsMinLetters = 4
    /// What ends a heading without being part of its words: "Notices.", "Term:", "Fees —".
    static let closingPunctuation: Set<Character> = [".", ":", ";", ",", "-", "–", "—"]

    /// An all-capitals short line ("CONFIDENTIALITY", "GOVERNING LAW") read as an unnumbered heading:
    /// no lower-case letter, at least four letters, at most ten words, not ending like a clause
    /// ("," or ";").
    static func isAllCapitals(_ text: String) -> Bool {
        // One pass over the scalars (this runs for every paragraph of every document).
        var words = 0
        var scalarCount = 0
        var letters = 0
        var inWord = false
        var last: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            scalarCount += 1
            if scalarCount > capitalsMaxLength { return false }
            if scalar == " " {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
            }
            if scalar.isASCII {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                if scalar.value >= 0x41 && scalar.value <= 0x5A { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                if scalar.properties.isLowercase { return false }
                letters += 1
            }
            last = scalar
        }
        return (1...capitalsMaxWords).contains(words) && last != "," && last != ";" && letters >= capitalsMinLetters
    }

    /// A heading's words as a title, or `nil` when nothing is left.
    ///
    /// Surrounding spaces and closing punctuation go, and words in capitals are title-cased. The punctuation goes
    /// first, so the capitals test sees the words alone ("NOTICES;" is a heading in capitals), and title case keeps the
    /// abbreviations it cut ("HOLLAND B.V." → "Holland B.V").
    static func clean(_ raw: some StringProtocol) -> String? {
        var title = Substring(raw)
        while let first = title.first, first.isWhitespace { title.removeFirst() }
        while let last = title.last, closingPunctuation.contains(last) || last.isWhitespace { title.removeLast() }
        if title.isEmpty { return nil }
        var words = String(title)
        // A typist's letter-spaced heading: "R E C I T A L S" is "RECITALS".
        if words.wholeMatch(of: letterSpaced) != nil { words.removeAll { $0 == " " } }
        // "GOVERNING LAW" reads as "Governing Law" in a question.
        return isAllCapitals(words) ? words.capitalizedTitle : words
    }

    /// Four capitals or more, one space between each.
    nonisolated(unsafe) static let letterSpaced = /[A-Z](?: [A-Z]){3,}/

    /// Short connectives a title keeps in lower case ("Term and Termination", "Release from Escrow").
    static let minorWords: Set<String> = [
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from", "upon",
        "under",
    ]

    /// "II.", "(IV)", "XIV:", "U.S.", "B.V", "L.L.C", "LLC": words a title keeps in capitals (a
    /// dotted abbreviation may have lost its last period to the clean-up).
    nonisolated(unsafe) static let keptInCapitals =
        /\(?(?:[IVX]{1,5}|(?:[A-Z]\.)+[A-Z]|(?:[A-Z]\.){2,}|LLC|LLP|USA|EU|UK|PRC|UAE|HKSAR)[.):,]?/
}

extension String {
    /// Title case for a heading in capitals: "GOVERNING LAW" → "Governing Law".
    ///
    /// Short connectives stay lower case; roman numerals ("II.", "(IV)") and abbreviations such as "U.S." or "LLC" stay
    /// in capitals.
    var capitalizedTitle: String {
        split(separator: " ").enumerated().map { index, word in
            let lower = word.lowercased()
            if index > 0, HeadingTitle.minorWords.contains(lower) { return lower }
            if word.wholeMatch(of: HeadingTitle.keptInCapitals) != nil { return String(word) }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}
