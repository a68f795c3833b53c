import Foundation

/// What kind of legal document a text is: the templates that fit a contract do not fit a court opinion.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An agreement between parties: "by and between", recitals, "IN WITNESS WHEREOF".
    case contract
    /// A statute or regulation: "HAVE ADOPTED THIS REGULATION", numbered articles, "Be it enacted".
    case regulation
    /// A court opinion, order or filing: a caption with "v.", a docket number, "IT IS ORDERED".
    case opinion
    /// A policy, licence or terms of use addressed to its readers: "you agree", "Permission is hereby granted".
    case policy
    /// Anything else (forms, reports, tables, instructions).
    case other

    /// Detects the kind from the document's title and text.
    ///
    /// Each kind scores the cues it shows (weighted by how telling they are: "HAVE ADOPTED THIS
    /// REGULATION" says more than "Article 5"); the best score wins when it reaches
    /// ``DocumentKindCues/minimumScore``, else the document is `other`.
    public static func detect(title: String?, text: String) -> DocumentKind {
        // A README describes other documents (CUAD's quotes clauses and defines "Agreement Date" to
        // explain its labels): it is documentation, whatever legal words it holds.
        if isReadme(title) { return .other }
        let scores = DocumentKindCues.scores(title: title ?? "", text: text)
        guard let best = scores.max(by: { ($0.value, $1.key.order) < ($1.value, $0.key.order) }),
            best.value >= DocumentKindCues.minimumScore
        else { return .other }
        return best.key
    }

    /// Detects the kind of an extracted document from its title and opening characters, and whether
    /// it is a contract from its whole text (``ContractEvidence``).
    ///
    /// The same decision gives a document clause types (``ClauseClassifier/appliesTo(document:passages:)``).
    public static func detect(_ document: Document) -> DocumentKind {
        if isReadme(document.title) || isReadme(document.source.split(separator: "/").last.map(String.init)) {
            return .other
        }
        var opening = ""
        for block in document.blocks {
            opening += block.text + "\n"
            if opening.utf8.count >= DocumentKindCues.openingCharacters { break }
        }
        let scored = detect(title: document.title, text: String(opening.prefix(DocumentKindCues.openingCharacters)))
        guard scored == .policy || scored == .other else { return scored }
        return ContractEvidence.kind(scored, text: document.blocks.map(\.text).joined(separator: "\n"))
    }

    /// Whether a title or file name is a README's ("CUAD_v1_README.txt", "Read Me").
    private static func isReadme(_ title: String?) -> Bool {
        guard let title else { return false }
        let words = title.lowercased().split { !$0.isLetter }
        return words.contains("readme") || zip(words, words.dropFirst()).contains { $0 == "read" && $1 == "me" }
    }

    /// Tie-break order: the more specific kinds first.
    fileprivate var order: Int {
        switch self {
        case .opinion: 0
        case .regulation: 1
        case .contract: 2
        case .policy: 3
        case .other: 4
        }
    }
}

/// The cues ``DocumentKind/detect(title:text:)`` scores, one table per kind.
enum DocumentKindCues {
    /// The characters read: the opening pages carry the caption, preamble or enacting formula
    /// (and Swift's regular expressions are too slow to run over a whole document).
    static let openingCharacters = 20_000
    /// A kind needs at least this score: two strong cues, or one strong and a few weak ones.
    static let minimumScore = 4

    /// A pattern, the points it gives, and how many of its matches count (at most).
    ///
    /// The patterns are ICU expressions (`NSRegularExpression`): they run over 20,000 characters of
    /// every document, where Swift's regular expressions cost a tenth of a conversion's CPU.
    struct Cue: @unchecked Sendable {
        // @unchecked: NSRegularExpression is immutable and documented as safe to share between threads.
        let pattern: NSRegularExpression
        let points: Int
        let maximumMatches: Int
        /// Whether it is looked for in the title only.
        let inTitle: Bool
        /// Lower-case ASCII text of which the pattern's every match holds one: when the text holds none,
        /// in either case, the pattern is not run (a byte search costs a fraction of a regular expression's).
        let anchors: [String]
        /// Like ``anchors``, but matched in their own letter case, for patterns that are case-sensitive.
        let exactAnchors: [String]

