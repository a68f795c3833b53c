/// Byte-level scans of extracted text for the per-passage hot paths (chunking, templating), where
/// `split(separator: "\n\n")` and `Character` iteration showed up as a tenth of a conversion.
///
/// Extracted text is normalised: every space is an ASCII space and paragraphs are separated by
/// a blank line, so looking at UTF-8 bytes is exact here.
extension StringProtocol {
    /// The paragraphs: the text split at each "\n\n", empty pieces left out (the same pieces as
    /// `split(separator: "\n\n")`).
    var paragraphs: [SubSequence] {
        var pieces: [SubSequence] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == 0x0A, next != utf8.endIndex, utf8[next] == 0x0A {
                if start != index { pieces.append(self[start..<index]) }
                index = utf8.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        if start != utf8.endIndex { pieces.append(self[start..<utf8.endIndex]) }
        return pieces
    }

    /// Whether the text has at least `count` words (runs of characters between ASCII whitespace).
    func hasWords(atLeast count: Int) -> Bool {
        var words = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= count { return true }
            }
        }
        return count <= 0
    }

    /// Whether the text has a straight or left double quote (where a defined term can start).
    var containsOpeningQuote: Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte == 0x22 { return true }
            // “ is E2 80 9C in UTF-8.
            if byte == 0x9C, previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
