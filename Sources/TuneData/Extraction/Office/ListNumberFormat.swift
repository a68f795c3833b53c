/// How a list level writes its counter: Word's `w:numFmt` values, OpenDocument's `style:num-format`.
enum ListNumberFormat: Sendable, Hashable {
    case decimal
    /// "01", "02"...
    case decimalZero
    case lowerLetter
    case upperLetter
    case lowerRoman
    case upperRoman
    /// A bullet or no number at all: the label is the level text without counters.
    case none

    /// Word's `w:numFmt w:val` (unknown formats count in decimal, as Word falls back).
    init(word value: String) {
        switch value {
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "bullet", "none": self = .none
        default: self = .decimal
        }
    }

    /// OpenDocument's `style:num-format` ("1", "a", "A", "i", "I", or empty for none).
    init(openDocument value: String?) {
        switch value {
        case "1": self = .decimal
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: self = .none
        }
    }

    /// The counter `value` (1-based) written in this format.
    func format(_ value: Int) -> String {
        switch self {
        case .decimal: String(value)
        case .decimalZero: value < 10 && value >= 0 ? "0\(value)" : String(value)
        case .lowerLetter: Self.letters(value)
        case .upperLetter: Self.letters(value).uppercased()
        case .lowerRoman: Self.roman(value).lowercased()
        case .upperRoman: Self.roman(value)
        case .none: ""
        }
    }

    /// Word's letters: a…z, then aa…zz, aaa… (the letter repeated, not base 26).
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    /// Roman numerals in capitals (values outside 1...3999 stay decimal).
    static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, numeral) in table {
            while rest >= amount {
                result += numeral
                rest -= amount
            }
        }
        return result
    }
}

/// The running counters of one list: a level advances, every deeper level restarts.
struct ListCounters: Sendable {
    /// Counter per level; `nil` until the level is first used (or after a higher level advanced).
    private(set) var values: [Int?] = Array(repeating: nil, count: 10)

    /// Advances `level`, starting from `start` when it has no count yet, and restarts deeper levels.
    mutating func advance(_ level: Int, start: Int) {
        guard values.indices.contains(level) else { return }
        values[level] = (values[level] ?? (start - 1)) + 1
        for deeper in (level + 1)..<values.count { values[deeper] = nil }
    }

    /// Sets `level` so its next use gives `start` (a restart override).
    mutating func restart(_ level: Int, at start: Int) {
        guard values.indices.contains(level) else { return }
        values[level] = start - 1
    }

    /// The current count of `level`, or `start` when the level has not been used yet.
    func value(_ level: Int, start: Int) -> Int {
        guard values.indices.contains(level), let value = values[level] else { return start }
        return value
    }
}
