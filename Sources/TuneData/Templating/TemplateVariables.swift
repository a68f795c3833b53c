/// The variables a template may use, and the values they take for one passage.
///
/// The list is closed: a template naming anything else is rejected when it is loaded, so a typo
/// never turns into an empty hole in thousands of examples.
public enum TemplateVariables {
    /// Every variable with a one-line description (printed by `tunedata templates list --variables`
    /// and documented in the README).
    public static let documented: [(name: String, meaning: String)] = base + ClauseVariables.documented

    /// The variables of every passage (the clause and fact ones are in ``ClauseVariables``).
    private static let base: [(name: String, meaning: String)] = [
        ("document.title", "the document's title (PDF info or first heading; else the file name)"),
        (
            "document.label_title",
            "the title after the passage's label: the document's for an attachment's own text (\"Appendix A of the Supply Agreement\"), else document.title"
        ),
        ("document.source", "the file's path as given on the command line"),
        ("document.kind", "contract, regulation, opinion, policy or other (detected from the text)"),
        ("document.format", "pdf, html, text or markdown"),
        (
            "document.case_name",
            "an opinion's or filing's case name as its caption gives it (\"Tarrant Regional Water Dist. v. Herrmann\")"
        ),
        ("document.court", "the court named in an opinion's or filing's caption"),
        ("document.docket", "the docket or case number in the caption (\"11-889\")"),
        ("document.pages", "number of pages (PDF), empty otherwise"),
        ("document.parties", "list: the parties named in a contract's preamble"),
        ("document.date", "the date the agreement is made or effective, as written"),
        ("document.language", "the language code of an HTML page"),
        ("passage.text", "the passage, verbatim from the document"),
        ("passage.heading", "the section heading without its number (\"Notice\")"),
        ("passage.label", "the section number as cited (\"Section 5.2\", \"Article V\", \"§ 12\")"),
        ("passage.title", "label and heading together (\"Section 5.2 Notice\")"),
        ("passage.breadcrumb", "the heading path (\"Article 5 › Section 5.2 Notice\")"),
        ("passage.first_sentence", "the passage's first sentence"),
        (
            "passage.opening",
            "the passage's first words to ask it by: its first sentence when short and not all of it, else about ten words and \"…\""
        ),
        ("passage.pages", "the pages it spans (\"3–4\"), empty for HTML"),
        ("passage.list_items", "list: the passage's paragraphs that are enumerated clauses ((a), (i), 1.)"),
        (
            "passage.decisions",
            "the passage's sentences that state a ruling, one paragraph each (\"AFFIRMED.\", \"IT IS ORDERED that ...\")"
        ),
        (
            "passage.section_label",
            "the label of the whole section a passage opens (empty on a later piece of a split section)"
        ),
        (
            "passage.citation",
            "the label a quotation from the passage is cited by: the section's own label on its first piece (\"Section 13.2\", not \"the opening of Section 13.2\"), else the passage's label"
        ),
        ("passage.part", "which piece of a split section (\"2 of 3\"), empty for a whole section"),
        ("passage.index", "1-based position of the passage in the document"),
        ("passage.opening_term", "the term a passage opens by defining (\"Affiliate\" means ...), else empty"),
        (
            "passage.heading_repeats",
            "non-empty when another section of the same document or attachment has this heading, so a question by the heading alone is ambiguous"
        ),
        ("section.label", "label of the enclosing (parent) section"),
        ("section.heading", "heading of the enclosing section"),
        ("section.title", "label and heading of the enclosing section"),
        ("section.breadcrumb", "the heading path without the passage's own heading"),
        ("definition.term", "a term the passage defines (\"Confidential Information\")"),
        ("definition.text", "the sentence that defines it, verbatim"),
    ]

    /// Names that may appear in `{{...}}` tags.
    public static let names: Set<String> = Set(documented.map(\.name))

    /// Variables whose values are lists (usable as `{{#name}}{{.}}{{/name}}` sections).
    public static let lists: Set<String> = ["document.parties", "passage.list_items"]

    /// Variables whose text is copied from the document: answers built from them must be found in it.
    public static let groundedSources: [String] = baseGroundedSources + ClauseVariables.groundedSources
    private static let baseGroundedSources: [String] = [
        "passage.text", "passage.first_sentence", "definition.text", "passage.list_items", "passage.decisions",
    ]
}

