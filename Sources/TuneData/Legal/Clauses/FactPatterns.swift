import Foundation

/// The patterns that read a short answer out of one sentence (see ``ContractFacts``).
enum FactPatterns {
    /// A preamble is in the first few passages (after a cover page and a contents list).
    static let preamblePassages = 8
    /// A preamble that lists its parties one to a paragraph ("BETWEEN:", name, "- and -", name) spans this many.
    static let partyParagraphs = 3
    /// "Party A: …" and "Party B: …" blocks are looked for within this many paragraphs of each other.
    static let labelledPartyParagraphs = 2
    /// A preamble cut into sentences at abbreviations is read up to this many sentences at a time.
    static let continuationSentences = 3

    /// Whether a paragraph only joins two parties laid out a paragraph each ("AND", "- and -").
    static func isPartyJoint(_ paragraph: String) -> Bool {
        let word = paragraph.trimmingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: "-–—: "))
        return word.lowercased() == "and"
    }

    /// Whether a paragraph only labels the list of parties that follows ("Parties to this agreement",
    /// "PARTIES:"): read past, like a joint.
    static func isPartyListLabel(_ paragraph: String) -> Bool {
        paragraph.trimmingWhitespace.wholeMatch(of: partyListLabelPattern) != nil
    }

    nonisolated(unsafe) private static let partyListLabelPattern =
        /(?i:(?:the\s+)?parties(?:\s+to\s+this\s+(?:agreement|contract))?)\s*:?/

    /// The parties a Chinese-style preamble labels "Party A: …", "Party B: …" (each up to its legal
    /// representative, address or the next label), with the labels as their short names; fewer than two
    /// when the text has no such labels.
    static func labelledParties(in text: String) -> [ContractParty] {
        guard !PartyFinder.occurrences(of: "party a", in: text).isEmpty else { return [] }
        var found: [ContractParty] = []
        for match in text.matches(of: labelledPartyPattern) {
            let label = "Party " + match.1
            var name = String(match.2).trimmingWhitespace
            // "Co., Ltd. (经纬恒通科技有限公司 )": the name again in Chinese, which no English question repeats.
            if let native = name.firstMatch(of: nativeNamePattern) { name = String(name[..<native.range.lowerBound]) }
            name = name.trimmingWhitespace
            while let last = name.last, ",;".contains(last) { name.removeLast() }
            guard !found.contains(where: { $0.shortName == label }), let first = name.first, first.isUppercase,
                name.count <= maxNameLength
            else { continue }
            found.append(ContractParty(name: name, shortName: label))
            if found.count == partyLimit { break }
        }
        return found
    }

    /// A closing parenthesis holding no Latin letter: a name's transliteration or original script.
    nonisolated(unsafe) private static let nativeNamePattern =
        /\s*[(（][^A-Za-z()（）]*(?:[（(][^A-Za-z()（）]*[)）][^A-Za-z()（）]*)*[)）]\s*$/

    /// "Party A: Name" up to the next field label of the party's block.
    nonisolated(unsafe) private static let labelledPartyPattern =
        /\bParty\s+([A-C])\s*[:：]\s*(.+?)(?=\s+(?:Legal\s+Representative|Address|Regist(?:ered|ration)\s+(?:Address|Office)|Domicile|Contact|Tel|Party\s+[A-C]\s*[:：])\b|\n|$)/

    /// Whether a heading is only the word that opens a list of parties ("BETWEEN", "By and among:").
    static func opensPartyList(_ heading: String) -> Bool {
        let words = heading.lowercased().split { !$0.isLetter }
        return ["between", "among"].contains(words.last ?? "") && words.count <= 3
    }

    /// Words of a sentence that dates the agreement ("made as of", "dated", "entered into on").
    static let datingWords = ["dated", "as of", "made", "entered", "effective", "executed", "day of"]

    // MARK: - The agreement's name

    /// The paragraphs of each opening passage read for a title or a "This … Agreement" sentence.
    static let titleParagraphs = 4

    /// "This Distributor Agreement (the "Agreement") is made …" → "Distributor Agreement"; nil when the
    /// sentence says only "This Agreement".
    static func selfName(_ sentence: String) -> String? {
        guard let match = sentence.firstMatch(of: selfNamePattern) else { return nil }
        return readableName(String(match.1))
    }

    /// A short title line that names an agreement ("EXHIBIT 10.2 MASTER SUPPLY AGREEMENT").
    static func titleName(_ line: String) -> String? {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard words.count <= maxTitleWords, let match = line.firstMatch(of: titleNamePattern) else { return nil }
        // "TERM OF AGREEMENT", "Scope of this Agreement": a section's heading, not the agreement's name.
        let name = match.1.split(whereSeparator: \.isWhitespace)
        if name.count >= 2, ["of", "this", "the"].contains(name[name.count - 2].lowercased()) { return nil }
        return readableName(String(match.1))
    }

    /// A name in capitals reads as a name ("DISTRIBUTOR AGREEMENT" → "Distributor Agreement").
    private static func readableName(_ name: String) -> String? {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2 else { return nil }
        let joined = words.joined(separator: " ")
        return joined == joined.uppercased() ? joined.capitalizedTitle : joined
    }

    /// A title line is short; a longer paragraph is prose.
    private static let maxTitleWords = 14
    /// "This Co-Branding Agreement", "THIS LICENSE AND SUPPLY AGREEMENT": up to six capitalised words.
    nonisolated(unsafe) private static let selfNamePattern =
        /\b(?:This|THIS)\s+((?:[A-Z][\w&'’.\/-]*\s+(?:(?:and|of|for|AND|OF|FOR|&)\s+)?){1,6}(?:Agreement|AGREEMENT|Contract|CONTRACT|Lease|LEASE|Amendment|AMENDMENT)(?:\s+(?:No\.|NO\.)\s*\d+)?)\b/
    nonisolated(unsafe) private static let titleNamePattern =
        /((?:[A-Z][\w&'’.\/-]*\s+(?:(?:and|of|for|AND|OF|FOR|&)\s+)?){1,6}(?:Agreement|AGREEMENT|Contract|CONTRACT|Lease|LEASE|Amendment|AMENDMENT)(?:\s+(?:No\.|NO\.)\s*\d+)?)\s*$/

    // MARK: - Dates

    private static let month =
        "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)"
    nonisolated(unsafe) private static let datePattern: Regex<AnyRegexOutput>? = try? Regex(
        "(?i)\\b(?:\(month)\\s+\\d{1,2}\(ordinal)?\\s*,?\\s*\\d{4}|\\d{1,2}\(ordinal)?\\s+(?:day\\s+of\\s+)?\(month),?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4})"
    )

    /// An ordinal suffix, also as PDF text splits a superscript one ("24t h day of August").
    private static let ordinal = "(?:st|nd|rd|th|s\\s?t|n\\s?d|r\\s?d|t\\s?h)"

    /// Whether a sentence opens by naming the document itself ("This Amendment (the “Amendment”) is
    /// entered into on …", "THIS MASTER SERVICES AGREEMENT is made …"), after any stray figures a
    /// contents page left before it.
    static func namesItself(_ sentence: String) -> Bool {
        sentence.prefixMatch(of: selfNamingPattern) != nil
    }

    nonisolated(unsafe) private static let selfNamingPattern =
        /[\d\s.]*(?i:this)\s+(?:[\w’'-]+\s+){0,4}?(?i:agreement|amendment|contract|addendum|lease|licen[cs]e|memorandum|deed|letter)\b/

    /// The sentences of "IN WITNESS WHEREOF" paragraphs, with their passages: "the undersigned hereby
    /// execute this Agreement as of July 6, 2020" dates an agreement whose opening does not.
    static func witnessSentences(in passages: [Passage]) -> [(String, Int)] {
        passages.flatMap { passage -> [(String, Int)] in
            guard !PartyFinder.occurrences(of: "in witness whereof", in: passage.text).isEmpty else { return [] }
            return passage.text.paragraphs.filter { $0.lowercased().contains("in witness whereof") }
                .flatMap { SentenceSplitter.split(String($0)) }
                .filter { $0.lowercased().contains("in witness whereof") }.map { ($0, passage.index) }
        }
    }

    /// The first sentence that says when the parties signed, with its passage and date, for an
    /// agreement dated nowhere else: "This Affiliate Agreement is executed as of the 14th day of
    /// December, 1997.", "Signed in September 17, 2008", "Rome/Houston, 2 April 2020", "[signature
    /// authenticated … on December 17, 2018]".
    static func firstSigningLine(in passages: [Passage]) -> (sentence: String, passage: Int, date: String)? {
        for passage in passages where mayHoldDate(passage.text) {
            for paragraph in passage.text.paragraphs where mayHoldDate(paragraph) {
                for sentence in SentenceSplitter.split(String(paragraph)) where isSigningLine(sentence) {
                    if let date = signingDate(sentence) { return (sentence, passage.index, date) }
                }
            }
        }
        return nil
    }

    /// A signing line is short, or names the document itself: in a long sentence of the body,
    /// "executed by IBM on August 3, 2001" dates another agreement, "is executed after March 30th
    /// 2011" a condition.
    private static func isSigningLine(_ sentence: String) -> Bool {
        !sentence.hasWords(atLeast: signingLineWords + 1) || namesItself(sentence)
    }

    /// The most words of a signing line, well above a signature with its authentication note (17 words).
    private static let signingLineWords = 30

    /// The date a signing sentence gives: one within a few words after "signed", "executed" or
    /// "signature", or after a place at the start of a line ("Rome/Houston, 2 April 2020").
    static func signingDate(_ sentence: String) -> String? {
        guard mayHoldDate(sentence), let datePattern else { return nil }
        for match in sentence.matches(of: datePattern) {
            let before = sentence[..<match.range.lowerBound]
            let near = before.suffix(signingCueReach)
            if near.firstMatch(of: signingCue) != nil || before.wholeMatch(of: signingPlace) != nil {
                return String(sentence[match.range]).replacing(splitOrdinal) { "\($0.1)\($0.2)\($0.3)" }
            }
        }
        return nil
    }

    /// How far before a date its signing word may stand ("signature authenticated by third party
    /// document depository on" is 61 characters).
    private static let signingCueReach = 64

    nonisolated(unsafe) private static let signingCue = /\b(?i:signed|executed|signature)\b[^.;:\d]*$/
    /// One to three place names at the start of a line, joined by "/" or "and", then a comma.
    nonisolated(unsafe) private static let signingPlace =
        /[A-Z][\p{L}'’.-]+(?:\s?(?:\/|and)\s?[A-Z][\p{L}'’.-]+){0,2}(?:\s[A-Z][\p{L}'’.-]+)?,\s*(?:(?i:on|this)\s+)?/

    /// The first date of a sentence as written ("March 1, 2020", "1st day of March, 2020"); a
    /// superscript ordinal the PDF split is joined ("24t h" → "24th").
    static func date(_ sentence: String) -> String? {
        guard mayHoldDate(sentence), let datePattern, let match = sentence.firstMatch(of: datePattern) else {
            return nil
        }
        return String(sentence[match.range]).replacing(splitOrdinal) { "\($0.1)\($0.2)\($0.3)" }
    }

    nonisolated(unsafe) private static let splitOrdinal = /(\d)([tsnr])\s([htd])\b/

    /// Whether the text has a four-digit year or a slash date: a byte scan that spares the date
    /// pattern most sentences (Swift's regex engine is slow to fail).
    static func mayHoldDate(_ text: some StringProtocol) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if digits == 4 { return true }
            } else {
                if byte == 0x2F && digits > 0 { return true }
                digits = 0
            }
        }
        return false
    }

    /// Whether the sentence dates another agreement, the one this amends or refers to.
    ///
    /// "Amendment No. 1 to the Global Maintenance Agreement dated March 9, 2015", "Reference is
    /// made to that certain License Agreement dated as of December 16, 2004".
    static func datesAnotherAgreement(_ sentence: String) -> Bool {
        // Most preamble sentences have no "dated": a byte scan spares them the lower-casing.
        guard sentence.containsASCIICaseInsensitive("dated") else { return false }
        let lower = sentence.lowercased()
        guard let dated = lower.range(of: "dated") else { return false }
        let before = lower[..<dated.lowerBound]
        // A title line cut after "Amendment No. 1" starts "to the … Agreement … dated".
        if before.contains("that certain") || before.trimmingWhitespace.hasPrefix("to the ") { return true }
        // "… described in the Agreement and Plan of Merger, dated as of …", "confirmed by letter dated …".
        if let original = sentence.range(of: "dated", options: .caseInsensitive) {
            let lead = sentence[..<original.lowerBound].suffix(otherAgreementLead)
            if lead.firstMatch(of: namedOtherAgreement) != nil || lead.hasSuffix("letter ") { return true }
        }
        guard let amendment = before.range(of: "amendment") else { return false }
        return before[amendment.upperBound...].contains(" to the ")
    }

    /// How far before "dated" another agreement's name may start.
    private static let otherAgreementLead = 80
    /// "the Agreement and Plan of Merger, " just before "dated": an agreement named with an article
    /// in lower case ("the", "that", "a"), which this agreement's own preamble never uses for itself.
    nonisolated(unsafe) private static let namedOtherAgreement =
        /\b(?:the|that|a|an|said)\s+[A-Z][^,;()]*?\b(?:Agreement|Plan|Contract|Lease|Letter)\b[^,;()]*,?\s*$/

    /// Whether a sentence defines a term other than the Effective Date ("“Financial Statements”
    /// means … for the years ended December 31, 2013"): its dates are not the agreement's.
    static func definesAnotherTerm(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        guard lower.contains(" means ") || lower.contains(" shall mean ") else { return false }
        return ![
            "effective date” means", "effective date\" means", "effective date” shall mean",
            "effective date\" shall mean",
        ]
        .contains(where: lower.contains)
    }

    /// The date a term sentence says the agreement ends: the date after "until", "through" or
    /// "expire on" ("effective as of November 1, 2002, and shall remain in force until October 31,
    /// 2012" ends on October 31, 2012), else its only date.
    static func expirationDate(_ sentence: String) -> String? {
        expirationDate(sentence, cuedOnly: false)
    }

    /// The date after an end cue only: in a sentence that gives the effective date too, the only
    /// date is the start.
    static func cuedExpirationDate(_ sentence: String) -> String? {
        expirationDate(sentence, cuedOnly: true)
    }

    private static func expirationDate(_ sentence: String, cuedOnly: Bool) -> String? {
        guard mayHoldDate(sentence), let datePattern else { return nil }
        let matches = sentence.matches(of: datePattern)
        let cued = matches.first { match in
            let before = sentence[..<match.range.lowerBound].suffix(endCueWindow).lowercased()
            return endCues.contains(where: before.contains)
        }
        // A lone date is the end unless it is where the term starts ("shall begin on January 1, 2000
        // and continue for … five (5) years").
        let lone = matches.count == 1 && !cuedOnly ? matches.first : nil
        let end = lone.flatMap { match in
            let before = sentence[..<match.range.lowerBound].suffix(endCueWindow).lowercased()
            return startCues.contains(where: before.contains) ? nil : match
        }
        guard let chosen = cued ?? end else { return nil }
        return date(String(sentence[chosen.range]))
    }

    /// Words before a date that make it the term's start.
    private static let startCues = ["begin", "commenc", "start", "effective", "from "]

    /// The sentences that define the agreement's term, with their passages.
    ///
    /// "“Term” shall mean …", "\"Contract Period\" means …", and a numbered definition without quotes.
    static func termDefinitions(in passages: [Passage]) -> [(String, Int)] {
        passages.flatMap { passage -> [(String, Int)] in
            // Most passages define no term: a byte search before splitting sentences.
            guard termNames.contains(where: { !PartyFinder.occurrences(of: $0, in: passage.text).isEmpty }) else {
                return []
            }
            return passage.text.paragraphs.flatMap { SentenceSplitter.split(String($0)) }
                .filter { $0.firstMatch(of: termDefinitionPattern) != nil }.map { ($0, passage.index) }
        }
    }

    private static let termNames = ["term\"", "term”", "period\"", "period”", "term shall mean", "term means"]
    nonisolated(unsafe) private static let termDefinitionPattern =
        /^(?:\(?[0-9A-Za-z]{1,4}(?:\.[0-9]{1,3})*[.)]?\s+)?\W{0,4}["“]?(?i:(?:initial\s+|agreement\s+|contract\s+)?term|contract\s+period|term\s+of\s+(?:this|the)\s+agreement)["”]?\s+(?i:shall\s+mean|means|refers\s+to)\b/

    /// What a term sentence that names no date says the agreement runs until.
    ///
    /// "the eighth anniversary of the Commencement Date", "the end of the fifteenth (15th) Contract
    /// Year", "terminated". Only in a sentence about the agreement's own term.
    static func expirationEvent(_ sentence: String) -> String? {
        let lower = sentence.lowercased()
        let opening = lower.drop { $0.isNumber || " .()".contains($0) }
        guard eventSubjects.contains(where: lower.contains), !conditionStarts.contains(where: opening.hasPrefix),
            !eventVetoes.contains(where: lower.contains), let match = sentence.firstMatch(of: endEventPattern)
        else { return nil }
        var value = String(match.1).trimmingWhitespace
        while let last = value.last, ",;:.(".contains(last) { value.removeLast() }
        let words = value.split(separator: " ")
        guard let last = words.last, words.count >= minimumEventWords || value == "terminated",
            !["of", "the", "a", "an", "to", "or", "and"].contains(last.lowercased()),
            // "shall not take effect until the Effective Date": a start, not an end.
            !["the effective date", "the closing", "such time", "the date of"].contains(
                where: value.lowercased().hasPrefix),
            // "the later of (a) twelve (12) months from the Launch Date": a list the comma cut.
            !value.contains("(a)") && !value.contains("(i)")
        else { return nil }
        return value
    }

    /// Words of a sentence about how long the agreement itself lasts.
    private static let eventSubjects = [
        "this agreement shall", "this agreement will", "term of this agreement", "term of the agreement",
        "the term shall", "the term will", "this contract shall", "this contract will", "initial term",
        "remain effective", "remain in effect", "remain in full force", "continue in full force", "continue in effect",
    ]
    /// Words of a term sentence about something else: what happens at or after termination, or when
    /// the agreement binds.
    private static let eventVetoes = [
        "unless and until", "upon termination", "time of termination", "after termination", "following termination",
        "in the event", "indemnif", "confidential", "surviv", ", if ",
    ]

    /// Words just before a date that make it the end of the term.
    private static let endCues = [
        "until", "through", "expire on", "expires on", "end on", "ending on", "ends on", "terminate on",
        "terminating on", "concluding", "to and including", "expiration date",
    ]
    /// How far before a date its end cue may stand ("until and including", "through and ending on").
    private static let endCueWindow = 24
    /// "the end of the term" is an event; "the earlier" alone is not.
    private static let minimumEventWords = 3
    nonisolated(unsafe) private static let endEventPattern =
        /\b(?:until|(?:shall|will)\s+(?:end|expire|terminate)\s+on|terminating\s+on|ending\s+on)\s+((?:the\s+)?(?:terminated|[^,;:.]{6,120}?))(?=\s*(?:[,;:.]|$|\s+unless\b|\s+or\s+until\b))/

    /// The date a sentence says something takes effect: the date after "effective"/"Effective Date".
    static func effectiveDate(_ sentence: String) -> String? {
        guard let range = sentence.range(of: "ffective") else { return nil }
        // "dated March 15, 2000 (the "Effective Date")": the date just before the defined term.
        if let datePattern {
            let before = sentence[..<range.lowerBound]
            if let last = before.matches(of: datePattern).last,
                before.distance(from: last.range.upperBound, to: before.endIndex) <= definedDateWindow
            {
                return date(String(before[last.range]))
            }
        }
        return date(String(sentence[range.upperBound...]))
    }

    /// Whether the sentence makes the agreement take effect on an event rather than a date: "This
    /// Agreement shall become effective when each party hereto shall have received a counterpart",
    /// "… shall take effect upon the Closing".
    static func takesEffectOnAnEvent(_ sentence: String) -> Bool {
        guard sentence.firstMatch(of: effectOnEvent) != nil else { return false }
        return date(sentence) == nil
    }

    nonisolated(unsafe) private static let effectOnEvent =
        /(?i)\bthis\s+agreement\s+(?:shall|will)\s+(?:become\s+effective|be\s+effective|take\s+effect|come\s+into\s+force)\s+(?:when|upon|on\s+the\s+date\s+(?:on\s+)?(?:which|that)|at\s+the\s+time)\b/

    /// How far before "(the "Effective Date")" the date it names may end.
    private static let definedDateWindow = 16

    // MARK: - Durations

    private static let numberWords =
        "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty(?:-four|-one)?|thirty|forty(?:-five)?|forty five|sixty|ninety|one hundred (?:and )?(?:twenty|eighty))"
    nonisolated(unsafe) private static let durationPattern: Regex<AnyRegexOutput>? = try? Regex(
        "(?i)\\b(?:successive\\s+|additional\\s+|consecutive\\s+)?(?:\(numberWords)\\s*(?:\\(\\d+\\))?|\\d+)\\s*-?\\s*(?:calendar\\s+|business\\s+|consecutive\\s+|full\\s+)?(?:days?|months?|years?|weeks?)\\b"
    )

    /// The first period of time a sentence states ("thirty (30) days", "successive one (1) year").
    static func duration(_ sentence: String) -> String? {
        durations(sentence).first.map { readable(String(sentence[$0])) }
    }

    /// "thirty (30) day" (of "a thirty (30) day period") as an answer says it: "thirty (30) days".
    static func readable(_ written: String) -> String {
        // "sixty (60)-day", "successive 1-year" (of "a 1-year term") as an answer says them: "sixty (60) days".
        let duration = written.replacingOccurrences(of: "-", with: " ")
        let lower = duration.lowercased()
        // "one (1) years' written notice" (a contract's own slip) reads "one (1) year".
        if isOne(lower), ["days", "weeks", "months", "years"].contains(where: lower.hasSuffix) {
            return String(duration.dropLast())
        }
        guard ["day", "week", "month", "year"].contains(where: lower.hasSuffix),
            !lower.hasPrefix("one ") && !lower.hasPrefix("1 ") && !lower.hasPrefix("one (1)")
                && !lower.hasSuffix("(1) year") && !lower.hasSuffix(" 1 year") && !lower.hasPrefix("successive one")
                && !lower.hasPrefix("additional one")
        else { return duration }
        return duration + "s"
    }

    /// Whether a lower-cased duration counts one unit: "one (1) year", "1 month", "successive one year"
    /// (not "twenty one days").
    private static func isOne(_ lower: String) -> Bool {
        let words = lower.split(separator: " ")
        guard words.count >= 2 else { return false }
        let count = words[words.count - 2]
        if count == "(1)" { return true }
        guard count == "one" || count == "1" else { return false }
        guard words.count >= 3 else { return true }
        let before = words[words.count - 3]
        return !tens.contains(String(before)) && before.last?.isNumber != true
    }

    private static let tens: Set<String> = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "and",
    ]

    private static func durations(_ sentence: String) -> [Range<String.Index>] {
        guard let durationPattern else { return [] }
        return sentence.matches(of: durationPattern).map(\.range)
    }

    /// The agreement's own term: the duration just after "initial term of" or "term of this
    /// Agreement" (or, in a sentence about no other period, "continues for" or the first one).
    ///
    /// What survives termination, the confidentiality period and a warranty period are not the term,
    /// nor is a renewal period (a duration after "renew" or "extend").
    static func termDuration(_ sentence: String) -> String? {
        let renewal = renewalWords.compactMap { sentence.range(of: $0, options: .caseInsensitive)?.lowerBound }.min()
        let candidates = durations(sentence).filter { range in
            (renewal.map { range.lowerBound < $0 } ?? true) && !isNotice(sentence, range)
                && !isAfterTheTerm(sentence, range)
                && !sentence[..<range.lowerBound].lowercased().hasSuffix("such ")
        }
        let lower = sentence.lowercased()
        let otherPeriod = otherPeriodWords.contains(where: lower.contains)
        let opening = lower.drop { $0.isNumber || " .()".contains($0) }
        // "If this Agreement is terminated …, the following terms apply: … for a period of two (2) years"
        // is about what follows a termination.
        let conditional = conditionStarts.contains(where: opening.hasPrefix)
        // "term of exclusivity", "the Non-Compete Period": in such a sentence only the agreement's own term counts.
        let cues = otherPeriod || conditional ? Array(termCues.prefix(3)) : termCues + continuationCues
        for cue in cues {
            guard let cueRange = sentence.range(of: cue, options: .caseInsensitive) else { continue }
            let near = candidates.first { range in
                range.lowerBound >= cueRange.upperBound
                    && sentence.distance(from: cueRange.upperBound, to: range.lowerBound) <= cueWindow
            }
            if let near { return readable(String(sentence[near])) }
        }
        // Without a cue, only a sentence about the agreement's own duration ("The term of this Agreement
        // shall commence on ... and shall expire twenty (20) years ...") gives its first duration.
        guard !otherPeriod, termSubjects.contains(where: lower.contains), !conditional else { return nil }
        return candidates.first.map { readable(String(sentence[$0])) }
    }

    /// Whether the duration is a notice period ("thirty (30) days' prior written notice").
    private static func isNotice(_ sentence: String, _ range: Range<String.Index>) -> Bool {
        let after = sentence[range.upperBound...].prefix(noticeWindow).lowercased().drop { " '’s".contains($0) }
        return noticeStarts.contains(where: after.hasPrefix)
    }

    /// Whether the duration runs after the term ("the five (5) year period immediately following termination").
    private static func isAfterTheTerm(_ sentence: String, _ range: Range<String.Index>) -> Bool {
        let after = sentence[range.upperBound...].prefix(afterTermWindow).lowercased()
        return [
            "following termination", "after termination", "following the termination", "after the termination",
            "following expiration", "after expiration", "thereafter",
        ].contains(where: after.contains)
    }

    /// How much of the text after a duration is read for "following termination".
    private static let afterTermWindow = 60
    /// Words of a sentence about the agreement's own duration.
    private static let termSubjects = [
        "term of this agreement", "term of the agreement", "the term", "initial term", "initial period",
        "this agreement shall", "this agreement will",
    ]
    /// A sentence that starts with a condition is about what happens then, not the term.
    private static let conditionStarts = ["if ", "in the event", "upon ", "during ", "at the "]

    /// Words of an effective-date sentence that goes on to say how long the agreement lasts.
    static let lastingWords = ["remain in", "continue in", "expire", "terminate on", "term of"]
    /// Words that say the duration after them is the agreement's term, the surest first.
    static let termCues = ["initial term of", "initial term", "term of this agreement", "term of"]
    /// Words that say the agreement lasts for the duration after them, in a sentence about no other period.
    private static let continuationCues = [
        "shall continue for", "continues for", "continue for", "in effect for", "in full force and effect for",
        "valid for", "initial period of", "period of",
    ]
    /// Words of a sentence about a period other than the term: survival, confidentiality, warranty.
    ///
    /// A transition period ("M&I shall continue to provide … for a maximum period of six (6) months")
    /// runs after the term, and a sentence timed by the term's expiry ("at least 100 days prior to
    /// expiration of the Term") is about something else.
    private static let otherPeriodWords = [
        "surviv", "confidential", "warrant", "exclusiv", "compet", "continue to provide", "transition",
        "prior to expiration", "prior to the expiration", "before the expiration",
    ]
    private static let renewalWords = ["renew", "extend", "extension"]
    /// How far after a cue its duration may start ("continue for a period of three (3) years").
    private static let cueWindow = 30

    /// The length of each renewal: the first duration after "renew" or "extend" that is no notice period.
    ///
    /// "renews automatically for successive periods of one year unless [notice] ninety (90) days before"
    /// renews for one year; without such a duration, the first that is neither notice nor the initial term.
    static func renewalDuration(_ sentence: String) -> String? {
        // "for additional one year" is not English: "an additional one year".
        renewalPeriod(sentence).map { $0.lowercased().hasPrefix("additional ") ? "an " + $0 : $0 }
    }

    private static func renewalPeriod(_ sentence: String) -> String? {
        let candidates = durations(sentence).filter { !isNotice(sentence, $0) }
        if let renewal = renewalWords.compactMap({ sentence.range(of: $0, options: .caseInsensitive)?.lowerBound })
            .min(), let first = candidates.first(where: { $0.lowerBound > renewal })
        {
            return readable(String(sentence[first]))
        }
        // "extend automatically for monthly periods": a period named by its length's adjective.
        if let periodic = sentence.firstMatch(of: periodicPattern) { return String(sentence[periodic.range]) }
        // Before the word: only a renewal period by its own words ("successive two-year renewal terms").
        return candidates.first { range in
            let written = sentence[range].lowercased()
            return ["successive", "additional", "consecutive"].contains(where: written.hasPrefix)
                || sentence[range.upperBound...].prefix(renewalWindow).lowercased().contains("renewal")
        }.map { readable(String(sentence[$0])) }
    }

    /// "monthly periods", "successive annual terms", "year-to-year basis".
    nonisolated(unsafe) private static let periodicPattern =
        /(?i)\b(?:successive\s+)?(?:monthly|annual|yearly|month-to-month|year-to-year)\s+(?:periods?|terms?|basis|renewals?)\b/

    /// How far after a duration "renewal" may follow for the duration to be the renewal's.
    private static let renewalWindow = 12

    /// A period of notice: the duration followed closely by "notice", "prior" or "in advance".
    static func noticeDuration(_ sentence: String) -> String? {
        // "unless either party notifies the other … at least thirty (30) days before the expiration".
        let lower = sentence.lowercased()
        guard lower.contains("notice") || lower.contains("notif") else { return nil }
        for range in durations(sentence) {
            // "ninety (90) days prior to", "thirty (30) days' prior written notice", "60 days or more notice".
            let after = sentence[range.upperBound...].prefix(noticeWindow).lowercased()
                .drop { " '’s".contains($0) }
            if noticeStarts.contains(where: after.hasPrefix) { return readable(String(sentence[range])) }
        }
        return nil
    }

    /// How much of the text after a duration is read for the words of notice.
    private static let noticeWindow = 40
    private static let noticeStarts = [
        "prior", "notice", "in advance", "advance", "before", "written notice", "of prior", "of written", "of notice",
        "or more prior", "or more written", "or more notice", "or more in advance",
    ]

    /// The time allowed to cure: the duration near "cure" that is no notice period.
    ///
    /// "upon thirty (30) days prior written notice … fails to cure such breach prior to the end of
    /// such thirty (30) day period": the cure period is the period's, not the notice's (they may
    /// differ: "upon notice …, unless cured within ten (10) days").
    static func cureDuration(_ sentence: String) -> String? {
        guard let cure = cureWord(in: sentence) else { return nil }
        let candidates = durations(sentence).filter { !isNotice(sentence, $0) }
        return candidates.min { a, b in
            distance(sentence, a, cure) < distance(sentence, b, cure)
        }.map { readable(String(sentence[$0])) }
    }

    /// The first "cure" that starts a word ("to cure", "cured", "(cure", "uncured"), not the one
    /// inside "secure", "procure" or "securities", whose sentences gave cure periods of their own
    /// durations.
    static func cureWord(in text: String) -> Range<String.Index>? {
        var from = text.startIndex
        while let found = text[from...].range(of: "cure") {
            let before = text[..<found.lowerBound]
            if before.last?.isLetter != true || (before.hasSuffix("un") && before.dropLast(2).last?.isLetter != true) {
                return found
            }
            from = found.upperBound
        }
        return nil
    }

    private static func distance(_ text: String, _ a: Range<String.Index>, _ b: Range<String.Index>) -> Int {
        if a.upperBound <= b.lowerBound { return text.distance(from: a.upperBound, to: b.lowerBound) }
        if b.upperBound <= a.lowerBound { return text.distance(from: b.upperBound, to: a.lowerBound) }
        return 0
    }

    // MARK: - Governing law and the cap

    nonisolated(unsafe) private static let jurisdictionPattern =
        /(?i:laws?)\s+(?i:in\s+force\s+in\s+|of\s+)((?i:the\s+)?(?:(?i:State|Commonwealth|Province|Republic|Kingdom|Federal Republic|People's Republic)\s+(?i:of)\s+)?(?:[A-Z][A-Za-z]+)(?:\s+(?:[A-Z][A-Za-z]+|of|OF))*)/
    nonisolated(unsafe) private static let statePattern =
        /(?:State|Commonwealth)\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/
    nonisolated(unsafe) private static let adjectiveLawPattern = /\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(law|Laws?)\b/

    /// The country a law's adjective names ("the Italian Law" is the law of Italy); an adjective not
    /// listed is kept as written ("Delaware law").
    static let countryOfAdjective = [
        "Italian": "Italy", "English": "England", "German": "Germany", "French": "France", "Swiss": "Switzerland",
        "Dutch": "the Netherlands", "Spanish": "Spain", "Chinese": "China", "Japanese": "Japan", "Israeli": "Israel",
        "Swedish": "Sweden", "Irish": "Ireland", "Scottish": "Scotland", "Austrian": "Austria", "Belgian": "Belgium",
        "Danish": "Denmark", "Finnish": "Finland", "Norwegian": "Norway", "Polish": "Poland", "Portuguese": "Portugal",
        "Greek": "Greece", "Korean": "Korea", "Indian": "India", "Brazilian": "Brazil", "Mexican": "Mexico",
        "Canadian": "Canada", "Australian": "Australia", "Singaporean": "Singapore",
    ]

    /// The governing law's jurisdiction ("the State of New York", "England and Wales").
    static func jurisdiction(_ sentence: String) -> String? {
        for match in sentence.matches(of: jurisdictionPattern) {
            var value = String(match.1)
            while value.hasSuffix(" of") || value.hasSuffix(" OF") { value = String(value.dropLast(3)) }
            // "the laws of the United States and the State of Delaware": the state decides.
            if value.hasSuffix("United States"),
                let state = sentence[match.range.upperBound...].firstMatch(of: statePattern)
            {
                return String(sentence[state.range])
            }
            if ["This", "Such", "Any", "All"].contains(value) { continue }
            // An answer in capitals because the clause is: "THE STATE OF TEXAS" → "the State of Texas".
            if value == value.uppercased() { value = value.capitalizedTitle }
            if value.hasPrefix("The ") { value = "the " + value.dropFirst(4) }
            return value
        }
        // "Delaware law", "the Italian Law"; a defined term in capitals ("Export Laws") names no place.
        for match in sentence.matches(of: adjectiveLawPattern)
        where !["Applicable", "Governing"].contains(match.1) {
            let adjective = String(match.1)
            if let country = countryOfAdjective[adjective] { return country }
            if match.2 == "law" { return adjective }
        }
        // "… governed by … the laws of such state" after "(currently the State of California)": the
        // state the sentence names.
        if sentence.containsASCIICaseInsensitive("governed"), let state = sentence.firstMatch(of: statePattern) {
            return "the " + sentence[state.range]
        }
        return nil
    }

    nonisolated(unsafe) private static let capPattern =
        /(?i)(?:shall\s+not\s+exceed|not\s+to\s+exceed|exceed|be\s+limited\s+to|limited\s+to|in\s+excess\s+of)\s+(?:(?:in\s+the\s+aggregate|in\s+total|cumulatively)\s*,?\s*)?([^;:.]{3,240})(?=[;:.]|$)/

    private static let capWords = ["amount", "fees", "paid", "payable", "price", "sum", "total", "dollars", "charges"]

    /// What liability is capped at ("the total fees paid in the twelve (12) months prior", "$1,000,000").
    static func cap(_ sentence: String) -> String? {
        // The amount ends at a stop or the sentence's end within 240 characters (longer is a clause, not
        // a figure): an amount cut mid-way is no answer.
        guard let match = sentence.firstMatch(of: capPattern) else { return nil }
        var value = String(match.1).trimmingWhitespace
        // "… WILL BE LIMITED TO AND WILL NOT EXCEED THE GREATER OF …": the amount follows the second verb.
        if let repeated = value.prefixMatch(of: /(?i)and\s+(?:will|shall)\s+not\s+exceed\s+/) {
            value = String(value[repeated.range.upperBound...])
        }
        // The amount ends where the sentence turns to something else.
        for stop in [", except", ", provided", ", and in no event", ", whether", " and shall not", ", regardless"] {
            if let range = value.range(of: stop) { value = String(value[..<range.lowerBound]) }
        }
        while let last = value.last, ",(".contains(last) { value.removeLast() }
        // A cap is an amount: money, fees or a sum paid (not "two weeks" of a force majeure clause).
        let lower = value.lowercased()
        guard value.contains("$") || capWords.contains(where: lower.contains) else { return nil }
        return value
    }

    // MARK: - Parties

    /// A quoted short name in parentheses: (“Acme”), (the "Company"), (hereinafter "Seller").
    nonisolated(unsafe) private static let shortNamePattern =
        /\((?:[^()"“”]{0,40}?)["“]([^"”()]{1,40})["”][^()]{0,80}\)/
    /// Words a party's name stops at: its description ("a Delaware corporation") or address.
    nonisolated(unsafe) private static let descriptionPattern =
        /,?\s+(?:an?|the)\s+(?:[a-z]|(?:[A-Z][a-z]+\s+){1,3}(?i:corporation|limited|company|partnership|LLC))|,\s+the\s+[A-Z]|,\s+(?!and\b|or\b)[a-z]|\s+\(/

    /// The parties a preamble sentence names with their short names ("between Acme Corp., a
    /// Delaware corporation ("Acme"), and Beta LLC ("Beta")").
    static func parties(in written: String) -> [ContractParty] {
        // Most sentences name no parties: a byte search for the keywords before any pattern.
        guard
            !PartyFinder.occurrences(of: "between", in: written).isEmpty
                || !PartyFinder.occurrences(of: "among", in: written).isEmpty
                || !PartyFinder.occurrences(of: "into by ", in: written).isEmpty
                || !PartyFinder.occurrences(of: "made by ", in: written).isEmpty
        else { return [] }
        // ", hereinafter referred to as "Transporter"" names a party as a parenthesis would.
        let sentence =
            PartyFinder.occurrences(of: "hereinafter", in: written).isEmpty
            ? written : written.replacing(hereinafterPattern) { "(\"\($0.1)\")" }
        guard let start = sentence.firstMatch(of: partiesStartPattern) else { return [] }
        // "… pursuant to the Agreement and Plan of Merger … by and among PSS, Merger Corp. and GSMS":
        // the parties of another agreement, not of this one.
        let lead = sentence[..<start.range.lowerBound].lowercased()
        guard !otherAgreementWords.contains(where: lead.contains) else { return [] }
        let rest = sentence[start.range.upperBound...]
        // A letter agreement: "an agreement between the undersigned and PSS regarding …".
        if let letter = rest.firstMatch(of: undersignedPattern) {
            return [
                ContractParty(name: "the undersigned", shortName: nil),
                ContractParty(name: String(letter.1), shortName: nil),
            ]
        }
        let found = shortNamedParties(in: rest)
        // A preamble without short names ("by and between A, a Delaware corporation, and B"), or
        // one laid out a party to a paragraph ("BETWEEN", "A, a Delaware company", "AND", "B").
        let opensTheList = sentence.distance(from: sentence.startIndex, to: start.range.lowerBound) <= listLead
        if found.count < 2, opensTheList || !PartyFinder.occurrences(of: "by and", in: sentence).isEmpty {
            let plain = PartyList.names(in: sentence[start.range.upperBound...])
            if plain.count >= 2 { return plain.map { ContractParty(name: $0, shortName: nil) } }
        }
        return found
    }

    /// The parties `text` names with their short names, in order: "Acme Inc., a Delaware corporation
    /// (“Acme”), and Beta LLC (“Beta”)".
    private static func shortNamedParties(in text: Substring) -> [ContractParty] {
        var rest = text
        var found: [ContractParty] = []
        while let paren = rest.firstMatch(of: shortNamePattern) {
            var term = String(paren.1).trimmingWhitespace
            while let last = term.last, ",;".contains(last) { term.removeLast() }
            let before = rest[..<paren.range.lowerBound]
            rest = rest[paren.range.upperBound...]
            guard !notParties.contains(term.lowercased()) else { continue }
            if let name = partyName(before) {
                // "American United Life Insurance Company, and OneAmerica Securities, Inc. (collectively
                // “Servicing Agent”)": two companies under one short name.
                if let joint = name.firstMatch(of: jointCompaniesPattern) {
                    found.append(ContractParty(name: String(joint.1), shortName: nil))
                    found.append(ContractParty(name: String(joint.2), shortName: term))
                } else {
                    found.append(ContractParty(name: name, shortName: term))
                }
            } else if let last = found.popLast() {
                // A second parenthesis of the same party ("(“Acme”) (“Licensor”)") names it again.
                found.append(last)
            }
            if found.count == partyLimit { break }
        }
        return found
    }

    /// The parties of a letter agreement's opening, its writers and then the addressee after its verb.
    ///
    /// "Acme Corporation (the “Company”) and Acme Bank (the “Bank”) hereby confirm their agreement with
    /// Beta & Company (the “Agent”)", "The undersigned, Gamma Securities Ltd. (the “Lead Agent”) …
    /// understand that Delta Inc. (the “Corporation”) proposes …".
    static func letterParties(in sentence: String) -> [ContractParty] {
        guard
            !PartyFinder.occurrences(of: "confirm", in: sentence).isEmpty
                || !PartyFinder.occurrences(of: "understand", in: sentence).isEmpty,
            let verb = sentence.firstMatch(of: letterVerbPattern)
        else { return [] }
        var writers = sentence[..<verb.range.lowerBound]
        // A text file may run the cover and salutation into the paragraph: "… Dear Mr. Harris: The undersigned, …".
        if let lead = writers.prefixMatch(of: /[^()"“”]{0,240}?(?i:the\s+undersigned)\s*,\s*/) {
            writers = writers[lead.range.upperBound...]
        } else if let salutation = writers.prefixMatch(of: /(?:Dear\s[^:]{1,40}|Ladies and Gentlemen|Gentlemen):\s*/) {
            writers = writers[salutation.range.upperBound...]
        }
        guard writers.first?.isUppercase == true else { return [] }
        var found = shortNamedParties(in: writers)
        let object = sentence[verb.range.upperBound...]
        guard !found.isEmpty, let addressee = object.prefixMatch(of: letterAddresseePattern),
            let paren = object[addressee.range.upperBound...].firstMatch(of: shortNamePattern),
            let name = partyName(object[addressee.range.upperBound..<paren.range.lowerBound])
        else { return [] }
        found.append(ContractParty(name: name, shortName: String(paren.1).trimmingWhitespace))
        return found
    }

    /// The verb after a letter's writers: "…, hereby confirm", "… understand".
    nonisolated(unsafe) private static let letterVerbPattern =
        /,?\s+(?:hereby\s+)?(?:confirms?|understands?)\b/
    /// What leads from the verb to the addressee: ", jointly and severally, their agreement with", " that".
    nonisolated(unsafe) private static let letterAddresseePattern =
        /[^()."“”]{0,60}?\b(?:agreement\s+with|that)\s+(?=[A-Z])/

    /// Short names a preamble defines that never name a party ("the “SEC”", "the “Common Stock”").
    private static let notParties: Set<String> = [
        "party", "parties", "agreement", "effective date", "agreement date", "sec", "commission", "exchange act",
        "securities act", "common stock", "shares", "closing", "closing date", "term",
    ]

    /// ", hereinafter referred to as "Transporter"" without a parenthesis.
    nonisolated(unsafe) private static let hereinafterPattern =
        /(?:,\s*|\s+)(?i:hereinafter)\s+(?:(?i:referred\s+to\s+as|called):?\s+)?(?:the\s+)?["“]([^"”()]{1,40})["”]/

    /// Words before "between" that say the sentence describes another agreement's parties.
    private static let otherAgreementWords = [
        "pursuant to", "described in", "plan of merger", "contemplated by", "referred to in",
    ]
    /// "the undersigned and PSS": a letter agreement's parties (the signer and the addressee).
    nonisolated(unsafe) private static let undersignedPattern =
        /^(?i:the\s+undersigned)\s+and\s+([A-Z][\w&.,'’-]*(?:\s+[A-Z&][\w&.,'’-]*){0,6})/
    /// Two company names joined by "and", the first ending in a corporate word.
    nonisolated(unsafe) private static let jointCompaniesPattern =
        /^(.+?\b(?:Company|Corporation|Inc\.|LLC|L\.L\.C\.|Ltd\.|Limited|LLP|L\.P\.|N\.A\.|plc|GmbH|S\.A\.)),?\s+and\s+([A-Z].+)$/

    /// The full name a text defines a short name for: "Physician Sales & Service, Inc." for "PSS".
    static func definedName(_ shortName: String, in text: String) -> String? {
        guard shortName.count <= maxShortName, !shortName.contains(" "), text.contains(shortName),
            let pattern = try? Regex(
                "([A-Z][\\w&.,'’-]*(?:\\s+(?:[A-Z&][\\w&.,'’-]*|of|and|the|de))*)\\s+\\((?:the\\s+)?[\"“]"
                    + NSRegularExpression.escapedPattern(for: shortName) + "[\"”]\\)"),
            let match = text.firstMatch(of: pattern), let range = match.output[1].range
        else { return nil }
        var name = String(text[range])
        while let last = name.last, ",;".contains(last) { name.removeLast() }
        return name == shortName ? nil : name
    }

    /// A short name longer than this is no short name (and a name to look up is one word).
    private static let maxShortName = 30

    /// Names as a sentence lists them: "A and B", "A, B and C".
    static func list(_ names: [String]) -> String {
        guard names.count > 2, let last = names.last else { return names.joined(separator: " and ") }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    nonisolated(unsafe) private static let partiesStartPattern =
        /\b(?i:by\s+and\s+between|by\s+and\s+among|between|among)\s*:?\s+|\b(?i:entered\s+into|made)\s+by\s+(?=[A-Z])/

    /// How far into the text a "BETWEEN" may stand and still open the list of parties.
    private static let listLead = 3

    /// No preamble names more parties than this (beyond it, the sentence is a list of something else).
    private static let partyLimit = 6

    /// `name` without the "and" of the list it stood in ("and Beta LLC" → "Beta LLC").
    private static func withoutListAnd(_ name: String) -> String {
        var name = name
        for lead in ["and ", "And ", "AND "] where name.hasPrefix(lead) {
            name = String(name.dropFirst(lead.count))
        }
        return name
    }

    /// The name at the start of the text before a short name: after a leading "and", before the
    /// party's description.
    private static func partyName(_ text: Substring) -> String? {
        var name = text.trimmingWhitespace
        // "made between “Elephant Talk Communication Holding AG”, a company …": the quotes hold the name.
        if let quoted = quotedName(String(name.drop { ",;: ".contains($0) })) { return quoted }
        // "and Heron Savings and Loan Association": the list's "and", not the name's.
        name = withoutListAnd(name)
        // The previous party's description may run up to this one: "…, a Delaware corporation, and Beta LLC".
        for joint in [", and ", "; and ", " and "] {
            if let range = name.range(of: joint), name.first?.isUppercase != true || joint != " and " {
                name = String(name[range.upperBound...])
                break
            }
        }
        while let first = name.first, ",;:-–".contains(first) { name = String(name.dropFirst()).trimmingWhitespace }
        name = withoutListAnd(name)
        // "… AND/OR SENCHA SOFTWARE GENERALLY MADE AVAILABLE IN OBJECT CODE FORMAT ("Sencha Tools")": an
        // alternative names a thing, not another party.
        if name.lowercased().hasPrefix("and/or ") || name.lowercased().hasPrefix("or ") { return nil }
        if let quoted = quotedName(name) { return quoted }
        // "the Franchisee (“you”)": a party named by its role; "its Reseller, Schoolpop, Inc. (…)": the
        // role before the name.
        if name.hasPrefix("the "), name.dropFirst(4).first?.isUppercase == true {
            name = String(name.dropFirst(4))
        } else if name.first?.isLowercase == true, let comma = name.range(of: ", "),
            name[comma.upperBound...].first?.isUppercase == true
        {
            name = String(name[comma.upperBound...])
        }
        if let stop = name.firstMatch(of: descriptionPattern) { name = String(name[..<stop.range.lowerBound]) }
        name = name.trimmingWhitespace
        while let last = name.last, ",;".contains(last) { name.removeLast() }
        // A name starts with a capital (or a digit: "1-800 Contacts") and is a name, not a clause.
        guard let first = name.first, first.isUppercase || first.isNumber, name.count <= maxNameLength,
            name.split(separator: " ").count <= maxNameWords
        else { return nil }
        return name
    }

    /// The name a text opens with in quotation marks, before a comma or the text's end ("“Acme AG”,
    /// a company …"), if it reads as one; not a quoted word of a sentence ("“Next” buttons below").
    private static func quotedName(_ text: String) -> String? {
        guard let open = text.first, "“\"".contains(open),
            let close = text.dropFirst().firstIndex(where: { "”\"".contains($0) }),
            text[text.index(after: close)...].first.map({ ",;".contains($0) }) ?? true
        else { return nil }
        let name = text[text.index(after: text.startIndex)..<close].trimmingWhitespace
        guard let first = name.first, first.isUppercase, name.count <= maxNameLength,
            name.split(separator: " ").count <= maxNameWords
        else { return nil }
        return name
    }

    private static let maxNameLength = 90
    private static let maxNameWords = 10
}
