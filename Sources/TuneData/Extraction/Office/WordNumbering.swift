import Foundation

/// Word's list numbering (`word/numbering.xml`), replayed paragraph by paragraph so each numbered
/// paragraph gets the label Word shows ("1.1", "(a)", "Article IV").
///
/// A `w:num` points at an `w:abstractNum` (its levels: start, format, level text such as "%1.%2"),
/// and may override a level's start (`w:startOverride`, applied when the instance is first used) or
/// the whole level. Instances of one abstract list share counters, as in Word; a level advancing
/// restarts every deeper level.
struct WordNumbering {
    /// One level of a list definition.
    struct Level: Sendable {
        var start = 1
        var format = ListNumberFormat.decimal
        /// The label pattern, `%1`…`%9` standing for the counters of levels 1…9.
        var text = ""
        /// "Legal" numbering: every counter in decimal.
        var isLegal = false
        /// What follows the label: tab and space read as a space, "nothing" as nothing.
        var separator = " "
        /// The paragraph style this level is tied to (numbering through a style).
        var style: String?
    }

    struct Instance: Sendable {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    private var counters: [String: ListCounters] = [:]
    private var usedInstances: Set<String> = []

    init() {}

    /// Reads `numbering.xml`'s root element.
    init(_ root: XMLElement) {
        for element in root.elements {
            if element.name == "w:abstractNum", let id = element.attributes["w:abstractNumId"] {
                var levels: [Int: Level] = [:]
                for level in element.elements where level.name == "w:lvl" {
                    if let index = level.attributes["w:ilvl"].flatMap(Int.init) { levels[index] = Self.level(level) }
                }
                abstracts[id] = levels
            } else if element.name == "w:num", let id = element.attributes["w:numId"],
                let abstractID = element.child("w:abstractNumId")?.attributes["w:val"]
            {
                var instance = Instance(abstractID: abstractID)
                for override in element.elements where override.name == "w:lvlOverride" {
                    guard let index = override.attributes["w:ilvl"].flatMap(Int.init) else { continue }
                    if let start = override.child("w:startOverride")?.attributes["w:val"].flatMap(Int.init) {
                        instance.startOverrides[index] = start
                    }
                    if let level = override.child("w:lvl") { instance.levelOverrides[index] = Self.level(level) }
                }
                instances[id] = instance
            }
        }
    }

    private static func level(_ element: XMLElement) -> Level {
        var level = Level()
        if let start = element.child("w:start")?.attributes["w:val"].flatMap(Int.init) { level.start = start }
        if let format = element.child("w:numFmt")?.attributes["w:val"] { level.format = ListNumberFormat(word: format) }
        level.text = element.child("w:lvlText")?.attributes["w:val"] ?? ""
        if let legal = element.child("w:isLgl") { level.isLegal = WordRuns.isOn(legal) }
        if element.child("w:suff")?.attributes["w:val"] == "nothing" { level.separator = "" }
        level.style = element.child("w:pStyle")?.attributes["w:val"]
        return level
    }

    /// The level of list `numID` tied to paragraph style `style`, for numbering through a style.
    func level(tiedTo style: String, in numID: String) -> Int? {
        guard let instance = instances[numID], let levels = abstracts[instance.abstractID] else { return nil }
        return levels.first { $0.value.style == style }?.key
    }

    /// Advances list `numID` at `level` and returns the label with its separator ("1.2 "), or `nil`
    /// when the list is unknown or numbering is switched off (`numId` 0).
    mutating func label(numID: String, level index: Int) -> String? {
        guard numID != "0", let instance = instances[numID] else { return nil }
        let key = instance.abstractID
        var levels = abstracts[key] ?? [:]
        for (overridden, level) in instance.levelOverrides { levels[overridden] = level }
        guard let level = levels[index] else { return nil }
        var counter = counters[key] ?? ListCounters()
        if usedInstances.insert(numID).inserted {
            for (overridden, start) in instance.startOverrides { counter.restart(overridden, at: start) }
        }
        counter.advance(index, start: level.start)
        counters[key] = counter
        var label = ""
        var characters = Substring(level.text)
        while let first = characters.first {
            characters.removeFirst()
            if first == "%", let digit = characters.first?.wholeNumberValue, (1...9).contains(digit) {
                characters.removeFirst()
                let referenced = levels[digit - 1] ?? Level()
                let format = level.isLegal && referenced.format != .none ? .decimal : referenced.format
                label += format.format(counter.value(digit - 1, start: referenced.start))
            } else {
                label.append(first)
            }
        }
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        // Bullets are symbols from a picture font, not words the reader says: leave them out.
        if level.format == .none, trimmed.unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic }) { return "" }
        return trimmed.isEmpty ? "" : trimmed + level.separator
    }
}