/// The values of the template variables for one passage (and optionally one definition in it).
struct TemplateContext {
    var values: [String: String]
    var listValues: [String: [String]]

    init(document: Document, passage: Passage, facts: DocumentFacts) {
        let parentPath = passage.sectionPath.dropLast()
        let parent = parentPath.last.flatMap { LegalHeading.parse($0) }
        let firstSentence = Self.firstSentence(of: passage.text)
        values = [
            "document.title": AttachmentTitle.title(for: passage, documentTitle: facts.title),
            "document.label_title": AttachmentTitle.labelTitle(for: passage, documentTitle: facts.title),
            "document.source": document.source,
            "document.kind": (document.kind ?? .other).rawValue,
            "document.format": document.format.rawValue,
            "document.case_name": facts.caption?.caseName ?? "",
            "document.court": facts.caption?.court ?? "",
            "document.docket": facts.caption?.docket ?? "",
            "passage.section_label": passage.sectionLabel ?? "",
            "passage.citation": passage.sectionLabel ?? passage.label ?? "",
            "passage.part": passage.part.map { "\($0.number) of \($0.count)" } ?? "",
            "document.pages": document.pageCount.map(String.init) ?? "",
            "document.date": facts.date ?? "",
            "document.language": document.metadata["language"] ?? "",
            "passage.text": passage.text,
            "passage.heading": passage.heading ?? "",
            "passage.label": passage.label ?? "",
            "passage.title": [passage.label, passage.heading].compactMap { $0 }.joined(separator: " "),
            "passage.breadcrumb": passage.breadcrumb,
            "passage.first_sentence": firstSentence,
            "passage.opening": PassageOpening.opening(of: passage.text, firstSentence: firstSentence),
            "passage.pages": Self.pageRange(passage.pages),
            "passage.index": String(passage.index + 1),
            "passage.opening_term": OpeningTerm.term(of: passage.text) ?? "",
            "passage.heading_repeats": facts.repeatsHeading(of: passage) ? "yes" : "",
            "passage.decisions": facts.caption == nil
                ? "" : OpinionCaption.decisions(in: passage.text).joined(separator: "\n\n"),
            "section.label": parent?.label ?? "",
            "section.heading": parent?.title ?? (parentPath.last ?? ""),
            "section.title": parentPath.last ?? "",
            "section.breadcrumb": parentPath.joined(separator: " › "),
        ]
        values.merge(facts.factValues) { _, fact in fact }
        listValues = [
            "document.parties": facts.parties,
            "passage.list_items": passage.text.paragraphs.map(String.init).filter(Self.isListItem),
        ]
    }

    /// The same context about one definition of the passage.
    func with(_ definition: Definition) -> TemplateContext {
        var copy = self
        copy.values["definition.term"] = definition.term
        copy.values["definition.text"] = definition.text
        return copy
    }

    /// True when `name` has a non-empty value (what `requires:` checks).
    func isPresent(_ name: String) -> Bool {
        if let list = listValues[name] { return !list.isEmpty }
        return !(values[name] ?? "").isEmpty
    }

    /// The nested dictionary Mustache renders from: `document.title` → `["document": ["title": ...]]`.
    ///
    /// Empty values are left out so that `{{#x}}...{{/x}}` hides its content when x is empty.
    var mustacheObject: [String: Any] {
        var root: [String: [String: Any]] = [:]
        for (name, value) in values where !value.isEmpty {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            root[parts[0], default: [:]][parts[1]] = value
        }
        for (name, list) in listValues where !list.isEmpty {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            root[parts[0], default: [:]][parts[1]] = list
        }
        return root
    }

