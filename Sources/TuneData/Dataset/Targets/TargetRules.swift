/// What a fine-tuning target accepts, as its provider documents it.
///
/// A `nil` limit means the provider does not publish one (or it was not found in its documentation);
/// tunedata then checks nothing for it rather than inventing a number. ``docs`` names the pages every
/// rule was taken from.
public struct TargetRules: Sendable {
    /// The record shapes the target can hold, in the order `tunedata targets` lists them.
    public var shapes: [RecordShape]
    /// The roles a conversation may use, in the target's own words.
    public var roles: String
    /// Whether a system prompt can be carried.
    public var allowsSystem: Bool
    /// Whether more than one user turn can be carried.
    public var allowsMultiTurn: Bool
    /// The per-example token limit, when one is published.
    public var tokenLimit: Int?
    /// The fewest examples a training file may hold, when published.
    public var minimumExamples: Int?
    /// The most examples a training file may hold, when published.
    public var maximumExamples: Int?
    /// The largest training file, when published.
    public var maxFileBytes: Int?
    /// How tunedata counts the target's tokens ("exact: o200k_base" or an estimate).
    public var tokenizer: String
    /// Whether ``tokenizer`` is the target's real tokenizer.
    public var tokensAreExact: Bool
    /// The published training prices tunedata estimates cost from, with their pages (or why there are none).
    public var pricing: TargetPricing
    /// Other limits worth knowing that tunedata does not check, in the provider's words.
    public var notes: [String]
    /// How to upload the files tunedata writes.
    public var upload: String
    /// The documentation pages the rules come from.
    public var docs: [String]

    public init(
        shapes: [RecordShape], roles: String, allowsSystem: Bool, allowsMultiTurn: Bool, tokenLimit: Int?,
        minimumExamples: Int?, maximumExamples: Int?, maxFileBytes: Int?, tokenizer: String, tokensAreExact: Bool,
        pricing: TargetPricing = .unpublished("no published price in tunedata's rules"), notes: [String] = [],
        upload: String, docs: [String]
    ) {
        self.shapes = shapes
        self.roles = roles
        self.allowsSystem = allowsSystem
        self.allowsMultiTurn = allowsMultiTurn
        self.tokenLimit = tokenLimit
        self.minimumExamples = minimumExamples
        self.maximumExamples = maximumExamples
        self.maxFileBytes = maxFileBytes
        self.tokenizer = tokenizer
        self.tokensAreExact = tokensAreExact
        self.pricing = pricing
        self.notes = notes
        self.upload = upload
        self.docs = docs
    }

    /// The tokenizer line shared by targets whose tokenizer tunedata does not have.
    public static let estimatedTokens =
        "estimate: o200k_base counts (the target's tokenizer is not bundled; give --tokenizer tokenizer.json)"
}
