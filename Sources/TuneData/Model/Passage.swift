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
