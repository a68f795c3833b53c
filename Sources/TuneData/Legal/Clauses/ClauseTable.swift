import Foundation

/// One of the 41 clause categories of CUAD, with the rules that recognise it.
///
/// The rules live in `ClauseRules.json` beside this file (one entry per category) so they can be
/// tuned against `Benchmarks/clauses/` without touching code.
public struct ClauseCategory: Sendable, Decodable {
    /// The category name in lower case, other characters folded to one hyphen ("rofr-rofo-rofn").
    public let id: String
    /// CUAD's name of the category ("Rofr/Rofo/Rofn").
    public let name: String
    /// How a question names it ("a right of first refusal").
    public let topic: String
    /// Heading phrases: a passage under such a heading is this clause.
    let headings: [String]
    /// Sentence patterns (see ``PhrasePattern``): a sentence matching one is this clause.
    let patterns: [String]
    /// Phrases that veto a sentence the patterns matched.
    let unless: [String]
    /// How many words apart a pattern's slots may match (nil: anywhere in the sentence).
    ///
    /// For categories whose words also meet by chance in a long sentence ("… may not register …
    /// Sites … those we assign …" is no restriction on assignment).
    let window: Int?
    /// Whether a passage whose heading names the category outranks sentence hits elsewhere: when
    /// a contract has a section titled "Insurance", an insurance word in its tax clause is no
    /// second insurance clause.
    let headingOutranks: Bool
    /// Whether a template may say a contract lacks this clause (measured recall ≥ 0.95).
    public let mayBeDenied: Bool

    private enum CodingKeys: String, CodingKey {
        case id, name, topic, headings, patterns, unless, window, headingOutranks, mayBeDenied
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        name = try values.decode(String.self, forKey: .name)
        id = try values.decodeIfPresent(String.self, forKey: .id) ?? Self.id(for: name)
        topic = try values.decode(String.self, forKey: .topic)
        headings = try values.decodeIfPresent([String].self, forKey: .headings) ?? []
        patterns = try values.decodeIfPresent([String].self, forKey: .patterns) ?? []
        unless = try values.decodeIfPresent([String].self, forKey: .unless) ?? []
        window = try values.decodeIfPresent(Int.self, forKey: .window)
        headingOutranks = try values.decodeIfPresent(Bool.self, forKey: .headingOutranks) ?? false
        mayBeDenied = try values.decodeIfPresent(Bool.self, forKey: .mayBeDenied) ?? false
    }

    /// "Rofr/Rofo/Rofn" → "rofr-rofo-rofn"; "Affiliate License-Licensee" → "affiliate-license-licensee".
    public static func id(for name: String) -> String {
        var id = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                id.append(character)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
        }
        while id.last == "-" { id.removeLast() }
        return id
    }
}

/// The clause categories and their compiled rules, in CUAD's column order.
public struct ClauseTable: Sendable {
    /// The categories as listed in `ClauseRules.json`.
    public let categories: [ClauseCategory]
    let compiled: [CompiledRules]

    struct CompiledRules: Sendable {
        let headings: [Phrase]
        let patterns: [PhrasePattern]
        let unless: [Phrase]
    }

    init(categories: [ClauseCategory]) {
        self.categories = categories
        compiled = categories.map { category in
            CompiledRules(
                headings: category.headings.map(Phrase.init),
                patterns: category.patterns.map { PhrasePattern($0, window: category.window) },
                unless: category.unless.map(Phrase.init))
        }
    }

    /// The shipped table (empty if the resource is missing, which the tests rule out).
    public static let shipped: ClauseTable = {
        guard let url = Bundle.module.url(forResource: "ClauseRules", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let categories = try? JSONDecoder().decode([ClauseCategory].self, from: data)
        else { return ClauseTable(categories: []) }
        return ClauseTable(categories: categories)
    }()

    /// The category with this id.
    public func category(_ id: String) -> ClauseCategory? {
        categories.first { $0.id == id }
    }
}
