public import Foundation

/// Why a `tokenizer.json` cannot be used for exact counts.
public enum HuggingFaceTokenizerError: Error, CustomStringConvertible {
    /// The file could not be read or is not JSON.
    case unreadable(path: String, reason: String)
    /// The tokenizer is not byte-level BPE (another model type, a normalizer, another pre-tokenizer).
    case unsupported(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unsupported(let path, let reason): "\(path) is not a byte-level BPE tokenizer tunedata can run: \(reason)"
        }
    }
}

/// Exact token counts from a Hugging Face `tokenizer.json` whose model is byte-level BPE.
///
/// Supported: `model.type` `BPE` with `merges`, no normalizer, and a pre-tokenizer that is `ByteLevel`
/// (GPT-2's split pattern when `use_regex` is on) or a `Sequence` of `Split` regex patterns followed by
/// `ByteLevel` (Llama 3, Qwen 2). Text is split by the pattern, each piece's UTF-8 bytes are mapped to
/// the byte-level alphabet, and pairs are merged lowest merge rank first, as the `tokenizers` library
/// does. Counts are of the text alone: no chat template and no special tokens are added.
public struct HuggingFaceBPE: Sendable {
    /// GPT-2's split pattern, which `ByteLevel` uses when `use_regex` is true.
    static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#

    /// The rank of each merge, keyed by its two symbols joined with a space.
    let ranks: [String: Int]
    /// The split patterns applied in order (each piece of one is split by the next).
    let patterns: [NSRegularExpression]
    let addPrefixSpace: Bool
    /// The byte-level alphabet: the symbol each byte is written as.
    let byteSymbols: [String]
    /// A name for messages ("tokenizer.json (vocabulary of 50,257)").
    public let summary: String
    /// The `added_tokens` contents (special tokens such as `<|im_start|>`), longest first: each is one id.
    public let addedTokens: [String]

