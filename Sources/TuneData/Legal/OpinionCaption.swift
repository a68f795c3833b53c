/// What a court opinion, order or filing says about itself on its first page: the case name, the
/// court, the docket number; and, in its passages, what was decided.
///
/// Read from the document's opening text (the caption) with a few patterns; every value is copied
/// from the text, so a question built from it names the case as the document does.
struct OpinionCaption: Sendable, Hashable {
    /// The case name as the caption writes it: the parties either side of the versus.
    var caseName: String?
    /// "United States Court of Appeals for the Eighth Circuit".
    var court: String?
    /// "11-889", "2:19-cv-01234".
    var docket: String?

    /// The caption read from a document's title and opening text.
    init(title: String?, opening: String) {
        caseName = Self.caseName(title: title, opening: opening)
        // A Supreme Court opinion names the courts below first in its syllabus; its own court wins.
        let supreme = opening.firstMatch(of: Self.supremeCourt).map { Self.tidy(String($0.output)) }
        court = supreme ?? opening.firstMatch(of: Self.courtPattern).map { Self.tidy(String($0.output.1)) }
        docket = opening.firstMatch(of: Self.docketPattern).map { String($0.output.1) }
    }

    /// The case name from the title when it has one, else from the first caption line that does.
    static func caseName(title: String?, opening: String) -> String? {
        if let title, let match = title.firstMatch(of: casePattern) { return tidy(String(match.output)) }
        let lines = opening.split(whereSeparator: \.isNewline).prefix(80).map { $0.trimmingWhitespace }
        for line in lines where line.count <= 160 {
            if let match = line.firstMatch(of: casePattern) { return tidy(String(match.output)) }
        }
        return nil
    }

    /// Collapsed spaces, without a trailing comma or full stop, title-cased when written in capitals.
    static func tidy(_ text: String) -> String {
        var value = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = value.last, ",.;:".contains(last) { value.removeLast() }
        return LegalHeading.isCapitalisedHeading(value) ? value.capitalizedTitle : value
    }

    nonisolated(unsafe) static let casePattern =
        /[A-Z][\w.&',\- ]{1,60}?\s+(?:v\.|vs\.|V\.)\s+[A-Z][\w.&'\- ]{1,60}?(?=,|\s*$|\s+\(|\s+No\.|\s+[0-9])/
    nonisolated(unsafe) static let courtPattern =
        /(?i:in the\s+)?((?i:united states (?:court of appeals|district court|bankruptcy court|court of federal claims)(?:\s+for the\s+[A-Za-z ]{3,40}?(?:circuit|district of [A-Za-z ]{3,30}))?|supreme court of (?:the united states|[a-z]{3,20})|court of appeals of [a-z]{3,20}))/
    nonisolated(unsafe) static let supremeCourt = /(?i:supreme court of the united states)/
    nonisolated(unsafe) static let docketPattern =
        /\b(?:No\.|Nos\.|Case No\.|Case:|Docket No\.|Civil Action No\.|Case Number:?)\s*([0-9]{1,2}[:\-][0-9A-Za-z\-:]{2,20}[0-9])/

    /// The sentences of a passage that say what was decided: "AFFIRMED.", "IT IS ORDERED that ...",
    /// "the motion is GRANTED", "we reverse".
    static func decisions(in text: String) -> [String] {
        var found: [String] = []
        for paragraph in text.paragraphs {
            for sentence in SentenceSplitter.split(String(paragraph)) where sentence.contains(decisionPattern) {
                guard sentence.count <= maximumDecisionCharacters else { continue }
                found.append(sentence)
            }
        }
        return found
    }

    /// A decision sentence longer than this is an argument that mentions a ruling, not the ruling.
    static let maximumDecisionCharacters = 600

    nonisolated(unsafe) static let decisionPattern =
        /\b(?:AFFIRMED|REVERSED|VACATED|REMANDED|DISMISSED)\b|\bIT IS (?:HEREBY |FURTHER )?ORDERED\b|\b(?:motion|petition|application|request|objection)s? (?:is|are) (?:hereby )?(?:GRANTED|DENIED|granted|denied|SUSTAINED|OVERRULED)\b|\b[Ww]e (?:therefore |accordingly )?(?:affirm|reverse|vacate|remand|dismiss)\b|\bjudgment (?:of the district court )?is (?:affirmed|reversed|vacated)\b|\b(?:case|judgment|order|conviction|petition|appeal) is (?:hereby )?(?:affirmed|reversed|vacated|remanded|dismissed|granted|denied)\b/
}
