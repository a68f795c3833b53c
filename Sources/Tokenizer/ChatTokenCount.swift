/// One message as OpenAI counts it.
public struct ChatTurn: Sendable, Hashable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// The message text.
    public var content: String
    /// The optional participant name (costs its tokens plus one).
    public var name: String?

    /// A message with an optional participant name.
    public init(role: String, content: String, name: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
    }
}

extension BPEEncoding {
    /// Tokens of a chat conversation as OpenAI's cookbook counts them.
    ///
    /// 3 per message, plus each value's tokens, plus 1 per `name`, plus 3 for the assistant reply
    /// priming.
    public func chatTokenCount(_ turns: [ChatTurn]) -> Int {
        chatTokenCounts(turns).total
    }

    /// ``chatTokenCount(_:)`` and each turn's content tokens, with every content encoded once
    /// (callers that also need the assistant's share would otherwise encode it twice).
    public func chatTokenCounts(_ turns: [ChatTurn]) -> (total: Int, contents: [Int]) {
        Self.chatTokenCounts(turns, countingWith: count)
    }

    /// The cookbook's accounting over any way of counting one string's tokens (a caller may put a
    /// memo in front of ``count(_:)``).
    public static func chatTokenCounts(_ turns: [ChatTurn], countingWith count: (String) -> Int) -> (
        total: Int, contents: [Int]
    ) {
        var total = 3
        var contents: [Int] = []
        contents.reserveCapacity(turns.count)
        for turn in turns {
            let content = count(turn.content)
            contents.append(content)
            total += 3 + count(turn.role) + content + (turn.name.map { count($0) + 1 } ?? 0)
        }
        return (total, contents)
    }
}