    /// The first sentence of the first paragraph that reads as prose (not a heading line).
    ///
    /// A clause number the splitter takes for a sentence ("17.1." before "If any provision …"), or an
    /// item's run-in heading ("(a) Notices." before "All notices shall …"), is kept with the sentence
    /// after it: alone it says where the text is, not what it says.
    static func firstSentence(of text: String) -> String {
        let paragraphs = text.paragraphs
        // A short paragraph is a heading line unless it ends as text does: "(10) Minimum hours of
        // operation;" is where the passage begins, "(a) Voting Agreement." on its own line is not.
        let prose = String(
            paragraphs.first { $0.hasWords(atLeast: 6) || endsAsText($0) } ?? paragraphs.first ?? Substring(text))
        // Labels may stack: "(a) Voting Agreement. (i) Stockholders Meetings. At each annual meeting …".
        let first = SentenceSplitter.firstSentence(of: prose)
        guard isLabelOnly(first), let label = prose.firstRange(of: first) else { return first }
        var end = label.upperBound
        for _ in 1..<stackedLabels {
            let rest = prose[end...].drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let sentence = SentenceSplitter.firstSentence(of: String(rest))
            end = rest.index(rest.startIndex, offsetBy: sentence.count, limitedBy: rest.endIndex) ?? rest.endIndex
            guard isLabelOnly(sentence) else { break }
        }
        return String(prose[..<end])
    }

    /// How many labels may open a passage before its first sentence: a section, an item and a sub-item.
    private static let stackedLabels = 4

    /// A clause number or an item's run-in heading standing as a sentence: it says where the text is.
    private static func isLabelOnly(_ sentence: String) -> Bool {
        sentence.wholeMatch(of: LegalEnumerator.clauseNumber) != nil || sentence.wholeMatch(of: runInItemHeading) != nil
            || sentence.wholeMatch(of: shortItemHeading) != nil
    }

    /// An enumerator and a heading of one or two words in sentence case ("(1) Filing claims."): longer,
    /// a sentence in lower case may be one ("(a) Prices are fixed.").
    nonisolated(unsafe) static let shortItemHeading =
        /\(?(?:[a-z]{1,2}|[ivx]{1,6}|[0-9]{1,3})[.)]\s+[A-Z][\w'’\/-]*(?:\s+[a-z][\w'’\/-]*)?\./

    /// A short paragraph that ends as a sentence or list item does and is more than a label.
    private static func endsAsText(_ paragraph: Substring) -> Bool {
        guard paragraph.hasWords(atLeast: 3), let last = paragraph.last, ".;:".contains(last) else { return false }
        return paragraph.wholeMatch(of: runInItemHeading) == nil
            && paragraph.wholeMatch(of: LegalEnumerator.clauseNumber) == nil
            && paragraph.wholeMatch(of: numberedHeading) == nil
    }

    /// A numbered heading on its own line ("2.1 Initial Term.").
    nonisolated(unsafe) static let numberedHeading =
        /[0-9]{1,3}(?:\.[0-9]{1,3})*\.?\s+[A-Z][\w'’\/-]*(?:\s+(?:[A-Z][\w'’\/-]*|of|and|the|to|for|in|on|or|by|with|&)){0,5}[.:]/

    /// An enumerated item's run-in heading standing as a sentence ("(a) Notices", "(iv) Record Keeping").
    ///
    /// An enumerator, up to six words in title case, a period or colon ("2. Terms of Payment:").
    nonisolated(unsafe) static let runInItemHeading =
        /\(?(?:[a-z]{1,2}|[ivx]{1,6}|[0-9]{1,3})[.)]\s+[A-Z][\w'’\/-]*(?:\s+(?:[A-Z][\w'’\/-]*|of|and|the|to|for|in|on|or|by|with|&)){0,5}[.:]/

    static func pageRange(_ pages: [Int]) -> String {
        guard let first = pages.first, let last = pages.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// Whether a paragraph opens with a clause enumerator and a space (``LegalEnumerator/opensListItem(_:)``).
    static func isListItem(_ paragraph: String) -> Bool {
        LegalEnumerator.opensListItem(paragraph)
    }
}

/// Document-level facts computed once per document for every template.
struct DocumentFacts {
    var title: String
    var parties: [String]
    var date: String?
    /// Parties, dates, term, governing law and the rest, read from the classified clauses.
    var contract: ContractFacts
    /// The `fact.*` values, computed once for every passage.
    var factValues: [String: String]
    /// The caption of a court opinion or filing (`nil` for other kinds).
    var caption: OpinionCaption?
    /// The passages (by index) whose heading another section of the same document or attachment
    /// also carries: "Meetings" of the steering committee and "Meetings" of the project team.
    var repeatedHeadingPassages: Set<Int> = []

