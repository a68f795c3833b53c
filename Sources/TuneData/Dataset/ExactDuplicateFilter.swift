/// Finds examples that repeat an earlier one after folding case, whitespace and punctuation.
///
/// Keys are 128-bit hashes (``Hash128``), so no text is kept:
/// - the whole conversation (roles and contents, message boundaries marked);
/// - when `includeAnswers`, the assistant answer *within one template*: the same clause answered by
///   the same template in fifty contracts is boilerplate, while one passage asked about by several
///   templates ("What does Section 5 provide?", "Which section deals with notice?") is the variety
///   the templates exist to give;
/// - for included (hand-written) examples, their question and their answer across all templates, so
///   that a corrected answer replaces the generated example for the same question or answer.
/// An example whose key was already seen is a duplicate of the first example that produced it.
public struct ExactDuplicateFilter: Sendable {
    /// Which key matched.
    public enum Kind: String, Sendable, Codable {
        case conversation
        case answer
        /// A generated example asks the same question as an included one.
        case question
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
    public func matches(count: Int, jobs: Int = 1, example: @Sendable (Int) -> Example) -> [Match] {
        var conversations: [Hash128: Int] = [:]
        var answers: [Hash128: Int] = [:]
        var includedAnswers: [Hash128: Int] = [:]
        var includedQuestions: [Hash128: Int] = [:]
        conversations.reserveCapacity(count)
        if includeAnswers { answers.reserveCapacity(count) }
        var result: [Match] = []
        // Keys are computed on `jobs` threads; the matching itself runs in order.
        ParallelWork.forEachInOrder(count: count, jobs: jobs) { index in
            let current = example(index)
            return (Self.keys(of: current), current.provenance.template == IncludedExamples.templateName)
        } consume: { index, computed in
            let (keys, isIncluded) = computed
            if let original = conversations[keys.conversation] {
                result.append(Match(index: index, original: original, kind: .conversation))
                return
            }
            if !isIncluded {
                if let original = includedQuestions[keys.question] {
                    result.append(Match(index: index, original: original, kind: .question))
                    return
                }
                if let original = includedAnswers[keys.answer] {
                    result.append(Match(index: index, original: original, kind: .answer))
                    return
                }
            }
            if includeAnswers, let original = answers[keys.templateAnswer] {
                result.append(Match(index: index, original: original, kind: .answer))
                return
            }
            conversations[keys.conversation] = index
            if includeAnswers { answers[keys.templateAnswer] = index }
            if isIncluded {
                includedAnswers[keys.answer] = includedAnswers[keys.answer] ?? index
                includedQuestions[keys.question] = includedQuestions[keys.question] ?? index
            }
        }
        return result
    }

    /// The conversation and answer keys of one example.
    public static func keys(of example: Example) -> (
        conversation: Hash128, answer: Hash128, templateAnswer: Hash128, question: Hash128
    ) {
        var conversation = FoldedTextHasher()
        var answer = FoldedTextHasher()
        var question = FoldedTextHasher()
        for message in example.messages {
            let tag: UInt8 =
                switch message.role {
                case .system: 1
                case .user: 2
                case .assistant: 3
                }
            conversation.addSeparator(tag)
            let isAssistant = message.role == .assistant
            let isUser = message.role == .user
            if isAssistant { answer.addSeparator(tag) }
            if isUser { question.addSeparator(tag) }
            WordFolding.forEachWord(in: message.content) { word in
                conversation.add(word: word)
                if isAssistant { answer.add(word: word) }
                if isUser { question.add(word: word) }
            }
        }
        // A preference record's rejected answer is part of what makes it the record it is.
        if let rejected = example.rejected {
            conversation.addSeparator(5)
            WordFolding.forEachWord(in: rejected) { conversation.add(word: $0) }
        }
        var templateAnswer = answer
        templateAnswer.addSeparator(4)
        WordFolding.forEachWord(in: example.provenance.template) { templateAnswer.add(word: $0) }
        return (conversation.value, answer.value, templateAnswer.value, question.value)
    }
}
