import Foundation

/// The facts of one contract: parties, dates, term, renewal, governing law and the periods and
/// amounts its clauses state, each with its sentence.
///
/// Read from the sentences the clause classifier tagged (a governing-law sentence for the
/// governing law, a renewal sentence for the renewal term), so the patterns below run on a few
/// sentences per contract, not on all of them.
public struct ContractFacts: Sendable, Hashable {
    public var parties: [ContractParty] = []
    /// The preamble sentence naming the parties.
    public var partiesSentence: String?
    public var partiesPassage: Int?
    public var facts: [ContractFact] = []

    public init() {}

    /// The fact of this name, if found.
    public subscript(name: ContractFact.Name) -> ContractFact? {
        facts.first { $0.name == name }
    }

    /// The facts of `document`'s classified passages, as `convert` finds them: an agreement's even
    /// when no passage has a clause type, none when clause finding is off.
    init(document: Document, passages: [Passage]) {
        self.init(
            passages: passages, title: document.title,
            isAgreement: ClauseClassifier.isEnabled
                && ClauseClassifier.appliesTo(document: document, passages: passages))
    }

    /// Finds the facts of classified passages (empty for a document with no clause types unless it
    /// is an agreement: a two-paragraph joint filing agreement has none, and still a date); the
    /// document's title names the agreement when its opening does not ("MASTER SUPPLY AGREEMENT").
    public init(passages: [Passage], title: String? = nil, isAgreement: Bool = false) {
        guard isAgreement || passages.contains(where: { !$0.clauses.isEmpty }) else { return }
        // Each clause's sentences are split once, whichever facts read them, and kept in document order.
        let clauseSentences = passages.flatMap { passage in
            passage.clauses.map { clause in
                (
                    id: clause.id, passage: passage.index,
                    sentences: clause.text.paragraphs.flatMap { SentenceSplitter.split(String($0)) }
                )
            }
        }
        func sentences(_ ids: Set<String>) -> [(String, Int)] {
            clauseSentences.filter { ids.contains($0.id) }.flatMap { clause in
                clause.sentences.map { ($0, clause.passage) }
            }
        }
        let preamble = Preamble(passages: passages)
        findParties(in: preamble)
        findDocumentName(in: preamble, title: title)
        findDates(in: preamble, effectiveDateClauses: sentences(["effective-date"]), passages: passages)
        add(
            .governingLaw, from: sentences(["governing-law"]), FactPatterns.jurisdiction,
            preferring: ["this agreement", "this contract", "governed by", "construed"])
        add(
            .renewalTerm, from: sentences(["renewal-term"]), FactPatterns.renewalDuration,
            requiring: ["renew", "extend"])
        add(
            .renewalNotice, from: sentences(["notice-period-to-terminate-renewal", "renewal-term"]),
            FactPatterns.noticeDuration, requiring: ["renew", "extend", "expir"])
        // The term may be stated with its renewal ("an initial term of three years, after which it renews").
        add(
            .term, from: sentences(["expiration-date", "renewal-term"]), FactPatterns.termDuration,
            requiring: ["term", "period"], preferring: FactPatterns.termCues)
        add(.expirationDate, from: sentences(["expiration-date"]), FactPatterns.expirationDate)
        if self[.expirationDate] == nil {
            add(.expirationDate, from: sentences(["expiration-date"]), FactPatterns.expirationEvent)
        }
        // "This contract shall be effective as of November 1, 2002, and shall remain in force …
        // until October 31, 2012": a start and an end in one sentence, classified by its start.
        if self[.expirationDate] == nil {
            add(
                .expirationDate, from: sentences(["effective-date"]), FactPatterns.cuedExpirationDate,
                requiring: FactPatterns.lastingWords)
        }
        // '"Term" shall mean the Effective Date through June 15, 2001': the term's own definition, which
        // the clause rules leave to the definitions (Leadersonline, MOSSIMO's "Contract Period").
        if self[.expirationDate] == nil {
            add(.expirationDate, from: FactPatterns.termDefinitions(in: passages), FactPatterns.cuedExpirationDate)
        }
        // A term of a duration from a dated start ends on the start's anniversary.
        if self[.expirationDate] == nil, let term = self[.term],
            let end = TermEnd.derived(
                sentence: term.sentence, duration: term.value, effectiveDate: self[.effectiveDate]?.value,
                agreementDate: self[.agreementDate]?.value)
        {
            facts.append(
                ContractFact(
                    name: .expirationDate, value: end, sentence: term.sentence, passageIndex: term.passageIndex))
        }
        add(.terminationNotice, from: sentences(["termination-for-convenience"]), FactPatterns.noticeDuration)
        add(.liabilityCap, from: sentences(["cap-on-liability"]), FactPatterns.cap)
        add(.nonCompeteDuration, from: sentences(["non-compete"]), FactPatterns.duration)
        // A cure period is stated in termination-for-breach wording, which has no CUAD category.
        let cure: [(String, Int)] = passages.flatMap { passage -> [(String, Int)] in
            let paragraphs = passage.text.paragraphs.filter { FactPatterns.cureWord(in: String($0)) != nil }
            let sentences = paragraphs.flatMap { SentenceSplitter.split(String($0)) }
                .filter { FactPatterns.cureWord(in: $0) != nil }
            return sentences.map { ($0, passage.index) }
        }
        add(.curePeriod, from: cure, FactPatterns.cureDuration)
    }