    /// Whether another section of the passage's document or attachment has the passage's heading
    /// (the parts of one split section share its breadcrumb and count once).
    func repeatsHeading(of passage: Passage) -> Bool {
        passage.heading != nil && repeatedHeadingPassages.contains(passage.index)
    }

    init(document: Document, passages: [Passage]) {
        // A preamble names the parties and date within its first few thousand characters.
        let opening = String(passages.prefix(3).map(\.text).joined(separator: "\n\n").prefix(3000))
        contract = ContractFacts(document: document, passages: passages)
        // The contract facts' parties and date are read sentence by sentence with short names;
        // the older whole-opening patterns remain for documents they miss.
        parties = contract.parties.isEmpty ? PartyFinder.parties(in: opening) : contract.parties.map(\.name)
        date = contract[.agreementDate]?.value ?? PartyFinder.date(in: opening)
        factValues = ClauseVariables.factValues(contract)
        title = document.title.map(Self.readableTitle) ?? Self.title(fromPath: document.source)
        title = SpokenTitle.title(title, document: document, opening: opening)
        if document.kind == .opinion { caption = OpinionCaption(title: document.title, opening: opening) }
        // Headings lower-cased, with their attachment's title: the sections and passages under each.
        var sections: [String: (paths: Set<[String]>, passages: [Int])] = [:]
        for passage in passages {
            guard let heading = passage.heading else { continue }
            let key = AttachmentTitle.title(for: passage, documentTitle: title) + "\u{1F}" + heading.lowercased()
            sections[key, default: ([], [])].paths.insert(passage.sectionPath)
            sections[key, default: ([], [])].passages.append(passage.index)
        }
        repeatedHeadingPassages = Set(sections.values.filter { $0.paths.count > 1 }.flatMap(\.passages))
    }

    /// A title as a question would say it: an exhibit number that filings put first is dropped
    /// ("Exhibit 10.4 CONSULTING AGREEMENT" → "Consulting Agreement") and all-capitals text is
    /// title-cased.
    static func readableTitle(_ raw: String) -> String {
        var title = raw.trimmingWhitespace
        if let match = title.prefixMatch(of: SectionLabel.filingExhibitNumber),
            title[match.range.upperBound...].count >= 4
        {
            title = String(title[match.range.upperBound...])
        }
        if HeadingTitle.isAllCapitals(title) { title = title.capitalizedTitle }
        return title
    }

    /// "contracts/master-services_agreement.pdf" → "Master Services Agreement";
    /// "MEETGROUP,INC_06_29_2017-EX-10.1-COOPERATION AGREEMENT.txt" → "Cooperation Agreement";
    /// "Microgenics Corporation - Collaborative Development Agreement.txt" → "Collaborative Development
    /// Agreement".
    ///
    /// EDGAR names a filed exhibit after the filer, the date and the exhibit number, then the
    /// document's own name; a "Filer - Name" file does the same with a dash. Only the document's name
    /// is what a person calls it.
    static func title(fromPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        var stem = file.lastIndex(of: ".").map { file[..<$0] }.flatMap { $0.isEmpty ? nil : String($0) } ?? file
        if let match = stem.wholeMatch(of: filedExhibitName), match.output.1.contains(instrumentWord) {
            stem = String(match.output.1)
        } else if let dash = stem.ranges(of: " - ").last, stem[dash.upperBound...].contains(instrumentWord) {
            stem = String(stem[dash.upperBound...])
        }
        let words = stem.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " })
        let spaced = words.joined(separator: " ")
        if HeadingTitle.isAllCapitals(spaced) { return spaced.capitalizedTitle }
        return words.enumerated().map { index, word in
            index > 0 && HeadingTitle.minorWords.contains(word.lowercased())
                ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    /// The name after the last EDGAR exhibit number in a file name ("…-EX-10.1-COOPERATION AGREEMENT").
    nonisolated(unsafe) private static let filedExhibitName =
        /.*[_\- ](?i:ex)[\-_ ]?[0-9]{1,3}(?:\.[0-9A-Za-z]{1,4})*[_\- ]+(.{4,}?)[_\- ]*$/
    /// A word that names an instrument, in any case: the part of a file name that is the document's name.
    nonisolated(unsafe) private static let instrumentWord =
        /(?i:agreement|contract|lease|licen[cs]e|amendment|indenture|note|plan|terms|deed|addendum|memorandum)/
}