    /// Reads and checks the tokenizer at `url`.
    ///
    /// - Throws: ``HuggingFaceTokenizerError`` when it cannot be read or is not byte-level BPE.
    public init(contentsOf url: URL) throws(HuggingFaceTokenizerError) {
        let path = url.path
        let root: [String: Any]
        do {
            let data = try Data(contentsOf: url)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw HuggingFaceTokenizerError.unreadable(path: path, reason: "not a JSON object")
            }
            root = object
        } catch let error as HuggingFaceTokenizerError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let model = root["model"] as? [String: Any], model["type"] as? String == "BPE" else {
            throw .unsupported(path: path, reason: "model.type is not BPE")
        }
        if let normalizer = root["normalizer"], !(normalizer is NSNull) {
            throw .unsupported(path: path, reason: "it has a normalizer")
        }
        var ranks: [String: Int] = [:]
        for (rank, merge) in ((model["merges"] as? [Any]) ?? []).enumerated() {
            if let text = merge as? String {
                ranks[text] = ranks[text] ?? rank
            } else if let pair = merge as? [String], pair.count == 2 {
                ranks[pair[0] + " " + pair[1]] = ranks[pair[0] + " " + pair[1]] ?? rank
            }
        }
        var patterns: [String] = []
        var addPrefixSpace = false
        var byteLevel = false
        let steps: [[String: Any]]
        switch root["pre_tokenizer"] {
        case let single as [String: Any] where single["type"] as? String == "Sequence":
            steps = (single["pretokenizers"] as? [[String: Any]]) ?? []
        case let single as [String: Any]:
            steps = [single]
        default:
            steps = []
        }
        for step in steps {
            switch step["type"] as? String {
            case "Split":
                guard let pattern = (step["pattern"] as? [String: Any])?["Regex"] as? String,
                    step["behavior"] as? String == "Isolated", step["invert"] as? Bool != true
                else {
                    throw .unsupported(path: path, reason: "a Split pre-tokenizer that is not an isolated regex")
                }
                patterns.append(pattern)
            case "ByteLevel":
                byteLevel = true
                addPrefixSpace = step["add_prefix_space"] as? Bool ?? false
                if step["use_regex"] as? Bool ?? true { patterns.append(Self.gpt2Pattern) }
            default:
                throw .unsupported(path: path, reason: "pre-tokenizer \(step["type"] ?? "?")")
            }
        }
        guard byteLevel else { throw .unsupported(path: path, reason: "no ByteLevel pre-tokenizer") }
        do {
            self.patterns = try patterns.map { try NSRegularExpression(pattern: $0) }
        } catch {
            throw .unsupported(path: path, reason: "a split pattern Foundation cannot compile")
        }
        self.ranks = ranks
        self.addPrefixSpace = addPrefixSpace
        byteSymbols = Self.byteLevelAlphabet()
        addedTokens = ((root["added_tokens"] as? [[String: Any]]) ?? []).compactMap { $0["content"] as? String }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        let vocabulary = (model["vocab"] as? [String: Any])?.count ?? 0
        summary = "\(url.lastPathComponent) (byte-level BPE, vocabulary of \(vocabulary))"
    }

    /// GPT-2's map from bytes to printable characters: printable Latin-1 bytes stand for themselves,
    /// the others are shifted to U+0100 onwards, in byte order.
    static func byteLevelAlphabet() -> [String] {
        var symbols = [String](repeating: "", count: 256)
        var shifted = 0
        for byte in 0..<256 {
            let printable = (33...126).contains(byte) || (161...172).contains(byte) || (174...255).contains(byte)
            let scalar = printable ? byte : 256 + shifted
            if !printable { shifted += 1 }
            symbols[byte] = String(Character(Unicode.Scalar(UInt32(scalar)) ?? "?"))
        }
        return symbols
    }

    /// The number of tokens of `text`.
    public func count(_ text: String) -> Int {
        let input = addPrefixSpace && !text.hasPrefix(" ") ? " " + text : text
        return pieces(of: input).reduce(0) { $0 + mergedCount(of: $1) }
    }

    /// The number of tokens of `text` when its added tokens are one id each, as `tokenizers` encodes
    /// a rendered chat template: the text is cut at every added token (longest first), and only the
    /// text between them goes through the split patterns and merges.
    public func countWithAddedTokens(_ text: String) -> Int {
        guard !addedTokens.isEmpty else { return count(text) }
        var total = 0
        var rest = Substring(text)
        while !rest.isEmpty {
            var earliest: (range: Range<Substring.Index>, token: String)?
            for token in addedTokens {
                if let range = rest.range(of: token), range.lowerBound < (earliest?.range.lowerBound ?? rest.endIndex) {
                    earliest = (range, token)
                }
            }
            guard let earliest else { break }
            let before = rest[..<earliest.range.lowerBound]
            if !before.isEmpty { total += pieces(of: String(before)).reduce(0) { $0 + mergedCount(of: $1) } }
            total += 1
            rest = rest[earliest.range.upperBound...]
        }
        if !rest.isEmpty { total += pieces(of: String(rest)).reduce(0) { $0 + mergedCount(of: $1) } }
        return total
    }

    /// The pieces the split patterns cut `text` into (text between matches is kept as its own piece).
    func pieces(of text: String) -> [Substring] {
        var current: [Substring] = [Substring(text)]
        for pattern in patterns {
            var next: [Substring] = []
            for piece in current {
                let string = String(piece)
                var last = string.startIndex
                for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                    guard let range = Range(match.range, in: string), !range.isEmpty else { continue }
                    if last < range.lowerBound { next.append(Substring(string[last..<range.lowerBound])) }
                    next.append(Substring(string[range]))
                    last = range.upperBound
                }
                if last < string.endIndex { next.append(Substring(string[last...])) }
            }
            current = next
        }
        return current
    }

    /// Tokens of one piece after merging its byte symbols, lowest rank first.
    func mergedCount(of piece: Substring) -> Int {
        var symbols = piece.utf8.map { byteSymbols[Int($0)] }
        while symbols.count > 1 {
            var best: (rank: Int, index: Int)?
            for index in 0..<(symbols.count - 1) {
                if let rank = ranks[symbols[index] + " " + symbols[index + 1]], rank < (best?.rank ?? .max) {
                    best = (rank, index)
                }
            }
            guard let best else { break }
            let left = symbols[best.index], right = symbols[best.index + 1]
            // Merge every occurrence of the pair, left to right, as tokenizers does for one rank.
            var merged: [String] = []
            merged.reserveCapacity(symbols.count)
            var index = 0
            while index < symbols.count {
                if index + 1 < symbols.count && symbols[index] == left && symbols[index + 1] == right {
                    merged.append(left + right)
                    index += 2
                } else {
                    merged.append(symbols[index])
                    index += 1
                }
            }
            symbols = merged
        }
        return symbols.count
    }
}
