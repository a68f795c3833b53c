public import Tokenizer

/// Token budgets for passages, in tokens of the target model's encoding.
public struct ChunkingOptions: Sendable, Hashable, Codable {
    /// No passage is longer than this (a single word longer than the budget is the only exception).
    public var maxTokens: Int
    /// Passages shorter than this merge with their neighbours under the same heading when they fit.
    public var minTokens: Int
    /// Tokens of trailing sentences repeated at the start of the next piece when a section is split.
    public var overlapTokens: Int
    /// The encoding budgets are counted in.
    public var encoding: EncodingName

    public init(maxTokens: Int = 512, minTokens: Int = 24, overlapTokens: Int = 0, encoding: EncodingName = .o200kBase)
    {
        self.maxTokens = maxTokens
        self.minTokens = minTokens
        self.overlapTokens = overlapTokens
        self.encoding = encoding
    }
}
