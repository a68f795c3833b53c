public import Foundation

/// The templates of a run, and how they turn one document's passages into examples.
public struct TemplateSet: Sendable {
    public var templates: [Template]
    /// Phrasings of one request each passage gets: distinct user texts of one template (default 1).
    public var phrasings = 1

    public init(templates: [Template]) {
        self.templates = templates
    }

    /// The folder of templates shipped with tunedata (the package's `templates/`).
    public static var shippedDirectory: URL? {
        Bundle.module.url(forResource: "ShippedTemplates", withExtension: nil)
    }

    /// The shipped templates.
    public static func shipped() throws(TemplateError) -> TemplateSet {
        guard let directory = shippedDirectory else {
            throw TemplateError(file: "templates", message: "the shipped templates are missing from this installation")
        }
        return try load(from: [directory])
    }

    /// Loads templates from files and folders (every `.yaml`/`.yml` file in a folder, sorted by name).
    ///
    /// Two templates with the same name are an error.
    public static func load(from urls: [URL]) throws(TemplateError) -> TemplateSet {
        var templates: [Template] = []
        var seen: [String: String] = [:]
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw TemplateError(file: url.path, message: "no such file or folder")
            }
            let files: [URL]
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { url.appendingPathComponent($0) }
                if files.isEmpty { throw TemplateError(file: url.path, message: "no .yaml templates in this folder") }
            } else {
                files = [url]
            }
            for file in files {
                let template = try TemplateLoader.load(contentsOf: file, displayPath: file.path)
                if let other = seen[template.name] {
                    throw TemplateError(
                        file: file.path, message: "template name '\(template.name)' is also used by \(other)")
                }
                seen[template.name] = file.path
                templates.append(template)
            }
        }
        return TemplateSet(templates: templates)
    }

    /// The templates that apply to an output format.
    ///
    /// Preference records are conversations with a rejected answer, so every chat template applies to them.
    public func forFormat(_ format: String) -> TemplateSet {
        TemplateSet(
            templates: templates.filter {
                $0.formats.contains(format)
                    || (format == RecordShape.preference.rawValue && $0.formats.contains("chat"))
            })
    }

    /// Renders every applicable template over the passages of one document.
    ///
    /// The phrasing of each example is picked by a hash of the seed, document, passage and template,
    /// so the same inputs give the same output on every run and every machine.
    public func render(document: Document, passages: [Passage], seed: UInt64) -> RenderedDocument {
        let facts = DocumentFacts(document: document, passages: passages)
        var grounding = GroundednessCheck(document: document)
        let kind = (document.kind ?? DocumentKind.detect(document)).rawValue
        var result = RenderedDocument()
        result.parties = facts.parties
        result.date = facts.date
        result.facts = facts.contract.facts
        let subjects = TemplateSubjects(passages: passages, facts: facts.contract)
        for original in passages {
            var passage = original
            passage.text = FigureParagraphs.stripping(
                AnswerFurniture.strippingFurnitureParagraphs(UnderlineRuns.stripping(passage.text, linesToo: false)))
            // A heading that is the lead-in of the section's first sentence ("2.2 The Owner warrants
            // that", then "2.2.1 it owns …") is the start of its text, not a topic; a later piece of a
            // split section does not start where the heading ends.
            if let heading = passage.heading, passage.part.map({ $0.number == 1 }) ?? true,
                HeadingCheck.leadsIntoText(heading),
                // As the document writes it: a heading set in capitals is read in title case.
                grounding.isFound(heading)
            {
                passage.text = heading + "\n\n" + passage.text
                passage.heading = nil
            }
            // A heading that is the document's own name ("SCHEDULE 4 ESCROW AGREEMENT" in the Escrow
            // Agreement) or its attachment's is not a topic of it either.
            if let heading = passage.heading,
                HeadingCheck.isNotATopic(heading) || HeadingCheck.cutsSentence(heading)
                    || (passage.label == nil && HeadingCheck.numbersAnotherClause(heading, text: passage.text))
                    || heading.lowercased() == facts.title.lowercased()
                    || AttachmentTitle.withoutArticle(heading).lowercased()
                        == AttachmentTitle.attachmentName(of: passage)?.lowercased()
            {
                passage.heading = nil
            }
            passage.text = PassageBoundaries.trimmed(passage.text)
            guard !Self.isFiguresOrContents(passage) else {
                result.figurePassages += 1
                continue
            }
            let definitions = DefinitionFinder.definitions(in: passage.text)
            // Passage values are computed once; definition templates add their definition to a copy.
            let base = TemplateContext(document: document, passage: passage, facts: facts)
            // Each context's Mustache object is built once, if a template needs the library at all,
            // and shared by the templates that use it.
            var objects: [String: [String: Any]] = [:]
            for template in templates where template.kinds.isEmpty || template.kinds.contains(kind) {
                let subjectsHere = subjects.of(template, passage: passage, definitions: definitions, base: base)
                for (ordinal, subject) in subjectsHere.enumerated() {
                    let context = subject.context
                    guard template.requires.allSatisfy(context.isPresent),
                        !template.unless.contains(where: context.isPresent)
                    else { continue }
                    // A weight below 1 applies the template to that share of passages, chosen by hash.
                    if template.weight < 1,
                        Double(
                            Self.pick(
                                count: 1_000_000, seed: seed,
                                key: "weight|\(document.id)|\(passage.index)|\(template.name)|\(ordinal)"))
                            >= template.weight * 1_000_000
                    {
                        continue
                    }
                    let first = Self.pick(
                        count: template.user.count, seed: seed,
                        key: "\(document.id)|\(passage.index)|\(template.name)|\(ordinal)")
                    let key = "\(template.forEach ?? "")|\(template.forEach == nil ? -1 : ordinal)"
                    let object = {
                        let object = objects[key] ?? context.mustacheObject
                        objects[key] = object
                        return object
                    }
                    let grounded = grounding.isGrounded(template: template, context: context)
                    for variant in Self.variants(first: first, count: template.user.count, phrasings: phrasings) {
                        var example = Self.example(
                            template, variant: variant, context: context, object: object, document: document,
                            passage: passage)
                        example.provenance.clause = subject.clause
                        example.provenance.fact = subject.fact
                        if grounded {
                            result.examples.append(example)
                        } else {
                            result.ungrounded.append(example)
                        }
                    }
                }
            }
            result.definitionsFound += definitions.count
        }
        return result
    }

    private static func example(
        _ template: Template, variant: Int, context: TemplateContext, object: () -> [String: Any], document: Document,
        passage: Passage
    ) -> Example {
        var messages: [Message] = []
        func text(_ text: TemplateText) -> String { text.render(context, object: object) }
        if let system = template.system { messages.append(Message(role: .system, content: text(system))) }
        messages.append(Message(role: .user, content: text(template.user[variant])))
        messages.append(Message(role: .assistant, content: text(template.assistant)))
        for turn in template.turns {
            messages.append(Message(role: .user, content: text(turn.user)))
            messages.append(Message(role: .assistant, content: text(turn.assistant)))
        }
        let section = passage.label ?? (passage.sectionPath.last)
        let provenance = Provenance(
            source: document.source, documentID: document.id, pages: passage.pages, section: section,
            template: template.name, variant: variant + 1, passageIndex: passage.index,
            url: document.metadata["url"])
        return Example(messages: messages, provenance: provenance, category: template.category)
    }

    /// The user phrasings a passage gets: the picked one, then the next ones in the template's order.
    static func variants(first: Int, count: Int, phrasings: Int) -> [Int] {
        (0..<max(1, min(phrasings, count))).map { (first + $0) % max(count, 1) }
    }

    /// A copy that gives each passage `phrasings` phrasings of every request.
    public func withPhrasings(_ phrasings: Int) -> TemplateSet {
        var copy = self
        copy.phrasings = max(1, phrasings)
        return copy
    }

    /// A deterministic choice in `0..<count` from the seed and a key (stable across runs and platforms).
    static func pick(count: Int, seed: UInt64, key: String) -> Int {
        guard count > 1 else { return 0 }
        return Int(FastHash.hash(key, seed: seed) % UInt64(count))
    }

    /// Whether fewer than half a passage's visible characters are letters.
    ///
    /// A table of numbers, a contents page's dotted leaders, a row of signature lines. A question about such a passage
    /// would teach a model to recite "56,000 56,050 56,100 …", so no template is applied to it.
    public static func isMostlyFigures(_ text: String) -> Bool {
        let (letters, visible) = FigureParagraphs.letterCounts(text[...])
        return letters * 2 < visible
    }

    /// Whether a passage is figures or (part of) a contents page: no template asks about it, and no
    /// fact is read from it.
    static func isFiguresOrContents(_ passage: Passage) -> Bool {
        isMostlyFigures(passage.text) || ContentsPage.isContents(passage)
    }
}

/// The examples one document gave, and those dropped because an answer was not found in it.
public struct RenderedDocument: Sendable {
    public var examples: [Example] = []
    /// Examples whose answer text could not be found in the document (dropped, counted in the manifest).
    public var ungrounded: [Example] = []
    /// Passages left without examples because they are mostly figures or rules (see
    /// ``TemplateSet/isMostlyFigures(_:)``).
    public var figurePassages = 0
    public var definitionsFound = 0
    /// Parties named in the document's preamble, if any.
    public var parties: [String] = []
    /// The agreement date as written, if found.
    public var date: String?
    /// The contract's facts (parties, dates, term, governing law...), if it is a contract.
    public var facts: [ContractFact] = []
}
