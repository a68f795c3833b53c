import Foundation

/// The tiktoken encodings tunedata knows.
public enum EncodingName: String, Sendable, Hashable, Codable, CaseIterable {
    case cl100kBase = "cl100k_base"
    case o200kBase = "o200k_base"

    /// The special tokens of the encoding and their ids, as tiktoken defines them.
    var specialTokens: [String: Int] {
        switch self {
        case .cl100kBase:
            [
                "<|endoftext|>": 100_257, "<|fim_prefix|>": 100_258, "<|fim_middle|>": 100_259,
                "<|fim_suffix|>": 100_260, "<|endofprompt|>": 100_276,
            ]
        case .o200kBase: ["<|endoftext|>": 199_999, "<|endofprompt|>": 200_018]
        }
    }
}

/// A byte-level BPE encoding, token for token identical to tiktoken's.
///
/// Text is split by the encoding's pre-tokenisation pattern, then each piece is merged byte pair by
/// byte pair in rank order. Special-token strings in the text are encoded as ordinary text (like
/// tiktoken's `encode_ordinary`); `specialTokenOccurrences(in:)` finds them. Instances are immutable
/// and safe to use from any thread.
public final class BPEEncoding: Sendable {
    /// Which encoding this is.
    public let name: EncodingName
    let ranks: RankTable
    private let specialTokensByID: [Int: String]

    init(name: EncodingName, ranks: RankTable) {
        self.name = name
        self.ranks = ranks
        self.specialTokensByID = Dictionary(uniqueKeysWithValues: name.specialTokens.map { ($0.value, $0.key) })
    }

    /// Loads an encoding from the `.tiktoken` file shipped in the package's resources.
    ///
    /// - Throws: `VocabularyError` when the resource is missing or malformed, or the error of reading it.
    public convenience init(loading name: EncodingName) throws {
        guard let url = Self.vocabularyURL(name) else {
            throw VocabularyError.missingResource("Vocabularies/\(name.rawValue).tiktoken")
        }
        let data = try Data(contentsOf: url)
        self.init(name: name, ranks: try RankTable(tiktokenData: data))
    }

    /// Where the package's `.tiktoken` file of `name` is.
    static func vocabularyURL(_ name: EncodingName) -> URL? {
        Bundle.module.url(forResource: name.rawValue, withExtension: "tiktoken", subdirectory: "Vocabularies")
    }

    /// The shared instance of an encoding, loaded on first use (once, thread-safely).
    ///
    /// The vocabularies ship inside the package, so loading cannot fail short of a broken install,
    /// which stops the program with the reason.
    public static func shared(_ name: EncodingName) -> BPEEncoding {
        switch name {
        case .cl100kBase: SharedEncodings.cl100kBase
        case .o200kBase: SharedEncodings.o200kBase
        }
    }

    /// Number of ordinary (non-special) tokens in the vocabulary.
    public var vocabularySize: Int { ranks.count }

    /// Token ids of `text`, special-token strings encoded as ordinary text.
    public func encode(_ text: String) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(text.utf8.count / 4 + 1)
        forEachToken(in: text) { ids.append(Int($0)) }
        return ids
    }

    /// Number of tokens in `text`.
    public func count(_ text: String) -> Int {
        var total = 0
        forEachToken(in: text) { _ in total += 1 }
        return total
    }

    /// The bytes the ids stand for; ids of special tokens give their strings, unknown ids nothing.
    public func decode(_ ids: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        for id in ids {
            if id >= 0, id < ranks.count {
                bytes.append(contentsOf: ranks.bytes(ofRank: id))
            } else if let special = specialTokensByID[id] {
                bytes.append(contentsOf: special.utf8)
            }
        }
        return bytes
    }

    /// The text the ids stand for; invalid UTF-8 (a sequence cut inside a character) becomes U+FFFD.
    public func decodeString(_ ids: [Int]) -> String {
        String(decoding: decode(ids), as: UTF8.self)
    }

    /// The encoding's special tokens and their ids.
    public var specialTokens: [String: Int] { name.specialTokens }

    /// Every occurrence of a special-token string in `text`, in order of appearance.
    ///
    /// OpenAI rejects training files that contain them, so the dataset validator reports these.
    public func specialTokenOccurrences(in text: String) -> [String] {
        let tokens = name.specialTokens.keys.map { Array($0.utf8) }
        var found: [String] = []
        var utf8 = Array(text.utf8)
        utf8.append(0)
        var index = 0
        while index + 1 < utf8.count {
            if utf8[index] == 0x3C, utf8[index + 1] == 0x7C,  // "<|"
                let token = tokens.first(where: { utf8[index...].starts(with: $0) })
            {
                found.append(String(decoding: token, as: UTF8.self))
                index += token.count
            } else {
                index += 1
            }
        }
        return found
    }

    // MARK: Encoding loop

    /// Calls `body` with each token id of `text`, in order.
    func forEachToken(in text: String, _ body: (UInt32) -> Void) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, body) }
    }

    /// Calls `body` with each token id of `bytes`, in order; `bytes` must be valid UTF-8 (a `String`'s
    /// storage), since the pre-tokenizer decodes scalars without bounds checks.
    func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let splitter = PreTokenizer(text: bytes, pattern: name)
        BytePairMerger.withMerger(ranks: ranks) { merger in
            var start = 0
            while start < bytes.count {
                let end = splitter.pieceEnd(from: start)
                merger.merge(base + start, count: end - start, emit: body)
                start = end
            }
        }
    }
}

/// The lazily loaded shared encodings (Swift initialises static stored properties once, atomically).
enum SharedEncodings {
    static let cl100kBase = load(.cl100kBase)
    static let o200kBase = load(.o200kBase)

    private static func load(_ name: EncodingName) -> BPEEncoding {
        do {
            return try BPEEncoding(loading: name)
        } catch {
            fatalError("Tokenizer: cannot load \(name.rawValue): \(error)")
        }
    }
}
