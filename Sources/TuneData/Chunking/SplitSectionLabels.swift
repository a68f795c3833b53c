/// Names the pieces of a section that is cut into several passages, so each is asked for as itself.
///
/// A section longer than the token budget becomes consecutive passages with the same label and
/// breadcrumbs (so does a parent whose small subsections were merged into more than one passage).
/// Asking "What does Section 2.3 provide?" of each would answer with a part of it. Instead a piece
/// is named by the enumerated clauses it holds — "Section 2.3(b)–(d)", "Section 5, items 5.6–5.7",
/// "Section 2.3 up to (c)" for the opening piece — and only the opening piece keeps the section's
/// own label for the locator, which quotes the section's real first sentence. A later piece that
/// starts with plain prose, with no enumerator to name it, loses its label and heading: no template
/// asks for it by section number. A section's own text before its subsections' passages is
/// named the same way: it is the section's first piece.
enum SplitSectionLabels {
    /// `passages` with the pieces of split sections labelled; whole sections are returned unchanged.
    static func labelled(_ passages: [Passage]) -> [Passage] {
        var result = passages
        var start = 0
        while start < passages.count {
            var end = start + 1
            while end < passages.count, isSameSection(passages[start], passages[end]) { end += 1 }
            if end - start == 1, let label = passages[start].label {
                // A section's own text followed by its subsections' passages ("5.1 Each party shall
                // retain …" before "5.2 Improvements") is the section's first piece, not all of it.
                let subsections = passages[end...].prefix { isSubsection($0, of: passages[start]) }.count
                if subsections > 0 {
                    var path = EnumeratorPath()
                    result[start] = piece(
                        passages[start], of: label, number: 1, count: 1 + subsections,
                        clauses: PieceClauses(passages[start], number: 1, path: &path), next: nil)
                }
            } else if end - start > 1 {
                // The clauses a piece opens inside ("(c)" for a piece starting at "(ii)") are read
                // from the pieces before it.
                var path = EnumeratorPath()
                let count = end - start
                let clauses = (start..<end).map { index in
                    PieceClauses(passages[index], number: index - start + 1, path: &path)
                }
                for index in start..<end {
                    let number = index - start + 1
                    if let label = passages[start].label {
                        let next = index + 1 < end ? clauses[index - start + 1] : nil
                        result[index] = piece(
                            passages[index], of: label, number: number, count: count, clauses: clauses[index - start],
                            next: next)
                    } else {
                        // An unnumbered section: its later pieces are not all there is under the heading.
                        result[index].part = PassagePart(sectionLabel: nil, number: number, count: count)
                        if number > 1 { result[index].heading = nil }
                    }
                }
            }
            start = end
        }
        return result
    }

    private static func isSameSection(_ a: Passage, _ b: Passage) -> Bool {
        a.label == b.label && a.sectionPath == b.sectionPath && !a.sectionPath.isEmpty
    }

    /// Whether `passage` sits under `section`'s heading, one level down or more.
    private static func isSubsection(_ passage: Passage, of section: Passage) -> Bool {
        !section.sectionPath.isEmpty && passage.sectionPath.count > section.sectionPath.count
            && passage.sectionPath.starts(with: section.sectionPath)
    }

    /// One piece of the section labelled `label`, named by the enumerated clauses it holds;
    /// `next` is what the piece after it holds, which says whether this one ends inside a clause.
    static func piece(
        _ passage: Passage, of label: String, number: Int, count: Int, clauses: PieceClauses, next: PieceClauses?
    ) -> Passage {
        var piece = passage
        piece.part = PassagePart(sectionLabel: number == 1 ? label : nil, number: number, count: count)
        if clauses.opensClause, let first = clauses.first, let last = clauses.last {
            // A piece within one clause is that clause, unless the next piece goes on inside it.
            if last.isInside(first), last.items.count > first.items.count {
                // Prose opening the next piece may be the rest of this clause: "up to" is the safe name.
                let continues = next.map { !$0.opensClause || ($0.first?.isInside(first) ?? false) } ?? false
                piece.label =
                    continues
                    ? "\(first.cited(in: label)) up to \(last.citedSuffix(after: first))" : first.cited(in: label)
            } else {
                piece.label = range(from: first, to: last, in: label)
            }
        } else if number == 1 {
            piece.label =
                clauses.last.map { "\(label) up to \($0.citedSuffix(after: EnumeratorPath()))" }
                ?? "the opening of \(label)"
        } else {
            piece.label = nil
            piece.heading = nil
        }
        return piece
    }

    /// "Section 3.2(c)(ii)–(iv)", "Section 3.2(c)(ii)–(d)(i)", "Section 5, items 5.6–5.7".
    static func range(from first: EnumeratorPath, to last: EnumeratorPath, in label: String) -> String {
        if first.items.count == 1, last.items.count == 1, let start = first.items.first, let end = last.items.first {
            return start.citation(in: label, through: end)
        }
        let suffix = last.citedSuffix(after: first)
        return suffix.isEmpty ? first.cited(in: label) : first.cited(in: label) + "–" + suffix
    }
}

/// The enumerated clauses one piece of a split section holds, read in order with the pieces before it.
struct PieceClauses {
    /// Where the piece's first and last enumerated paragraphs sit; `nil` when it has none.
    var first: EnumeratorPath?
    var last: EnumeratorPath?
    /// Whether the piece's first paragraph of text opens a clause (else it starts with prose).
    var opensClause: Bool

    /// Reads `passage`, the `number`th piece, moving `path` to where the piece ends.
    init(_ passage: Passage, number: Int, path: inout EnumeratorPath) {
        // The opening piece may start with its heading's line ("Monitoring and evaluation"): the
        // first paragraph that reads as text decides how the piece is named.
        let paragraphs = passage.text.paragraphs.map(String.init).drop {
            number == 1 && SplitSectionLabels.isHeadingLine($0)
        }
        // A list that started again ("(3)" then "(1)") cannot be named from the section's label:
        // a range stops before it, and pieces after it are not named.
        let restartedBefore = path.restarted
        opensClause = false
        var naming = !restartedBefore
        for (position, paragraph) in paragraphs.enumerated() {
            let opened = path.read(paragraph)
            if position == 0 { opensClause = opened && !restartedBefore }
            guard naming, opened else { continue }
            if path.restarted {
                naming = false
                continue
            }
            if first == nil { first = path }
            last = path
        }
    }
}

extension SplitSectionLabels {
    /// A short line without sentence punctuation: a heading repeated at the top of the text.
    static func isHeadingLine(_ paragraph: String) -> Bool {
        let words = paragraph.split(separator: " ").count
        return words <= 8 && !(paragraph.last.map { ".;:".contains($0) } ?? false)
            && ClauseEnumerator(paragraph) == nil
    }
}
