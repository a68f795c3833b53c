/// Page furniture that survives extraction inside passage text: page counters, confidential
/// legends, word-processor file names, running page labels.
///
/// Used twice: whole paragraphs that are only furniture are removed from a passage before templates
/// see it (``strippingFurnitureParagraphs(_:)``), and the quality gate drops answers that still carry
/// furniture inside a paragraph.
enum AnswerFurniture {
    /// One kind of furniture: a regular expression and a cheap test that must pass before it runs.
    ///
    /// Swift's regular expressions are slow and run on every paragraph of every passage twice (the
    /// furniture strip and the quality gate), so each pattern gets a cue that is true of every text the
    /// pattern can match and of few others ("damages" or "coverage" must not wake the page counter).
    struct Pattern: Sendable {
        let cue: @Sendable (Substring) -> Bool
        nonisolated(unsafe) let regex: Regex<Substring>
    }

    /// Furniture anywhere in a paragraph.
    static let patterns: [Pattern] = [
        // "Page 33 of 39", "PAGE 3 OF 9"
        Pattern(cue: { hasPageNumber($0) }, regex: /\b(?i:page)\s+[0-9]{1,4}\s+(?i:of)\s+[0-9]{1,4}\b/),
        // "sow0501.lwp", "contract_v3.doc" (word-processor files, not web addresses)
        Pattern(
            cue: {
                $0.containsBytes(".lwp") || $0.containsBytes(".wpd") || $0.containsBytes(".doc")
                    || $0.containsBytes(".rtf")
            },
            regex: /(?:^|[\s(])[A-Za-z][\w\-]{2,}\.(?:lwp|wpd|docx?|rtf)\b/),
        // "Source: EXACT SCIENCES CORP, 8-K, 8/22/2018" (the EDGAR copy's page footer)
        Pattern(
            cue: { $0.containsBytes("Source:") },
            regex:
                /(?:\b[0-9]{1,3}\s+)?Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}(?:\s+Table of Contents)?/
        ),
        // "CONFIDENTIAL TREATMENT REQUESTED BY ACHAOGEN, INC." running headers, and the footer's
        // "Confidential Treatment has been requested with respect to the omitted portions." whole
        // (a remnant "with respect to the omitted portions." read as a paragraph of the answer)
        Pattern(
            cue: { $0.containsASCIICaseInsensitive("confidential") && $0.containsASCIICaseInsensitive("treatment") },
            regex: confidentialTreatment),
        // "[***] Certain information in this document has been omitted and filed separately with the
        // Securities and Exchange Commission.", "[*****] Confidential material redacted and filed
        // separately ...", "*** Omitted pursuant to a confidential treatment request filed separately.",
        // "*** Text Omitted and Filed Separately" (EDGAR redaction footers and cover legends)
        Pattern(
            cue: { $0.containsASCIICaseInsensitive("filed separately") },
            regex:
                /(?:\[\*+\]\s*)?(?i:(?:certain (?:confidential )?information (?:contained )?in this (?:document|exhibit|agreement)|the confidential (?:redacted )?portions?|confidential portions)(?:, marked by \[\*+\],)? (?:has|have) been omitted and filed separately with the (?:securities and exchange )?commission|confidential material (?:has been )?redacted and filed separately with the (?:securities and exchange )?commission)\.?|(?:_{3,}\s*)?\*{3,}\s*(?i:omitted pursuant to a (?:request for )?confidential treatment(?: request)?(?: and)? filed separately(?: with the (?:securities and exchange )?commission)?)\.?|\*{3,}\s*(?i:text omitted and filed separately)\.?/
        ),
        // "Cargill Confidential - 10 - *": a party's confidential legend with the page number, a footer
        Pattern(
            cue: { $0.containsBytes(" Confidential") },
            regex: /\b[A-Z][A-Za-z&]+ Confidential\s+[-–]\s*[0-9]{1,3}\s*[-–](?:\s*\*)?/),
        // "IBM Confidential", "Company Confidential" as a running label
        Pattern(
            cue: { $0.containsBytes(" Confidential") },
            regex:
                /\b(?:[A-Z]{2,}|Company|Proprietary and) Confidential\b(?! (?:Information|information|Treatment|treatment))/
        ),
        // "STAMPS\n------" (a heading's underline typed as hyphens), "- ------------ Miles Ledgerwood";
        // only at a line's start: a rule inside a sentence ("the performance of ---- the parties") is
        // an underline artefact of words the answer still needs
        Pattern(cue: { $0.containsBytes("-----") }, regex: /(?m)^[ \t]*(?:-\s)?-{5,}(?=\s|$)/),
        // "[The remainder of this page is intentionally left blank.]", "[Signature Page Follows]":
        // a note about the printed page, not a term
        Pattern(
            cue: {
                $0.containsASCIICaseInsensitive("left blank") || $0.containsASCIICaseInsensitive("page follows")
                    || $0.containsASCIICaseInsensitive("pages follow")
            },
            regex: blankPageNote),
        // "1 │ Page"
        Pattern(
            cue: { ($0.containsBytes("│") || $0.containsBytes("|")) && $0.containsBytes("Page") },
            regex: /[0-9]+\s*[│|]\s*Page\b/),
    ]

