/// Finds examples that repeat an earlier one after folding case, whitespace and punctuation.
///
/// Keys are 128-bit hashes (``Hash128``), so no text is kept:
/// - the whole conversation (roles and contents, message boundaries marked);
/// - when `includeAnswers`, the assistant answer, whatever template made it: the same clause from
///   two documents (a contract filed twice) is one example, and two templates that both ask for a
///   passage's whole text ("What does Section 5 provide?", "Set out the provisions headed …") are one
///   request under two phrasings. One passage keeps `phrasingsPerPassage` examples with one answer
///   (default 1); templates whose answers differ ("Which section deals with notice?") are untouched;
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
    /// How many examples of one passage may give the same answer: the phrasings of one request.
    public var phrasingsPerPassage: Int

    public init(includeAnswers: Bool = true, phrasingsPerPassage: Int = 1) {
        self.includeAnswers = includeAnswers
        self.phrasingsPerPassage = max(1, phrasingsPerPassage)
    }

    /// Duplicates among `examples`, in order; the first copy of each is kept.
    public func matches(in examples: [Example]) -> [Match] {
        matches(count: examples.count) { examples[$0] }
    }

    /// Duplicates among `count` examples that `example(i)` produces in order (so a caller can
    /// stream examples without holding them); only the 128-bit keys are kept.
    public func matches(count: Int, jobs: Int = 1, example: @Sendable (Int) -> Example) -> [Match] {
        var conversations: [Hash128: Int] = [:]
        // The first example with each answer, its passage, and how many of that passage's examples share it.
        var answers: [Hash128: (index: Int, passage: PassageKey, count: Int)] = [:]
        var includedAnswers: [Hash128: Int] = [:]
        var includedQuestions: [Hash128: Int] = [:]
        conversations.reserveCapacity(count)
        if includeAnswers { answers.reserveCapacity(count) }
        var result: [Match] = []
        // Keys are computed on `jobs` threads; the matching itself runs in order.
        ParallelWork.forEachInOrder(count: count, jobs: jobs) { index in
            let current = example(index)
            let passage = PassageKey(document: current.provenance.documentID, passage: current.provenance.passageIndex)
            return (Self.keys(of: current), current.provenance.template == IncludedExamples.templateName, passage)
        } consume: { index, computed in
            let (keys, isIncluded, passage) = computed
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
            if includeAnswers, let original = answers[keys.answer] {
                guard original.passage == passage, original.count < phrasingsPerPassage else {
                    result.append(Match(index: index, original: original.index, kind: .answer))
                    return
                }
                answers[keys.answer]?.count += 1
            } else if includeAnswers {
                answers[keys.answer] = (index, passage, 1)
            }
            conversations[keys.conversation] = index
            if isIncluded {
                includedAnswers[keys.answer] = includedAnswers[keys.answer] ?? index
                includedQuestions[keys.question] = includedQuestions[keys.question] ?? index
            }
        }
        return result
    }

    /// One passage of one document.
    struct PassageKey: Hashable, Sendable {
        var document: String
        var passage: Int
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
