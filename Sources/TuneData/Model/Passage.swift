/// A piece of a document sized for one training example, with where it sits in the document.
public struct Passage: Sendable, Hashable, Codable {
    public var documentID: String
    /// Ordinal of the passage within its document, from 0.
    public var index: Int
    /// Breadcrumbs from the outermost heading inwards ("Article 5", "5.2 Notice").
    public var sectionPath: [String]
    /// The section's number as the document writes it ("Section 5.2", "Article V", "§ 12"), if any.
    public var label: String?
    /// The heading text without its number ("Notice"), if any.
    public var heading: String?
    public var text: String
    /// Tokens of `text` in the encoding the passage was budgeted for.
    public var tokenCount: Int
    /// Pages the passage spans (empty for unpaged formats).
    public var pages: [Int]
    /// The clause categories the passage holds (contracts only; see ``ClauseClassifier``).
    public var clauses: [PassageClause] = []
    /// Which piece it is of a section split over several passages; `nil` for a whole section.
    public var part: PassagePart?

    public init(
        documentID: String, index: Int, sectionPath: [String], label: String?, heading: String?,
        text: String, tokenCount: Int, pages: [Int]
    ) {
        self.documentID = documentID
        self.index = index
        self.sectionPath = sectionPath
        self.label = label
        self.heading = heading
        self.text = text
        self.tokenCount = tokenCount
        self.pages = pages
    }

    /// The label of the whole section the passage opens, for the locator: the section's own label
    /// for a whole section or its first piece, `nil` for a later piece.
    public var sectionLabel: String? {
        guard let part else { return label }
        return part.sectionLabel
    }

    /// The breadcrumb path joined for display: "Article 5 › 5.2 Notice".
    public var breadcrumb: String { sectionPath.joined(separator: " › ") }

    private enum CodingKeys: String, CodingKey {
        case documentID, index, sectionPath, label, heading, text, tokenCount, pages, clauses
    }

    /// Decodes a passage; `clauses` may be absent (files written before clause types existed).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        documentID = try values.decode(String.self, forKey: .documentID)
        index = try values.decode(Int.self, forKey: .index)
        sectionPath = try values.decode([String].self, forKey: .sectionPath)
        label = try values.decodeIfPresent(String.self, forKey: .label)
        heading = try values.decodeIfPresent(String.self, forKey: .heading)
        text = try values.decode(String.self, forKey: .text)
        tokenCount = try values.decode(Int.self, forKey: .tokenCount)
        pages = try values.decode([Int].self, forKey: .pages)
        clauses = try values.decodeIfPresent([PassageClause].self, forKey: .clauses) ?? []
    }
}

/// One piece of a section too long for one passage: its place among the pieces.
public struct PassagePart: Sendable, Hashable, Codable {
    /// The section's own label ("Section 2.3") on the first piece, which opens the section.
    public var sectionLabel: String?
    /// 1-based position among the pieces.
    public var number: Int
    public var count: Int

    public init(sectionLabel: String?, number: Int, count: Int) {
        self.sectionLabel = sectionLabel
        self.number = number
        self.count = count
    }
}