    /// An EDGAR copy's confidential-treatment legend, in answers and in text copies' running headers.
    ///
    /// "Confidential Treatment Requested by Achaogen, Inc.", "… Requested Under 17 C.F.R. §§
    /// 200.80(b)(4) and 203.406", "Confidential treatment has been requested with respect to the
    /// omitted portions."; as the running header opening a page of a text copy it is read by
    /// ``TextPageBreaks``.
    nonisolated(unsafe) static let confidentialTreatment: Regex<Substring> =
        /(?i:confidential treatment (?:has been )?requested)(?: (?i:by) [A-Z][A-Za-z0-9&.,'\- ]{1,60}?(?i:inc|corp|corporation|ltd|llc|l\.l\.c|company|co)\.?(?=\s|$))?(?i: (?:with respect to the omitted portions|for the bracketed portions|as to the omitted portions)\.?)?(?i: under 17 C\.F\.R\. (?:§§?|sections?) ?[0-9.()a-z]+(?: and [0-9.()a-z]+)?)?/

    /// A note that the rest of the printed page is blank or that the signature page follows, with
    /// its brackets: "[The remainder of this page is intentionally left blank; signature page follows.]",
    /// "<Signature page follows.>".
    nonisolated(unsafe) static let blankPageNote: Regex<Substring> =
        /[\[(<]?\s*(?i:(?:the\s+)?(?:remainder|rest|balance)\s+of\s+(?:this\s+)?page\s+(?:has\s+been\s+|is\s+)?(?:intentionally\s+)?left\s+blank|(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?intentionally\s+left\s+blank|signature\s+pages?\s+(?:to\s+)?follows?)[^\])>\n.]{0,60}\.?\s*[\])>]?/

    /// Whether any furniture pattern could match `text` (every pattern's cue, none of the regexes).
    static func mayHoldFurniture(_ text: Substring) -> Bool {
        patterns.contains { $0.cue(text) }
    }

    /// Whether `text` holds "page" in any letter case followed by spaces and a digit ("Page 7", "PAGE 3 OF 9").
    static func hasPageNumber(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 5 < bytes.count {
                if bytes[index] | 0x20 == UInt8(ascii: "p"), bytes[index + 1] | 0x20 == UInt8(ascii: "a"),
                    bytes[index + 2] | 0x20 == UInt8(ascii: "g"), bytes[index + 3] | 0x20 == UInt8(ascii: "e")
                {
                    var next = index + 4
                    while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\n") {
                        next += 1
                    }
                    if next > index + 4, next < bytes.count,
                        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next])
                    {
                        return true
                    }
                    index = next
                } else {
                    index += 1
                }
            }
            return false
        }
    }

    /// A paragraph that is nothing but furniture: a page counter, a legend, "- 7 -", "Page 7".
    nonisolated(unsafe) static let wholeParagraph: Regex<Substring> =
        /Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}|(?i:(?:page\s+)?-?\s*[0-9]{1,4}\s*-?(?:\s+of\s+[0-9]{1,4})?|[\w&.,' ]{0,60}\s*confidential(?:\s+[\w.]+){0,3}|.{0,80}\.(?:lwp|wpd)(?:\s+page\s+[0-9]+(?:\s+of\s+[0-9]+)?)?|[0-9]+\s*[│|]\s*page|-\s*\[\s*\*+\s*\])/

    /// Whether ``wholeParagraph`` could match `text`: a short line, a page number, a confidential
    /// legend, a word-processor file name, or a furniture pattern's cue.
    static func mayBeWholeFurniture(_ text: Substring) -> Bool {
        text.prefix(13).count <= 12 || hasPageNumber(text) || text.containsASCIICaseInsensitive("confidential")
            || text.containsBytes(".lwp")
            || text.containsBytes(".wpd") || text.containsBytes("Source:") || text.containsBytes("│")
            || text.containsBytes("|") || text.containsBytes("-----")
    }

    /// `text` without its furniture: paragraphs that are only furniture go, and furniture inside a
    /// paragraph ("… the media 23 Source: ACME CORP, 8-K, 8/22/2018 plan …") is cut out by splitting
    /// the paragraph around it, so every paragraph left is still a verbatim piece of the document.
    static func strippingFurnitureParagraphs(_ text: String) -> String {
        let pieces = text.paragraphPieces
        // Most passages hold no furniture: their pieces pass the cheap cues and the text is returned
        // as it came (the join of unchanged pieces is the text itself).
        guard pieces.contains(where: { mayHoldFurniture($0) || mayBeDropped($0.whitespaceTrimmed) }) else {
            return text
        }
        let paragraphs = pieces.flatMap(splitAroundFurniture)
        let kept = paragraphs.filter { paragraph in
            let trimmed = paragraph.whitespaceTrimmed
            guard mayBeDropped(trimmed) else { return true }
            return !trimmed.isEmpty && String(trimmed).wholeMatch(of: wholeParagraph) == nil
        }
        let result = kept.joined(separator: "\n\n")
        return result == text ? text : result
    }

    /// Longest paragraph, in characters, that can be whole furniture (a legend with a file name and a
    /// page counter runs to about 100; anything longer is prose that mentions one).
    static let longestWholeFurniture = 120

    /// Whether a trimmed paragraph is empty (dropped) or may be whole furniture (matched against
    /// ``wholeParagraph``).
    private static func mayBeDropped(_ trimmed: Substring) -> Bool {
        trimmed.isEmpty
            || (trimmed.prefix(longestWholeFurniture + 1).count <= longestWholeFurniture
                && mayBeWholeFurniture(trimmed))
    }

    /// The pieces of a paragraph either side of the furniture inside it (the paragraph itself when there is none).
    static func splitAroundFurniture(_ paragraph: Substring) -> [String] {
        guard mayHoldFurniture(paragraph) else { return [String(paragraph)] }
        var pieces: [String] = []
        var rest = paragraph
        let candidates = patterns.filter { $0.cue(paragraph) }
        while let match = candidates.lazy.compactMap({ rest.firstMatch(of: $0.regex) }).min(by: {
            $0.range.lowerBound < $1.range.lowerBound
        }) {
            pieces.append(String(rest[..<match.range.lowerBound]).trimmingWhitespace)
            rest = rest[match.range.upperBound...]
        }
        pieces.append(String(rest).trimmingWhitespace)
        return pieces.filter { !$0.isEmpty }
    }
}
