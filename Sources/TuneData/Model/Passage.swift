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
}
