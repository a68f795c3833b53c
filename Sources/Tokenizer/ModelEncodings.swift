/// Which encoding a model uses.
///
/// Covers the models OpenAI lets you fine-tune, with tiktoken's mapping: `gpt-4o*` (incl.
/// `gpt-4o-mini*`), `gpt-4.1*` and the o-series use `o200k_base`; `gpt-3.5-turbo*`, `gpt-4*`,
/// `babbage-002` and `davinci-002` use `cl100k_base`. Fine-tuned names (`ft:gpt-4o-mini-…:org::id`)
/// resolve through their base model.
public enum ModelEncodings {
    /// The model tunedata targets when none is named.
    public static let defaultModel = "gpt-4o-mini-2024-07-18"

    /// Model names (exact, or followed by `-` and a version) and their encodings.
    public static let knownModels: [String: EncodingName] = [
        "gpt-4o": .o200kBase, "gpt-4o-mini": .o200kBase, "chatgpt-4o": .o200kBase,
        "gpt-4.1": .o200kBase, "gpt-4.1-mini": .o200kBase, "gpt-4.1-nano": .o200kBase,
        "gpt-4.5": .o200kBase, "gpt-5": .o200kBase,
        "o1": .o200kBase, "o1-mini": .o200kBase, "o3": .o200kBase, "o3-mini": .o200kBase,
        "o4-mini": .o200kBase,
        "gpt-4": .cl100kBase, "gpt-3.5-turbo": .cl100kBase, "gpt-3.5": .cl100kBase,
        "gpt-35-turbo": .cl100kBase, "babbage-002": .cl100kBase, "davinci-002": .cl100kBase,
    ]

    /// The encoding of a fine-tunable model name, or `nil` when unknown.
    ///
    /// The longest known name that equals `model` or is followed in it by `-` wins, so
    /// `gpt-4o-mini-2024-07-18` is `gpt-4o-mini` and `gpt-4-0613` is `gpt-4`.
    public static func encoding(forModel model: String) -> EncodingName? {
        var base = Substring(model)
        if base.hasPrefix("ft:") {
            base = base.dropFirst(3)
            if let colon = base.firstIndex(of: ":") { base = base[..<colon] }
        }
        var best: (name: String, encoding: EncodingName)?
        for (name, encoding) in knownModels where base == name || base.hasPrefix(name + "-") {
            if name.count > best?.name.count ?? -1 { best = (name, encoding) }
        }
        return best?.encoding
    }
}
