import Foundation

/// A heading on the path from the document root to a passage.
struct OutlineHeading: Sendable, Hashable {
    var label: String?
    var title: String?
    var level: Int
    /// The heading as the document wrote it ("5.1 Notice."), used when a merged passage needs the
    /// heading inside its text, so that text stays verbatim from the document.
    var sourceText: String

    var displayText: String {
        [label, title].compactMap { $0 }.joined(separator: " ")
    }
}

/// A body paragraph with the page it starts on.
struct OutlineParagraph: Sendable, Hashable {
    var text: String
    var page: Int?
}

/// A run of body text under one heading: the unit the chunker keeps whole when it fits.
struct OutlineSection: Sendable, Hashable {
    /// Headings from the outermost to this section's own (empty before the first heading).
    var headings: [OutlineHeading]
    var paragraphs: [OutlineParagraph]

    var own: OutlineHeading? { headings.last }
    var parentPath: [OutlineHeading] { Array(headings.dropLast()) }
}

/// Turns a document's blocks into sections.
///
/// Headings come from the extractor's block kinds and from legal numbering in the text ("ARTICLE I", "5.2 Notice",
/// run-in "12.3 Governing Law. ...").
enum SectionOutline {
    /// Whether the document's sections group its articles, as in EU regulations.
    ///
    /// Chapter > Section > Article: section numbers restart ("Section 1" more than once) while article numbers run on
    /// through the document. Elsewhere sections sit inside articles.
    static func sectionsGroupArticles(_ document: Document) -> Bool {
        var sections: [String] = []
        var articles: [String] = []
        for block in document.blocks where block.kind.headingLevel != nil {
            guard let label = LegalHeading.parse(block.text)?.label else { continue }
            if label.hasPrefix("Section "), !label.contains(".") { sections.append(label) }
            if label.hasPrefix("Article ") { articles.append(label) }
        }
        return Set(sections).count < sections.count && !articles.isEmpty && Set(articles).count == articles.count
    }

    /// A heading as a breadcrumb or a question says it: title case for all capitals, and without
    /// the period or colon that ends it ("CONDITIONS AND CONTINGENCIES." → "Conditions and
    /// Contingencies"), so "What does the Agreement say about Injunctive Relief?" reads right.
    static func headingTitle(_ text: String) -> String {
        HeadingTitle.clean(text) ?? text
    }

    /// The longest paragraph read as a cover's label or marker ("Exhibit 10.27 EXECUTION VERSION").
    static let maxCoverLineCharacters = 60

    /// Whether a heading before any text is the cover's label, marker or title.
    static func isCoverLine(_ text: String, title: String?) -> Bool {
        guard let candidate = OpeningTitle.candidate(text, isHeading: true) else {
            // Nothing left once the label and marker are cut: "Exhibit 10.28", "EXECUTION COPY".
            return OpeningTitle.isLabelOrMarker(text)
        }
        return title.map { candidate.caseInsensitiveCompare($0) == .orderedSame } ?? false
    }

    /// Whether an unnumbered heading ends where a numbered one begins: recitals ("WHEREAS …"
    /// gathered as "Recitals", "BACKGROUND", "WITNESSETH") come before the numbered sections, not
    /// above them, and a numbered heading the parser could not read is their sibling.
    static func yieldsToNumbered(_ heading: OutlineHeading) -> Bool {
        heading.label == nil && (heading.sourceText.first?.isNumber == true || isPreamble(heading))
    }

