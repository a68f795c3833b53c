import Foundation

/// Text clean-up shared by every extractor: Unicode NFC, ligatures expanded, soft hyphens and
/// zero-width characters removed, every kind of space folded to one ASCII space.
///
/// Kept in one place so HTML, PDF and plain text agree on what "the same text" means.
enum TextNormalization {
    /// Normalises one line or paragraph: collapses runs of whitespace (including newlines) to a
    /// single space and trims the ends.
    static func normalizeInline(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Over UTF-8 bytes: printable ASCII is copied as it is, other scalars are decoded.
            var writer = InlineWriter(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead > 0x20 && lead < 0x7F {
                    writer.appendPrintableASCII(lead)
                    index += 1
                    continue
                }
                let (scalar, width) = bytes.scalar(at: index)
                index += width
                writer.append(scalar)
            }
            return writer.finish()
        }
    }

    /// ``normalizeInline(_:)`` over scalars not yet made into a string (a PDF line's characters).
    static func normalizeInline(scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> String {
        var writer = InlineWriter(capacity: capacity)
        for scalar in scalars {
            if scalar.value > 0x20 && scalar.value < 0x7F {
                writer.appendPrintableASCII(UInt8(scalar.value))
            } else {
                writer.append(scalar)
            }
        }
        return writer.finish()
    }

    /// The output of ``normalizeInline(_:)``, built as UTF-8 (this runs on every line of every
    /// document): removed scalars dropped, ligatures expanded, runs of spaces made one.
    private struct InlineWriter {
        private var output: [UInt8] = []
        private var pendingSpace = false
        private var mayNeedComposition = false

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func appendPrintableASCII(_ byte: UInt8) {
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            if let expansion = TextNormalization.ligature(scalar) {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: expansion.utf8)
                return
            }
            if TextNormalization.isRemoved(scalar) { return }
            if TextNormalization.isSpace(scalar) {
                pendingSpace = true
                return
            }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            mayNeedComposition = mayNeedComposition || !TextNormalization.isStableUnderNFC(scalar)
            if let encoded = UTF8.encode(scalar) { output.append(contentsOf: encoded) }
        }

        func finish() -> String {
            let result = String(decoding: output, as: UTF8.self)
            return mayNeedComposition ? result.precomposedStringWithCanonicalMapping : result
        }
    }

    /// True for scalars that NFC leaves alone wherever they stand: combining class 0, their own NFC form, and never the
    /// second half of a composition.
    ///
    /// A line made only of these is already NFC, so the Foundation call is skipped. The ranges cover Latin, Greek,
    /// Cyrillic, general punctuation, currency, symbols and CJK (computed from the Unicode 14 character database).
    static func isStableUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x02FF, 0x0388...0x0482, 0x0488...0x0590, 0x1E00...0x1F70, 0x2002...0x20CF,
            0x212C...0x2328, 0x2E00...0x3029, 0x309B...0xA66E, 0xABEE...0xF8FF, 0xFE30...0xFFFF:
            true
        default: false
        }
    }

    /// The letters a ligature code point stands for, if it is one.
    @inline(__always)
    static func ligature(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        guard value == 0x0132 || value == 0x0133 || (value >= 0xFB00 && value <= 0xFB06) else { return nil }
        return ligatures[value]
    }

    /// Normalises text whose line breaks matter (preformatted blocks): each line is cleaned of
    /// removed characters and trailing spaces, but inner spacing and line breaks stay.
    static func normalizePreservingLines(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let expansion = ligature(scalar) {
                output.append(contentsOf: expansion.unicodeScalars)
            } else if scalar == "\r" {
                continue
            } else if isRemoved(scalar) {
                continue
            } else if scalar == "\u{00A0}" || scalar == "\t" {
                output.append(" ")
            } else {
                output.append(scalar)
            }
        }
        let lines = String(output).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacing(/\s+$/, with: "") }
        return lines.joined(separator: "\n").trimmingBlankLines.precomposedStringWithCanonicalMappingIfNeeded
    }

    /// Scalars dropped outright: soft hyphen, zero-width space/joiners, BOM, and C0/C1 controls
    /// other than whitespace.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        case 0x0000...0x0008, 0x000B, 0x000E...0x001F, 0x007F...0x009F: true
        default: false
        }
    }

    /// Scalars that count as a space: ASCII whitespace, no-break space, the typographic spaces.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    /// Latin ligatures some PDFs and fonts emit as single code points.
    static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st",
        0xFB06: "st", 0x0132: "IJ", 0x0133: "ij",
    ]
}

extension String {
    /// NFC form, skipping the Foundation call when every scalar is one NFC leaves alone
    /// (``TextNormalization/isStableUnderNFC(_:)``), which is the common case.
    var precomposedStringWithCanonicalMappingIfNeeded: String {
        if unicodeScalars.allSatisfy(TextNormalization.isStableUnderNFC) { return self }
        return precomposedStringWithCanonicalMapping
    }

    /// The string without leading and trailing blank lines.
    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
