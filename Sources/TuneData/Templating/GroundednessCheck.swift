#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    private mutating func isFound(_ value: String) -> Bool {
        let key = FastHash.contentKey(value)
        if let verdict = known[key] { return verdict }
        let verdict = value.paragraphs.allSatisfy { contains(Self.folded(String($0))) }
        known[key] = verdict
        return verdict
    }

    private func contains(_ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        if bytes.isEmpty { return true }
        return documentText.withUnsafeBufferPointer { haystack in
            bytes.withUnsafeBufferPointer { pattern in
                guard let base = haystack.baseAddress, let first = pattern.first, let needle = pattern.baseAddress
                else { return false }
                var offset = 0
                let last = haystack.count - pattern.count
                // memchr finds candidate starts; memcmp confirms them.
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if memcmp(base + position, needle, pattern.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }

    /// Whitespace runs folded to one space, so line breaks never decide groundedness.
    ///
    /// Extracted text is already normalised (every Unicode space is an ASCII space), so folding ASCII whitespace is
    /// enough.
    static func folded(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
