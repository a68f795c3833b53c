import Tokenizer

/// A paragraph's token count on its own and followed by the blank line that joins it to the next,
/// from which the exact count of any run of whole paragraphs follows without encoding it again.
///
/// The tokenizers' pre-tokenization never makes a piece that runs across "\n\n" into text that
/// starts with a non-space (extracted paragraphs are trimmed) — except o200k_base's punctuation
/// piece, which takes a "/" after the newlines (",\n\n/s/ Name"), so a paragraph starting with "/"
/// is counted with its neighbour — nor across a single space into the word after it, and BPE
/// merges stay inside a piece. So the count of paragraphs joined by blank
/// lines is the sum of each one's count with its "\n\n" and the last one's count alone; and a
/// paragraph's count alone differs from its count with "\n\n" only in its last word, which is
/// encoded again on its own to find out.
struct ParagraphTokens: Sendable, Hashable {
    /// Tokens of the paragraph alone.
    var alone: Int
    /// Tokens of the paragraph followed by "\n\n".
    var followed: Int
    /// Whether the paragraph starts with "/", which may join the piece before the blank line.
    var startsWithSlash: Bool

    init(of text: String, encoding: BPEEncoding) {
        startsWithSlash = text.utf8.first == UInt8(ascii: "/")
        // After an ASCII letter or digit the blank line is a piece of its own: one encoding.
        if let last = text.utf8.last,
            (0x30...0x39).contains(last) || (0x41...0x5A).contains(last) || (0x61...0x7A).contains(last)
        {
            alone = encoding.count(text)
            followed = alone + Self.blankLineTokens(encoding)
            return
        }
        followed = encoding.count(text + "\n\n")
        let scalars = text.unicodeScalars
        // The last single space between two non-spaces: a piece starts there.
        if let space = scalars.lastIndex(of: " "), space != scalars.startIndex,
            scalars[scalars.index(before: space)] != " ", scalars.index(after: space) != scalars.endIndex
        {
            let tail = String(text.unicodeScalars[space...])
            alone = followed - (encoding.count(tail + "\n\n") - encoding.count(tail))
        } else {
            alone = encoding.count(text)
        }
    }

    /// Tokens of "\n\n" on its own (one in both encodings; counted, not assumed).
    private static func blankLineTokens(_ encoding: BPEEncoding) -> Int {
        encoding.count("\n\n")
    }

    /// The exact count of the paragraphs joined by blank lines; `nil` when it must be counted
    /// (a paragraph after the first starts with "/").
    static func total(_ paragraphs: [ParagraphTokens]) -> Int? {
        guard let last = paragraphs.last else { return 0 }
        guard !paragraphs.dropFirst().contains(where: \.startsWithSlash) else { return nil }
        return paragraphs.dropLast().reduce(last.alone) { $0 + $1.followed }
    }
}
