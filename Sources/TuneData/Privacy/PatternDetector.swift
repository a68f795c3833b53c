import Foundation

/// A text prepared once for every detector: the pattern engine works on UTF-16, so the string is
/// bridged a single time per document rather than once per detector.
struct ScannedText {
    let string: String
    let bridged: NSString
    /// The UTF-16 units with ASCII capitals lowered, for finding anchor words.
    let folded: [UInt16]
    var length: Int { folded.count }

    /// Where each ASCII unit stands in ``folded``, built on first use.
    private let firstUnits = FirstUnitOffsets()

    init(_ string: String) {
        self.string = string
        self.bridged = NSString(string: string)
        self.folded = string.utf16.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// The text at UTF-16 offsets `range`.
    func substring(_ range: Range<Int>) -> String {
        bridged.substring(with: NSRange(location: range.lowerBound, length: range.count))
    }

    /// Up to `count` UTF-16 units before `offset`.
    func before(_ offset: Int, count: Int) -> String {
        let start = max(0, offset - count)
        return substring(start..<offset)
    }

    /// UTF-16 offsets where any of `needles` (lower-case ASCII) starts, ignoring ASCII case, in
    /// one pass over the text.
    ///
    /// Every detector asks with its own words, so the text is read once, into the offsets of each
    /// ASCII unit, and each needle is compared only where its first unit stands (one pass per
    /// detector over the whole text was a twentieth of a conversion's CPU).
    func occurrences(ofAny needles: [[UInt16]]) -> [Int] {
        let offsets = firstUnits.offsets(in: folded)
        var found: [Int] = []
        folded.withUnsafeBufferPointer { units in
            for needle in needles where !needle.isEmpty && needle[0] < 128 {
                for start in offsets[Int(needle[0])] where Int(start) + needle.count <= units.count {
                    let start = Int(start)
                    var offset = 1
                    while offset < needle.count && units[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { found.append(start) }
                }
            }
        }
        if needles.count > 1 {
            found.sort()
            var unique: [Int] = []
            unique.reserveCapacity(found.count)
            for start in found where unique.last != start { unique.append(start) }
            return unique
        }
        return found
    }
}

/// The offsets of each ASCII unit of a folded text, built once for all the detectors that read it.
private final class FirstUnitOffsets {
    private var table: [[Int32]]?

    func offsets(in units: [UInt16]) -> [[Int32]] {
        if let table { return table }
        var built = [[Int32]](repeating: [], count: 128)
        for (offset, unit) in units.enumerated() where unit < 128 { built[Int(unit)].append(Int32(offset)) }
        table = built
        return built
    }
}

/// Where a pattern can match: around its anchor words only, so the pattern engine reads a few
/// hundred characters per anchor instead of the whole document.
struct Anchors: Sendable {
    /// Lower-case ASCII words, matched ignoring case; every match of the pattern contains one.
    let words: [[UInt16]]
    /// Instead of words: a scan of the folded UTF-16 units for the offsets of a shape every match
    /// holds (two letters and two digits for an IBAN, `ddd-dd-` for an SSN).
    let finder: (@Sendable ([UInt16]) -> [Int])?
    /// UTF-16 units searched before and after each anchor.
    let before: Int
    let after: Int

    init(_ words: [String], before: Int, after: Int) {
        self.words = words.map { Array($0.lowercased().utf16) }
        self.finder = nil
        self.before = before
        self.after = after
    }

    init(before: Int, after: Int, finder: @escaping @Sendable ([UInt16]) -> [Int]) {
        self.words = []
        self.finder = finder
        self.before = before
        self.after = after
    }

    /// The merged windows around every anchor in `text` (empty when there is none).
    ///
    /// A window starts after a whitespace (up to ``startSlack`` units before its nominal start),
    /// so a pattern's look-behind sees what it would in the whole text and a number is never cut.
    func windows(in text: ScannedText) -> [Range<Int>] {
        let starts = finder?(text.folded) ?? text.occurrences(ofAny: words)
        var windows: [Range<Int>] = []
        for start in starts {
            var lower = max(0, start - before)
            let limit = max(0, lower - Self.startSlack)
            while lower > limit && !Self.isWhitespace(text.folded[lower - 1]) { lower -= 1 }
            let window = lower..<min(text.length, start + after)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                windows.append(window)
            }
        }
        return windows
    }

    /// How far a window's start may move back to reach a whitespace.
    static let startSlack = 32

    static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    static func isWhitespace(_ unit: UInt16) -> Bool { unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) }
    /// An ASCII letter of the folded text (lower case), or any non-ASCII unit (which may be one).
    static func isLetter(_ unit: UInt16) -> Bool { (unit >= 0x61 && unit <= 0x7A) || unit >= 0x80 }
    static func isHexDigit(_ unit: UInt16) -> Bool { isDigit(unit) || (unit >= 0x61 && unit <= 0x66) }