    /// "Recitals", "BACKGROUND", "WITNESSETH:" and the like.
    static func isPreamble(_ heading: OutlineHeading) -> Bool {
        guard heading.label == nil else { return false }
        let title = (heading.title ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".: "))
        return LegalVocabulary.recitalSet.contains(title)
    }

    static func sections(of document: Document) -> [OutlineSection] {
        var stack: [OutlineHeading] = []
        /// For each heading on the stack, the levels of the numbered headings opened before it.
        var levelsSeenBefore: [Set<Int>] = []
        var labelledLevels: Set<Int> = []
        var sections: [OutlineSection] = []
        var current = OutlineSection(headings: [], paragraphs: [])
        var skippedTitle = false
        var pendingLabelOnly = false
        /// Whether text has been placed under a numbered heading yet (see ``AgreementOpening``).
        var numberedHasText = false
        /// Whether an attachment heading opened before any numbered text.
        var attachmentBeforeText = false
        /// Whether the innermost open attachment has had a paragraph of prose since it opened.
        var attachmentHasProse = false
        let sectionsGroupArticles = Self.sectionsGroupArticles(document)

        func open(_ heading: OutlineHeading) {
            var heading = heading
            if sectionsGroupArticles, let label = heading.label {
                // Chapter > Section > Article (EU acts): sections go between the two.
                if label.hasPrefix("Section "), !label.contains(".") { heading.level = 2 }
                if label.hasPrefix("Article ") { heading.level = 3 }
            }
            if !current.paragraphs.isEmpty { sections.append(current) }
            while let top = stack.last,
                top.level >= heading.level
                    || (heading.label != nil && top.label == nil
                        && (Self.yieldsToNumbered(top) || levelsSeenBefore[stack.count - 1].contains(heading.level)))
            {
                // The last test: numbered headings of this level came before the unnumbered one
                // on top, so it sits inside their run ("Section 3", "Baseline Revenue",
                // "Section 4"), not above it.
                stack.removeLast()
                levelsSeenBefore.removeLast()
            }
            if AgreementOpening.isAttachment(heading) {
                if !numberedHasText { attachmentBeforeText = true }
                attachmentHasProse = false
            }
            stack.append(heading)
            levelsSeenBefore.append(labelledLevels)
            if heading.label != nil { labelledLevels.insert(heading.level) }
            current = OutlineSection(headings: stack, paragraphs: [])
            pendingLabelOnly = heading.label != nil && heading.title == nil
        }

        /// "ARTICLE I" on one line and "DEFINITIONS" on the next are one heading.
        func completeLabelOnly(with title: String, sourceText: String) -> Bool {
            guard pendingLabelOnly, current.paragraphs.isEmpty, var top = stack.popLast() else { return false }
            top.title = title
            top.sourceText += "\n\n" + sourceText
            stack.append(top)
            current = OutlineSection(headings: stack, paragraphs: [])
            pendingLabelOnly = false
            return true
        }

        /// One paragraph's text: a heading line, a run-in heading and its body, or body text.
        /// A piece cut before a continuing section's number (`cutAtHeading`) is read as its run-in heading first.
        /// The attachment on the stack was a contents entry: the agreement starts at the root.
        func restartAtRoot() {
            if !current.paragraphs.isEmpty { sections.append(current) }
            stack.removeAll()
            levelsSeenBefore.removeAll()
            current = OutlineSection(headings: [], paragraphs: [])
            pendingLabelOnly = false
        }

        /// Whether a line is the cover's label, marker or title: no heading has opened yet.
        func isCoverLineBeforeAnyHeading(_ text: String) -> Bool {
            stack.isEmpty && sections.allSatisfy(\.headings.isEmpty) && Self.isCoverLine(text, title: document.title)
        }

        /// Whether an attachment is open that nothing but page numbers and title lines followed:
        /// the agreement's own title or opening ("This Franchise Agreement between …") there means
        /// the attachment heading was the contents page's last entry.
        func attachmentIsOnlyAnEntry() -> Bool {
            !attachmentHasProse && stack.contains(where: AgreementOpening.isAttachment)
        }

        func paragraph(_ text: String, page: Int?, cutAtHeading: Bool = false) {
            // A text file's cover lines are paragraphs: its filing label and title ("Exhibit 10.4
            // Split-Dollar Endorsement Agreement") head no section.
            if !cutAtHeading, stack.isEmpty, text.count <= Self.maxCoverLineCharacters,
                isCoverLineBeforeAnyHeading(text)
            {
                return
            }
            if stack.contains(where: AgreementOpening.isAttachment), AgreementOpening.opens(text),
                attachmentBeforeText
                    || (attachmentIsOnlyAnEntry() && AgreementOpening.names(document.title, text: text, in: stack))
            {
                restartAtRoot()
            }
            if !attachmentHasProse, stack.contains(where: AgreementOpening.isAttachment), AgreementOpening.isProse(text)
            {
                attachmentHasProse = true
            }
            defer {
                if !numberedHasText, !current.paragraphs.isEmpty,
                    current.headings.contains(where: { $0.label != nil && !AgreementOpening.isAttachment($0) })
                {
                    numberedHasText = true
                    attachmentBeforeText = false
                }
            }
            let shortTitle = Self.headingTitle(text)
            if pendingLabelOnly, LegalHeading.isShortTitle(text),
                completeLabelOnly(with: shortTitle, sourceText: text)
            {
                return
            }
            let runIn = LegalHeading.parseRunIn(text)
            if !(cutAtHeading && runIn != nil), text.utf8.count <= 800, text.count <= 100,
                let legal = LegalHeading.parse(text), !text.hasSuffix(",")
            {
                open(OutlineHeading(label: legal.label, title: legal.title, level: legal.level, sourceText: text))
            } else if let (legal, body) = runIn {
                let headingText = String(text.prefix(text.count - body.count)).trimmingWhitespace
                open(
                    OutlineHeading(
                        label: legal.label, title: legal.title, level: legal.level, sourceText: headingText))
                current.paragraphs.append(OutlineParagraph(text: body, page: page))
                pendingLabelOnly = false
            } else if LegalHeading.isCapitalisedHeading(text) {
                if !completeLabelOnly(with: Self.headingTitle(text), sourceText: text) {
                    let level = (stack.last?.level ?? 1) + (stack.last?.label == nil ? 0 : 1)
                    open(
                        OutlineHeading(
                            label: nil, title: Self.headingTitle(text), level: min(level, 6), sourceText: text))
                }
            } else if text.hasPrefix(LegalVocabulary.recitalOpening), !(stack.last.map(Self.isPreamble) ?? false) {
                open(OutlineHeading(label: nil, title: "Recitals", level: 2, sourceText: ""))
                current.paragraphs.append(OutlineParagraph(text: text, page: page))
            } else {
                current.paragraphs.append(OutlineParagraph(text: text, page: page))
                pendingLabelOnly = false
            }
        }

        for block in HeadingRunOn.split(document.blocks) {
            let text = block.text
            switch block.kind {
            case .heading(let level):
                if !skippedTitle, sections.isEmpty, current.paragraphs.isEmpty, stack.isEmpty,
                    let title = document.title, title.caseInsensitiveCompare(text) == .orderedSame
                {
                    skippedTitle = true
                    continue
                }
                // The cover's filing label and draft marker ("Exhibit 10.2 EXECUTION VERSION") and
                // the title under it are not sections of the document, even under a cover legend
                // paragraph ("CERTAIN PORTIONS OF THIS DOCUMENT HAVE BEEN OMITTED ..."): no heading yet.
                if isCoverLineBeforeAnyHeading(text) { continue }
                // "DISTRIBUTOR AGREEMENT" after the contents page's "Exhibit C Exhibit D": the agreement's
                // own title line opens its text at the root.
                if attachmentIsOnlyAnEntry(), let title = document.title,
                    title.caseInsensitiveCompare(text.trimmingWhitespace) == .orderedSame
                {
                    restartAtRoot()
                    continue
                }
                if let legal = LegalHeading.parse(text) {
                    let heading = OutlineHeading(
                        label: legal.label, title: legal.title, level: legal.level, sourceText: text)
                    // "Appendix 1 Appendix 2", "Appendix 13 Appendix Name": rows of a list of the
                    // attachments, set out in the section that lists them, not an attachment's heading.
                    if AgreementOpening.isListRow(heading) {
                        current.paragraphs.append(OutlineParagraph(text: text, page: block.page))
                        pendingLabelOnly = false
                        continue
                    }
                    open(heading)
                } else {
                    // "GOVERNING LAW" reads as "Governing Law" in a breadcrumb or a question.
                    let title = Self.headingTitle(text)
                    if !completeLabelOnly(with: title, sourceText: text) {
                        open(OutlineHeading(label: nil, title: title, level: min(max(level, 1), 6), sourceText: text))
                    }
                }
            case .paragraph, .listItem:
                // "3.4 … 3.5 Filings. …" in one paragraph is two sections.
                let opening = RunInSplit.openingNumber(ofLabel: LegalHeading.parseRunIn(block.text)?.heading.label)
                let scope = opening ?? RunInSplit.dottedNumber(ofLabel: stack.last?.label)
                let pieces = RunInSplit.pieces(of: block.text, after: scope)
                for (index, piece) in pieces.enumerated() {
                    paragraph(piece, page: block.page, cutAtHeading: index > 0)
                }
            case .footnote:
                // A footnote interrupts the text it annotates and often lands in the next section;
                // answers quote provisions, so footnotes stay out of passages.
                continue
            case .tableRow, .caption, .quote, .code:
                current.paragraphs.append(OutlineParagraph(text: text, page: block.page))
                pendingLabelOnly = false
            }
        }
        if !current.paragraphs.isEmpty { sections.append(current) }
        return sections
    }
}