    private mutating func add(
        _ name: ContractFact.Name, from sentences: [(String, Int)], _ pattern: (String) -> String?,
        requiring words: [String] = [], preferring preferred: [String] = []
    ) {
        // Sentences with more of the preferred words first (a stable sort keeps document order otherwise).
        // Each sentence is lower-cased once (the ranking compares every pair).
        let lowered = sentences.map { $0.0.lowercased() }
        let scores = lowered.map { lower in preferred.count { lower.containsBytes($0) } }
        let ranked = sentences.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : a < b
        }
        for position in ranked {
            let (sentence, passage) = sentences[position]
            guard words.isEmpty || words.contains(where: lowered[position].containsBytes),
                let value = pattern(sentence)
            else {
                continue
            }
            facts.append(ContractFact(name: name, value: value, sentence: sentence, passageIndex: passage))
            return
        }
    }

    private mutating func findParties(in preamble: Preamble) {
        for (passage, split) in zip(preamble.passages, preamble.sentences) {
            let paragraphs = split.paragraphs
            for (index, paragraph) in paragraphs.enumerated() {
                let sentences = split.sentences[index]
                guard let last = sentences.last else { continue }
                // "… by and between:" may end its paragraph, the parties following one to a paragraph;
                // a paragraph that is only "AND" joins the parties around it (read as ", and").
                let following = Array(
                    paragraphs.dropFirst(index + 1).lazy.filter { !FactPatterns.isPartyListLabel($0) }
                        .prefix(FactPatterns.partyParagraphs))
                func read(_ parts: [String]) -> String {
                    parts.map { FactPatterns.isPartyJoint($0) ? ", and" : $0 }.joined(separator: " ")
                }
                var candidates: [(read: String, quote: String)] = []
                // A "BETWEEN" read as the passage's heading opens the list its first paragraphs hold
                // (the quote is the passage's own text, which the heading is not part of).
                if index == 0, passage.heading.map(FactPatterns.opensPartyList) == true {
                    candidates.append(
                        (
                            "between " + read([paragraph] + following),
                            ([paragraph] + following).joined(separator: "\n\n")
                        ))
                }
                candidates += sentences.map { ($0, $0) }
                // A preamble the sentence splitter cut at an abbreviation ("3 Avraham Giron St., POB. 325")
                // is read with the sentences after it.
                for start in sentences.indices {
                    let lower = sentences[start].lowercased()
                    guard lower.contains("between") || lower.contains("among") else { continue }
                    for extra in 1..<FactPatterns.continuationSentences where start + extra < sentences.count {
                        let joined = sentences[start...(start + extra)].joined(separator: " ")
                        candidates.append((joined, joined))
                    }
                }
                if !following.isEmpty {
                    candidates.append((read([last] + following), ([last] + following).joined(separator: "\n\n")))
                }
                for (text, sentence) in candidates {
                    var found = FactPatterns.parties(
                        in: text.contains("\n\n") ? text.replacingOccurrences(of: "\n\n", with: " ") : text)
                    guard found.count >= 2 else { continue }
                    // A letter's "between the undersigned and PSS" names a party by the short name
                    // its opening defined ("Physician Sales & Service, Inc. ("PSS")").
                    let opening = preamble.passages.map(\.text).joined(separator: " ")
                    found = found.map { party in
                        guard party.shortName == nil, let full = FactPatterns.definedName(party.name, in: opening)
                        else { return party }
                        return ContractParty(name: full, shortName: party.name)
                    }
                    record(found, sentence: sentence, passage: passage.index)
                    return
                }
            }
        }
        // A letter agreement's writers and addressee ("… hereby confirm their agreement with …").
        for (passage, split) in zip(preamble.passages, preamble.sentences) {
            for sentence in split.sentences.joined() {
                let found = FactPatterns.letterParties(in: sentence)
                guard found.count >= 2 else { continue }
                record(found, sentence: sentence, passage: passage.index)
                return
            }
        }
        // "Party A: …" and "Party B: …" blocks, a paragraph or two apart. The outline may have read the
        // first block as the passage's heading: it is read, the quote is the passage's own text.
        for (passage, split) in zip(preamble.passages, preamble.sentences) {
            for index in split.paragraphs.indices {
                let quote = split.paragraphs[index...].prefix(FactPatterns.labelledPartyParagraphs)
                    .joined(separator: "\n\n")
                let heading = index == 0 ? passage.heading.map { $0 + "\n\n" } ?? "" : ""
                let found = FactPatterns.labelledParties(in: heading + quote)
                guard found.count >= 2 else { continue }
                record(found, sentence: quote, passage: passage.index)
                return
            }
        }
    }

    private mutating func record(_ found: [ContractParty], sentence: String, passage: Int) {
        parties = found
        partiesSentence = sentence
        partiesPassage = passage
        facts.append(
            ContractFact(
                name: .parties, value: FactPatterns.list(found.map(\.display)), sentence: sentence,
                passageIndex: passage))
    }

    /// The name the agreement gives itself: "This Distributor Agreement" of the preamble, else a
    /// title line of the opening ("EXHIBIT 4 AFFILIATE AGREEMENT").
    private mutating func findDocumentName(in preamble: Preamble, title: String?) {
        let opening = preamble.passages
        let sentences =
            (partiesSentence.map { [($0, partiesPassage ?? 0)] } ?? [])
            + zip(opening, preamble.sentences).flatMap { passage, split in
                split.sentences.prefix(FactPatterns.titleParagraphs).joined().map { ($0, passage.index) }
            }
        for (sentence, passage) in sentences {
            guard let name = FactPatterns.selfName(sentence) else { continue }
            facts.append(ContractFact(name: .documentName, value: name, sentence: sentence, passageIndex: passage))
            return
        }
        if let title, let name = FactPatterns.titleName(title) {
            facts.append(
                ContractFact(
                    name: .documentName, value: name, sentence: title, passageIndex: opening.first?.index ?? 0,
                    isTitle: true))
            return
        }
        let titles = zip(opening, preamble.sentences).flatMap { passage, split in
            ([passage.heading].compactMap { $0 } + split.paragraphs.prefix(FactPatterns.titleParagraphs))
                .map { ($0, passage.index) }
        }
        for (line, passage) in titles {
            guard let name = FactPatterns.titleName(line) else { continue }
            facts.append(
                ContractFact(name: .documentName, value: name, sentence: line, passageIndex: passage, isTitle: true))
            return
        }
    }

    private mutating func findDates(in preamble: Preamble, effectiveDateClauses: [(String, Int)], passages: [Passage]) {
        let opening = zip(preamble.passages, preamble.sentences).flatMap { passage, split in
            split.sentences.joined().map { ($0, passage.index) }
        }.filter { !FactPatterns.datesAnotherAgreement($0.0) && !FactPatterns.definesAnotherTerm($0.0) }
        // The agreement date: the preamble's dated sentence (one that names the document itself first:
        // "This Amendment … is entered into on January 6th, 2016" before a cover line's "… Issue 7
        // dated March 9, 2015"), else its first date, else the date the parties sign it as of.
        func isDated(_ sentence: String) -> Bool {
            FactPatterns.date(sentence) != nil
                && FactPatterns.datingWords.contains(where: sentence.lowercased().contains)
        }
        // The cheap prefix test first: most sentences do not open with "This …".
        let dated =
            opening.first { FactPatterns.namesItself($0.0) && isDated($0.0) } ?? opening.first { isDated($0.0) }
        if let (sentence, passage) = dated ?? opening.first(where: { FactPatterns.date($0.0) != nil })
            ?? FactPatterns.witnessSentences(in: passages).first(where: { FactPatterns.date($0.0) != nil }),
            let date = FactPatterns.date(sentence)
        {
            facts.append(ContractFact(name: .agreementDate, value: date, sentence: sentence, passageIndex: passage))
        } else if let signed = FactPatterns.firstSigningLine(in: passages) {
            facts.append(
                ContractFact(
                    name: .agreementDate, value: signed.date, sentence: signed.sentence, passageIndex: signed.passage))
        }
        // The effective date: a sentence that names one, else the agreement date.
        let effective =
            (opening + effectiveDateClauses).first { sentence, _ in
                sentence.lowercased().contains("effective") && !FactPatterns.definesAnotherTerm(sentence)
                    && FactPatterns.effectiveDate(sentence) != nil
            }
        if let (sentence, passage) = effective, let date = FactPatterns.effectiveDate(sentence) {
            facts.append(ContractFact(name: .effectiveDate, value: date, sentence: sentence, passageIndex: passage))
        } else if let agreement = self[.agreementDate],
            // "This Agreement shall become effective when each party … has received a counterpart":
            // it takes effect on an event, not on the date it is dated.
            !effectiveDateClauses.contains(where: { FactPatterns.takesEffectOnAnEvent($0.0) })
        {
            facts.append(
                ContractFact(
                    name: .effectiveDate, value: agreement.value, sentence: agreement.sentence,
                    passageIndex: agreement.passageIndex))
        }
    }
}

/// The opening passages of a contract, each paragraph split into sentences once: parties, name and
/// dates all read them.
private struct Preamble {
    var passages: [Passage]
    var sentences: [(paragraphs: [String], sentences: [[String]])]

    init(passages all: [Passage]) {
        // A long contents list (MRSFIELDS: eighteen passages of it) does not use up the preamble's passages;
        // its passages are still read, since a preamble may share one with the list's end (ExactSciences).
        var counted = 0
        passages = Array(
            all.prefix { passage in
                guard counted < FactPatterns.preamblePassages else { return false }
                if !TemplateSet.isFiguresOrContents(passage) { counted += 1 }
                return true
            })
        sentences = passages.map { passage in
            let paragraphs = passage.text.paragraphs.map(String.init)
            return (paragraphs, paragraphs.map { SentenceSplitter.split($0) })
        }
    }
}