    /// Offsets where one of `words` (lower-case ASCII) stands as a whole word in `units`: no
    /// letter right before or after it.
    static func wholeWords(_ words: [[UInt16]], in units: [UInt16]) -> [Int] {
        starts(of: words, in: units, wholeWords: true)
    }

    /// Offsets in `units` where any of `words` starts (as a whole word when `wholeWords`), in one pass.
    static func starts(of words: [[UInt16]], in units: [UInt16], wholeWords: Bool) -> [Int] {
        // Words by their first unit, in a table of ASCII (every anchor word is ASCII).
        var byFirst = [[[UInt16]]](repeating: [], count: 128)
        for word in words where !word.isEmpty && word[0] < 128 { byFirst[Int(word[0])].append(word) }
        var found: [Int] = []
        units.withUnsafeBufferPointer { units in
            for index in 0..<units.count {
                let unit = units[index]
                guard unit < 128, !byFirst[Int(unit)].isEmpty else { continue }
                if wholeWords && index > 0 && isLetter(units[index - 1]) { continue }
                for word in byFirst[Int(unit)] where index + word.count <= units.count {
                    var offset = 1
                    while offset < word.count && units[index + offset] == word[offset] { offset += 1 }
                    let end = index + word.count
                    if offset == word.count && (!wholeWords || end == units.count || !isLetter(units[end])) {
                        found.append(index)
                        break
                    }
                }
            }
        }
        return found
    }

    /// The start of each group of digits in a run of at least `minimumDigits` digits joined by
    /// single spaces or dashes ("4111 1111 1111 1111"), in one pass over `units`.
    static func digitRuns(minimumDigits: Int, in units: [UInt16]) -> [Int] {
        var found: [Int] = []
        var groups: [Int] = []
        var digits = 0
        units.withUnsafeBufferPointer { units in
            var index = 0
            while index < units.count {
                guard isDigit(units[index]) else {
                    // A single space or dash between two digits joins their groups.
                    let joins =
                        digits > 0 && (units[index] == 0x20 || units[index] == 0x2D) && index + 1 < units.count
                        && isDigit(units[index + 1])
                    if !joins {
                        if digits >= minimumDigits { found += groups }
                        groups.removeAll(keepingCapacity: true)
                        digits = 0
                    }
                    index += 1
                    continue
                }
                if index == 0 || !isDigit(units[index - 1]) { groups.append(index) }
                digits += 1
                index += 1
            }
            if digits >= minimumDigits { found += groups }
        }
        return found
    }

    /// Colons followed, within five units and across hex digits only, by another colon: every
    /// IPv6 address holds such a pair, prose almost never does.
    static func colonPairs(in units: [UInt16]) -> [Int] {
        var found: [Int] = []
        units.withUnsafeBufferPointer { units in
            for index in 0..<units.count where units[index] == 0x3A {
                var next = index + 1
                while next < units.count && next <= index + 5 && isHexDigit(units[next]) { next += 1 }
                if next < units.count && next <= index + 5 && units[next] == 0x3A { found.append(index) }
            }
        }
        return found
    }

    /// Offsets in `units` where `shape` matches, in increasing order.
    ///
    /// In a shape `d` is a digit, `l` a letter (folded, so lower case), `s` one of space, dash or
    /// dot, and anything else itself.
    static func shapes(_ shape: String, in units: [UInt16]) -> [Int] {
        let pattern = Array(shape.utf16)
        guard pattern.count <= units.count else { return [] }
        var found: [Int] = []
        units.withUnsafeBufferPointer { units in
            var index = 0
            let last = units.count - pattern.count
            outer: while index <= last {
                for (offset, expected) in pattern.enumerated() {
                    let unit = units[index + offset]
                    let matches =
                        switch expected {
                        case 0x64: isDigit(unit)
                        case 0x6C: unit >= 0x61 && unit <= 0x7A
                        case 0x73: unit == 0x20 || unit == 0x2D || unit == 0x2E
                        default: unit == expected
                        }
                    if !matches {
                        index += 1
                        continue outer
                    }
                }
                found.append(index)
                index += 1
            }
        }
        return found
    }
}

