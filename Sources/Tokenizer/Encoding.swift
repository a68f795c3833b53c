// Placeholder API; the exact BPE implementation replaces this file (issue 3). The public shape below is
// the contract the rest of the package codes against.

/// The tiktoken encodings tunedata knows.
public enum EncodingName: String, Sendable, Hashable, Codable, CaseIterable {
    case cl100kBase = "cl100k_base"
    case o200kBase = "o200k_base"
}

/// A byte-level BPE encoding.
public final class BPEEncoding: Sendable {
    public let name: EncodingName

    init(name: EncodingName) { self.name = name }

    /// The shared instance of an encoding, loaded on first use.
    public static func shared(_ name: EncodingName) -> BPEEncoding {
        BPEEncoding(name: name)
    }

    /// Token ids of `text`, special-token strings encoded as ordinary text.
    public func encode(_ text: String) -> [Int] {
        Array(repeating: 0, count: count(text))
    }

    /// Number of tokens in `text`.
    public func count(_ text: String) -> Int {
        (text.utf8.count + 3) / 4
    }

    /// The bytes the ids stand for.
    public func decode(_ ids: [Int]) -> [UInt8] { [] }

    /// The encoding's special tokens and their ids.
    public var specialTokens: [String: Int] { ["<|endoftext|>": 100257] }

    /// Special-token strings that occur in `text`, in order of appearance.
    public func specialTokenOccurrences(in text: String) -> [String] {
        specialTokens.keys.filter { text.contains($0) }
    }
}

/// One message as OpenAI counts it.
public struct ChatTurn: Sendable, Hashable {
    public var role: String
    public var content: String
    public var name: String?
    public init(role: String, content: String, name: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
    }
}

extension BPEEncoding {
    /// Tokens of a chat conversation as OpenAI's cookbook counts them: 3 per message, plus each
    /// value's tokens, plus 1 per `name`, plus 3 for the assistant reply priming.
    public func chatTokenCount(_ turns: [ChatTurn]) -> Int {
        turns.reduce(3) { total, turn in
            total + 3 + count(turn.role) + count(turn.content) + (turn.name.map { count($0) + 1 } ?? 0)
        }
    }
}

/// Which encoding a model uses.
public enum ModelEncodings {
    /// The model tunedata targets when none is named.
    public static let defaultModel = "gpt-4o-mini-2024-07-18"

    /// The encoding of a fine-tunable model name (prefix match), or `nil` when unknown.
    public static func encoding(forModel model: String) -> EncodingName? {
        model.hasPrefix("gpt-3.5") || model == "gpt-4" || model.hasPrefix("gpt-4-") || model.hasPrefix("babbage")
            || model.hasPrefix("davinci") ? .cl100kBase : .o200kBase
    }
}