        /// A cue for the ICU `pattern`; an invalid pattern is a programming error caught by the tests.
        init(
            pattern: String, points: Int, maximumMatches: Int = 1, inTitle: Bool = false, anchors: [String] = [],
            exactAnchors: [String] = []
        ) {
            do {
                self.pattern = try NSRegularExpression(pattern: pattern)
            } catch {
                preconditionFailure("tunedata: invalid document-kind pattern \(pattern): \(error)")
            }
            self.points = points
            self.maximumMatches = maximumMatches
            self.inTitle = inTitle
            self.anchors = anchors
            self.exactAnchors = exactAnchors
        }

        /// How many times the pattern matches `text`, up to ``maximumMatches``.
        func matches(in text: String) -> Int {
            var found = 0
            pattern.enumerateMatches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
                _, _, stop in
                found += 1
                if found >= maximumMatches { stop.pointee = true }
            }
            return found
        }

        /// Whether `text` holds one of the anchors (always, for a cue without any).
        func mayMatch(_ text: String) -> Bool {
            if anchors.isEmpty && exactAnchors.isEmpty { return true }
            return anchors.contains(where: text.containsASCIICaseInsensitive)
                || exactAnchors.contains(where: text.containsBytes)
        }
    }

    static let table: [DocumentKind: [Cue]] = [
        .contract: [
            Cue(
                pattern: #"\b(?i:agreement|contract|amendment|lease|indenture|promissory note)\b"#, points: 3,
                inTitle: true),
            Cue(pattern: #"\b(?i:by and (?:between|among))\b"#, points: 3, anchors: ["by and"]),
            Cue(
                pattern: #"\bWHEREAS\b|\bW I T N E S S E T H\b|\bWITNESSETH\b"#, points: 2,
                exactAnchors: ["WHEREAS", "W I T N E S S E T H", "WITNESSETH"]),
            Cue(pattern: #"\b(?i:in witness whereof)\b"#, points: 3, anchors: ["in witness whereof"]),
            Cue(
                pattern: #"\b(?i:hereby agree|agree as follows|mutual covenants)\b"#, points: 2,
                anchors: ["hereby agree", "agree as follows", "mutual covenants"]),
            Cue(pattern: #"\bthe [Pp]arties\b"#, points: 1, maximumMatches: 2, anchors: ["the parties"]),
        ],
        .regulation: [
            Cue(
                pattern:
                    #"\b(?i:regulation|directive|act|statute|code|verordening|verordnung|gesetz|decreto|legge|regolamento|lei)\b"#,
                points: 2, inTitle: true),
            Cue(
                pattern: #"\b(?:Regulation|Directive|Decision) \((?:EU|EC|EEC|Euratom)\)"#, points: 3,
                exactAnchors: ["Regulation (", "Directive (", "Decision ("]),
            Cue(
                pattern: #"HAVE ADOPTED THIS|(?i:be it enacted)|(?i:hereby enacts)|(?i:shall enter into force)"#,
                points: 4, anchors: ["have adopted this", "be it enacted", "hereby enacts", "shall enter into force"]),
            Cue(
                pattern: #"(?m:^\s*Article\s+[0-9]+\b)|(?m:^\s*Artikel\s+[0-9]+\b)|(?m:^\s*Art\.\s*[0-9]+)"#, points: 1,
                maximumMatches: 4, exactAnchors: ["Article", "Artikel", "Art."]),
            Cue(
                pattern: #"\bU\.S\.C\.|\bC\.F\.R\.|\bCFR\b|(?i:federal register)|(?i:official journal)"#, points: 1,
                maximumMatches: 2, anchors: ["u.s.c.", "c.f.r.", "cfr", "federal register", "official journal"]),
            Cue(pattern: #"§\s*[0-9]"#, points: 1, maximumMatches: 3, anchors: ["§"]),
            Cue(
                pattern: #"\b(?i:having regard to the treaty|proposal for a (?:regulation|directive|decision))\b"#,
                points: 3, anchors: ["having regard to the treaty", "proposal for a "]),
            Cue(
                pattern:
                    #"\b(?i:proposed rules?|final rule|notice of proposed rulemaking|code of federal regulations)\b"#,
                points: 3, anchors: ["proposed rule", "final rule", "code of federal regulations"]),
        ],
        .opinion: [
            Cue(pattern: #"\s(?:v\.|vs\.?)\s"#, points: 2, inTitle: true),
            Cue(
                pattern: #"\b(?i:court of appeals|district court|supreme court|bankruptcy court|court of)\b|\bCOURT\b"#,
                points: 2, anchors: ["court"]),
            Cue(
                pattern:
                    #"\b(?i:case|docket|civil action|appeal|cause)\s+(?i:no|number)\.?\s*[:#]?\s*(?:\(if known\)|[0-9])"#,
                points: 3, anchors: ["case", "docket", "civil action", "appeal", "cause"]),
            Cue(pattern: #"\bNo\.\s*[0-9]{1,2}-[0-9]{2,6}\b"#, points: 2, exactAnchors: ["No."]),
            Cue(pattern: #"\b[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+)* v\. [A-Z]"#, points: 2, exactAnchors: [" v. "]),
            Cue(
                pattern: #"\b(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Debtors?)\b"#,
                points: 1, maximumMatches: 3,
                exactAnchors: ["Plaintiff", "Defendant", "Appellant", "Appellee", "Petitioner", "Respondent", "Debtor"]),
            Cue(
                pattern: #"\bIT IS (?:HEREBY |FURTHER )?ORDERED\b|\b(?:AFFIRMED|REVERSED|VACATED|REMANDED)\b"#,
                points: 3,
                exactAnchors: ["ORDERED", "AFFIRMED", "REVERSED", "VACATED", "REMANDED"]),
            Cue(
                pattern: #"\b(?:OPINION|MEMORANDUM|ORDER|JUDGMENT|Honorable|Judge|Circuit Judge|PER CURIAM)\b"#,
                points: 1, maximumMatches: 2,
                exactAnchors: ["OPINION", "MEMORANDUM", "ORDER", "JUDGMENT", "Honorable", "Judge", "PER CURIAM"]),
        ],
        .policy: [
            Cue(
                pattern: #"\b(?i:licen[cs]e|terms of (?:use|service)|privacy|policy|terms and conditions|eula)\b"#,
                points: 3, inTitle: true),
            Cue(
                pattern:
                    #"(?i:permission is hereby granted|the software is provided|free software foundation|redistribution and use)"#,
                points: 3,
                anchors: [
                    "permission is hereby granted", "the software is provided", "free software foundation",
                    "redistribution and use",
                ]),
            Cue(
                pattern:
                    #"\b(?i:licen[cs]e agreement|end[- ]user licen[cs]e|terms of (?:use|service)|licen[cs]e terms|public licen[cs]e)\b"#,
                points: 3, anchors: ["licen", "terms of"]),
            Cue(
                pattern: #"\b(?i:you agree|by using|your use of)\b"#, points: 2,
                anchors: ["you agree", "by using", "your use of"]),
            Cue(
                pattern: #"\b(?:Licensor|Licensee|copyright holders?|Contributors?)\b"#, points: 1, maximumMatches: 2,
                exactAnchors: ["Licensor", "Licensee", "copyright holder", "Contributor"]),
        ],
    ]

    /// Each kind's score for a title and text.
    static func scores(title: String, text: String) -> [DocumentKind: Int] {
        var scores: [DocumentKind: Int] = [:]
        for (kind, cues) in table {
            var score = 0
            for cue in cues {
                if cue.inTitle ? title.isEmpty : (text.isEmpty || !cue.mayMatch(text)) { continue }
                score += cue.matches(in: cue.inTitle ? title : text) * cue.points
            }
            scores[kind] = score
        }
        return scores
    }
}