/// Something that finds values of one or more ``FindingType``s in a text.
protocol PrivacyDetector: Sendable {
    var types: Set<FindingType> { get }
    func findings(in text: ScannedText) -> [PrivacyFinding]
}

/// A detector made of a pattern that proposes candidates and a check that accepts, trims or
/// rejects each one (a checksum, a range table, a keyword nearby).
struct PatternDetector: PrivacyDetector {
    /// What the check sees: the candidate's text and where it is.
    struct Candidate {
        var value: String
        var range: Range<Int>
        let text: ScannedText
    }

    let type: FindingType
    let expression: NSRegularExpression
    /// The capture group holding the value (0: the whole match).
    let group: Int
    /// When set, the pattern runs only around these words (see ``Anchors``).
    let anchors: Anchors?
    /// Returns the accepted value's range (possibly narrowed), or `nil` to reject the candidate.
    let check: @Sendable (Candidate) -> Range<Int>?

    var types: Set<FindingType> { [type] }

    /// A detector for `pattern`; an invalid pattern is a programming error caught by the tests.
    init(
        _ type: FindingType, _ pattern: String, group: Int = 0, caseInsensitive: Bool = false,
        anchors: Anchors? = nil, check: @escaping @Sendable (Candidate) -> Range<Int>? = { $0.range }
    ) {
        self.type = type
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        do {
            expression = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("tunedata: invalid \(type.rawValue) pattern: \(error)")
        }
        self.group = group
        self.anchors = anchors
        self.check = check
    }

    /// A detector whose check is a yes/no test of the value.
    init(
        _ type: FindingType, _ pattern: String, group: Int = 0, caseInsensitive: Bool = false,
        anchors: Anchors? = nil, accept: @escaping @Sendable (String) -> Bool
    ) {
        self.init(type, pattern, group: group, caseInsensitive: caseInsensitive, anchors: anchors) {
            accept($0.value) ? $0.range : nil
        }
    }

    func findings(in text: ScannedText) -> [PrivacyFinding] {
        guard let anchors else { return findings(in: text, window: 0..<text.length, whole: text.string) }
        return anchors.windows(in: text).flatMap { findings(in: text, window: $0, whole: nil) }
    }

    /// Matches inside `window` of the text (the whole text when `whole` is given).
    private func findings(in text: ScannedText, window: Range<Int>, whole: String?) -> [PrivacyFinding] {
        let searched = whole ?? text.substring(window)
        var found: [PrivacyFinding] = []
        let matches = expression.matches(in: searched, range: NSRange(location: 0, length: window.count))
        for match in matches {
            let nsRange = match.range(at: group)
            guard nsRange.location != NSNotFound, nsRange.length > 0 else { continue }
            let start = window.lowerBound + nsRange.location
            let range = start..<(start + nsRange.length)
            let candidate = Candidate(value: text.substring(range), range: range, text: text)
            guard let accepted = check(candidate), !accepted.isEmpty else { continue }
            found.append(PrivacyFinding(type: type, range: accepted, value: text.substring(accepted)))
        }
        return found
    }
}

/// Small checks several detector families share.
enum TextChecks {
    /// The ASCII digits of `text`, in order.
    static func digits(_ text: String) -> [Int] {
        text.utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
    }

    /// Shannon entropy of `text` in bits per character.
    static func entropy(_ text: String) -> Double {
        var counts: [UInt8: Int] = [:]
        for byte in text.utf8 { counts[byte, default: 0] += 1 }
        let total = Double(text.utf8.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }

    /// Whether the text mixes at least two of: digits, lower-case letters, upper-case letters.
    static func mixesCharacterClasses(_ text: String, required: Int = 2) -> Bool {
        var digit = false
        var lower = false
        var upper = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digit = true
            case 0x61...0x7A: lower = true
            case 0x41...0x5A: upper = true
            default: break
            }
        }
        return [digit, lower, upper].count { $0 } >= required
    }
}
