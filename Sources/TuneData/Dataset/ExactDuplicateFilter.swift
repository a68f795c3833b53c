/// Finds examples that repeat an earlier one after folding case, whitespace and punctuation.
///
/// Two keys per example, each a 128-bit hash (``Hash128``), so no text is kept: the whole
/// conversation (roles and contents, message boundaries marked) and, when `includeAnswers`, the
/// assistant answer alone. An example whose key was already seen is a duplicate of the first example
/// that produced it.
public struct ExactDuplicateFilter: Sendable {
    /// Which key matched.
    public enum Kind: String, Sendable, Codable {
        case conversation
        case answer
    }

    /// A dropped example (by position) and the earlier kept one it repeats.
    public struct Match: Sendable, Hashable {
        public var index: Int
        public var original: Int
        public var kind: Kind
    }

    public var includeAnswers: Bool

    public init(includeAnswers: Bool = true) {
        self.includeAnswers = includeAnswers
    }

    /// Duplicates among `examples`, in order; the first copy of each is kept.
    public func matches(in examples: [Example]) -> [Match] {
        matches(count: examples.count) { examples[$0] }
    }

    /// Duplicates among `count` examples that `example(i)` produces in order (so a caller can
    /// stream examples without holding them); only the 128-bit keys are kept.
    public func matches(count: Int, example: (Int) -> Example) -> [Match] {
        var conversations: [Hash128: Int] = [:]
        var answers: [Hash128: Int] = [:]
        conversations.reserveCapacity(count)
        if includeAnswers { answers.reserveCapacity(count) }
        var result: [Match] = []
        for index in 0..<count {
            let keys = Self.keys(of: example(index))
            if let original = conversations[keys.conversation] {
                result.append(Match(index: index, original: original, kind: .conversation))
                continue
            }
            if includeAnswers, let original = answers[keys.answer] {
                result.append(Match(index: index, original: original, kind: .answer))
                continue
            }
            conversations[keys.conversation] = index
            if includeAnswers { answers[keys.answer] = index }
        }
        return result
    }

    /// The conversation and answer keys of one example.
    public static func keys(of example: Example) -> (conversation: Hash128, answer: Hash128) {
        var conversation = FoldedTextHasher()
        var answer = FoldedTextHasher()
        for message in example.messages {
            let tag: UInt8 = switch message.role {
            case .system: 1
            case .user: 2
            case .assistant: 3
            }
            conversation.addSeparator(tag)
            let isAssistant = message.role == .assistant
            if isAssistant { answer.addSeparator(tag) }
            WordFolding.forEachWord(in: message.content) { word in
                conversation.add(word: word)
                if isAssistant { answer.add(word: word) }
            }
        }
        return (conversation.value, answer.value)
    }
}
