/// Checks that answer text taken from a passage or definition occurs verbatim (up to whitespace) in
/// the extracted document, so no example teaches words the document does not contain.
struct GroundednessCheck {
    private let documentText: [UInt8]
    /// Verdicts already reached, by a hash of the text: the same passage text is checked by
    /// several templates (hashing the string itself would normalise kilobytes each time).
    private var known: [Hash128: Bool] = [:]

    init(document: Document) {
        documentText = Array(Self.folded(document.blocks.map(\.text).joined(separator: " ")).utf8)
    }

    /// True when every grounded variable the template's answers use has a value found in the document.
    mutating func isGrounded(template: Template, context: TemplateContext) -> Bool {
        for variable in template.groundedVariablesInAnswers {
            let values = context.listValues[variable] ?? [context.values[variable] ?? ""]
            for value in values where !value.isEmpty && !isFound(value) {
                return false
            }
        }
        return true
    }

    /// Whether every paragraph of `value` occurs in the document.
    mutating func isFound(_ value: String) -> Bool {
        let key = FastHash.contentKey(value)
        if let verdict = known[key] { return verdict }
        let verdict = value.paragraphs.allSatisfy { contains(Self.folded(String($0))) }
        known[key] = verdict
        return verdict
    }

    /// Where the last value found longer than ``cursorMinimumBytes`` starts in the document text.
    ///
    /// Passages come in reading order, so the next one usually stands just after the last: the
    /// search starts a little before it and wraps round to the start, which finds a value wherever
    /// it is (the verdict is the same as a search from the start) but no longer reads the whole
    /// document up to each passage (on a 54 MB page that made the check quadratic).
    private var cursor = 0
    /// Values this long are passages, whose position moves the cursor; short ones (a name, a
    /// date) may stand anywhere.
    static let cursorMinimumBytes = 256
    /// How far before the cursor the search starts, for a heading or sentence the passage repeats.
    static let cursorSlackBytes = 1 << 16

    private mutating func contains(_ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        if bytes.isEmpty { return true }
        let found = documentText.withUnsafeBufferPointer { haystack in
            bytes.withUnsafeBufferPointer { pattern -> Int? in
                let start = max(0, min(cursor - Self.cursorSlackBytes, haystack.count))
                // From the start on, then before it: an occurrence that begins before the start
                // ends before start + count - 1.
                return haystack.firstOffset(of: pattern, from: start)
                    ?? haystack.firstOffset(of: pattern, to: start + pattern.count - 1)
            }
        }
        guard let found else { return false }
        if bytes.count >= Self.cursorMinimumBytes { cursor = found }
        return true
    }

    /// Whitespace runs folded to one space, so line breaks never decide groundedness; a hyphen rule
    /// (``UnderlineRuns``) counts as whitespace, since passages lose theirs before templates see them.
    ///
    /// Extracted text is already normalised (every Unicode space is an ASCII space), so folding ASCII whitespace is
    /// enough.
    static func folded(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var pendingSpace = false
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = !bytes.isEmpty
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "-") {
                    let run = UnderlineRuns.runLength(in: source, at: index)
                    if UnderlineRuns.isRule(in: source, at: index, length: run) {
                        pendingSpace = !bytes.isEmpty
                        index += run
                        continue
                    }
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(contentsOf: source[index..<(index + run)])
                    index += run
                    continue
                }
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
                index += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
