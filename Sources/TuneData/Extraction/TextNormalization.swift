import Foundation

/// Text clean-up shared by every extractor: Unicode NFC, ligatures expanded, soft hyphens and
/// zero-width characters removed, every kind of space folded to one ASCII space.
///
/// Kept in one place so HTML, PDF and plain text agree on what "the same text" means.
public enum TextNormalization {
    /// Normalises one line or paragraph: collapses runs of whitespace (including newlines) to a
    /// single space and trims the ends.
    public static func normalizeInline(_ text: String) -> String {
        normalizeInline(scalars: text.unicodeScalars, capacity: text.utf8.count)
    }

    /// ``normalizeInline(_:)`` over scalars not yet made into a string (a PDF line's characters).
    static func normalizeInline(scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> String {
        // UTF-8 bytes out, scalars in: printable ASCII is copied without a table lookup (this runs
        // on every line of every document).
        var output: [UInt8] = []
        output.reserveCapacity(capacity)
        var pendingSpace = false
        var isASCII = true
        for scalar in scalars {
            let value = scalar.value
            if value > 0x20 && value < 0x7F {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(UInt8(value))
                continue
            }
            if let expansion = ligature(scalar) {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(contentsOf: expansion.utf8)
                continue
            }
            if isRemoved(scalar) { continue }
            if isSpace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            isASCII = isASCII && value < 0x80
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
        let result = String(decoding: output, as: UTF8.self)
        return isASCII ? result : result.precomposedStringWithCanonicalMapping
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
    public static func normalizePreservingLines(_ text: String) -> String {
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
    /// NFC form, skipping the Foundation call for pure ASCII (already NFC), which is the common case.
    var precomposedStringWithCanonicalMappingIfNeeded: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
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
