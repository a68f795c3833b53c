/// One message of a chat conversation.
public struct Message: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String
    /// Optional participant name (counts one extra token in OpenAI's accounting).
    public var name: String?
    /// Optional training weight, 0 or 1, only on assistant messages.
    public var weight: Int?

    public init(role: Role, content: String, name: String? = nil, weight: Int? = nil) {
        self.role = role
        self.content = content
        self.name = name
        self.weight = weight
    }
}

/// Where an example came from: enough to find the page it was built from.
public struct Provenance: Sendable, Hashable, Codable {
    /// The source file as given on the command line (or the `--include` file).
    public var source: String
    public var documentID: String
    public var pages: [Int]
    /// The section label or breadcrumb the passage belonged to.
    public var section: String?
    public var template: String
    /// 1-based index of the user phrasing the template picked.
    public var variant: Int
    /// Ordinal of the passage within its document (orders examples deterministically).
    public var passageIndex: Int
    /// The page's canonical URL, for HTML documents that declare one.
    public var url: String?
    /// The clause category id for an example built from a clause ("governing-law"), if any.
    public var clause: String?
    /// The fact's name for an example built from a contract fact ("governing_law"), if any.
    public var fact: String?
    /// Whether the passage came (at least partly) from pages read with OCR; `nil` when not.
    public var ocr: Bool?
    /// The lowest OCR confidence (0–100) of those pages; `nil` for text-layer passages.
    public var ocrConfidence: Int?

    public init(
        source: String, documentID: String, pages: [Int], section: String?, template: String,
        variant: Int, passageIndex: Int, url: String? = nil, clause: String? = nil, fact: String? = nil
    ) {
        self.source = source
        self.documentID = documentID
        self.pages = pages
        self.section = section
        self.template = template
        self.variant = variant
        self.passageIndex = passageIndex
        self.url = url
        self.clause = clause
        self.fact = fact
    }
}

/// A training example: a conversation plus where it came from.
public struct Example: Sendable, Hashable, Codable {
    public var messages: [Message]
    public var provenance: Provenance
    /// The template's category, used for balancing ("qa", "definition", "locate"...).
    public var category: String?
    /// A worse answer to the same prompt, for preference data (the last assistant message is the
    /// preferred one); `nil` for plain supervised examples.
    public var rejected: String?

    public init(messages: [Message], provenance: Provenance, category: String? = nil, rejected: String? = nil) {
        self.messages = messages
        self.provenance = provenance
        self.category = category
        self.rejected = rejected
    }
}
