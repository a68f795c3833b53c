/// The character classes the split patterns of tiktoken test, as bits of one byte.
///
/// `\p{L}` letter, `\p{N}` number, `\p{M}` mark, `\s` (Unicode White_Space), and the two case-aware sets
/// of o200k's word pattern: `upperish` = `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`,
/// `lowerish` = `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`. `lineBreak` is `[\r\n]` only.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    static let letter = ScalarClass(rawValue: 1)
    static let number = ScalarClass(rawValue: 2)
    static let mark = ScalarClass(rawValue: 4)
    static let whitespace = ScalarClass(rawValue: 8)
    static let upperish = ScalarClass(rawValue: 16)
    static let lowerish = ScalarClass(rawValue: 32)
    static let lineBreak = ScalarClass(rawValue: 64)

    /// The class of one scalar value, from the standard library's Unicode properties.
    static func of(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        var result: ScalarClass = []
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: result = [.letter, .upperish]
        case .lowercaseLetter: result = [.letter, .lowerish]
        case .modifierLetter, .otherLetter: result = [.letter, .upperish, .lowerish]
        case .nonspacingMark, .spacingMark, .enclosingMark: result = [.mark, .upperish, .lowerish]
        case .decimalNumber, .letterNumber, .otherNumber: result = [.number]
        default: break
        }
        if scalar.properties.isWhitespace { result.insert(.whitespace) }
        if value == 0x0A || value == 0x0D { result.insert(.lineBreak) }
        return result
    }
}

/// Scalar classes of the Basic Multilingual Plane, computed once (64 KiB); other planes are
/// classified on demand.
enum ScalarClassTable {
    /// 65,536 class bytes, allocated once and never freed nor written after initialisation.
    nonisolated(unsafe) static let basicPlane: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x1_0000)
        for value in 0..<0x1_0000 { table[value] = ScalarClass.of(UInt32(value)).rawValue }
        return UnsafePointer(table)
    }()
}
