/// Preformatted text (`<pre>`) that is prose rather than code.
///
/// Licence texts and notices hard-wrapped at 72 or 80 columns: kept as a code block it would put a line break in every
/// sentence of every answer; read as prose it becomes paragraphs again.
enum PreformattedText {
    /// The text as hard-wrapped prose, or `nil` when it reads as code.
    ///
    /// A licence set as a source comment (" * Redistribution and use …") is prose once its comment marks are taken off.
    static func prose(_ text: String) -> String? {
        let uncommented = withoutCommentMarks(text)
        return isProse(uncommented) ? uncommented : nil
    }

    /// The text without the comment marks every line of it carries ("*", "#", "//"), and without
    /// the lines that open or close the comment ("/*", "*/").
    static func withoutCommentMarks(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop(while: \.isWhitespace) }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty || last.allSatisfy({ "/* ".contains($0) }) { lines.removeLast() }
        // "/* Copyright …" opens the comment: its words are kept, read as if the line began with
        // the mark the other lines carry.
        let opening = lines.first?.hasPrefix("/*") == true
        if opening { lines[0] = "*" + lines[0].dropFirst(2).drop(while: { $0 == "*" }) }
        let written = lines.filter { !$0.isEmpty }
        guard written.count >= 3,
            let mark = ["//", "*", "#"].first(where: { mark in written.allSatisfy { $0.hasPrefix(mark) } })
        else { return text }
        return lines.map { line in
            let words = line.dropFirst(mark.count).drop(while: \.isWhitespace)
            // A rule of "=" or "-" between parts of the comment is a blank line.
            return words.contains(where: { $0.isLetter || $0.isNumber }) ? String(words) : ""
        }.joined(separator: "\n")
    }

    /// Whether the text reads as hard-wrapped prose: several lines, mostly words, few of the
    /// symbols code is made of.
    static func isProse(_ text: String) -> Bool {
        var lines = 0
        var words = 0
        var letters = 0
        var visible = 0
        var symbols = 0
        for line in text.split(separator: "\n") where line.contains(where: { !$0.isWhitespace }) {
            lines += 1
            words += line.split(separator: " ").count
            for character in line where !character.isWhitespace {
                visible += 1
                if character.isLetter { letters += 1 } else if "{}[];=<>$\\|`#*_~^".contains(character) { symbols += 1 }
            }
        }
        guard lines >= 3, visible > 0 else { return false }
        return words >= lines * 5 && letters * 4 >= visible * 3 && symbols * 100 < visible
    }

    /// The paragraphs of hard-wrapped prose: blank lines separate paragraphs, a line opening with
    /// an enumerator after a line that ended a clause starts a new one, and the lines of a
    /// paragraph are joined with single spaces (none after a hyphen that ends a line).
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func flush() {
            // A line ending in a hyphen after a letter carries on the word: "NON-" + "EXCLUSIVE".
            var joined = ""
            for line in current {
                if !joined.isEmpty, !(joined.hasSuffix("-") && joined.dropLast().last?.isLetter == true) {
                    joined += " "
                }
                joined += line
            }
            joined = TextNormalization.normalizeInline(joined)
            if !joined.isEmpty { paragraphs.append(joined) }
            current = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop(while: \.isWhitespace)
            if line.isEmpty {
                flush()
                continue
            }
            if let previous = current.last, let end = previous.last(where: { !$0.isWhitespace }), ".;:".contains(end),
                line.prefixMatch(of: LegalEnumerator.prosaicLineStart) != nil
            {
                flush()
            }
            current.append(line)
        }
        flush()
        return paragraphs
    }
}
