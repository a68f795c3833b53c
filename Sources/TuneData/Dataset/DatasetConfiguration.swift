/// Everything the Dataset stage needs to know: target model, output format, dedup, balance and split.
///
/// Missing keys take their defaults when decoded, so a partial configuration file is enough.
public struct DatasetConfiguration: Sendable, Codable, Hashable {
    /// The model the data is for; it decides the tokenizer and the per-example token limit.
    public var model: String
    /// The record shape: chat, completion or preference.
    public var format: RecordShape
    /// The fine-tuning target (a ``TargetRegistry`` name) whose layout and rules the files follow.
    public var target: String
    /// Pair each generated example with the answer of another passage of the same document to the
    /// same question, as its rejected answer (preference data).
    public var hardNegatives: Bool
    /// A Hugging Face `tokenizer.json` for exact counts in validation (`--tokenizer FILE`).
    public var tokenizerFile: String?
    /// Training epochs for the cost estimate (`--epochs`); the provider's default when absent.
    public var epochs: Int?
    /// The share of documents (not examples) put in the validation split.
    public var validationFraction: Double
    /// Seeds the split and the balancing samples; the same seed gives the same dataset.
    public var seed: UInt64
    /// Estimated Jaccard similarity (of 5-word shingles) at or above which two examples are near-duplicates.
    public var nearDuplicateThreshold: Double
    /// Also drop examples whose assistant answer alone repeats an earlier one (after normalisation).
    public var deduplicateAnswers: Bool
    /// Examples one passage may give with the same answer: the phrasings of one request (default 1,
    /// so "What does Section 5 provide?" and "Set out the provisions headed …" are one example).
    public var phrasings: Int
    /// At most this many examples from one document.
    public var maxPerDocument: Int?
    /// At most this share (0...1) of all examples from one document.
    public var maxDocumentShare: Double?
    public var maxPerTemplate: Int?
    public var maxPerCategory: Int?
    /// Output files larger than this are split into numbered shards (OpenAI's upload limit is 512 MB).
    public var maxFileBytes: Int

    public static let defaultMaxFileBytes = 512 * 1024 * 1024
    /// The former `--format messages`, kept as an alias of `--target trl --format chat`.
    public static let messagesAlias = "messages"

    /// The target ``target`` names (OpenAI when the name is unknown).
    public var outputTarget: any OutputFormat { TargetRegistry.resolved(target) }

    public init(
        model: String = ModelLimits.defaultModel, format: RecordShape = .chat,
        target: String = TargetRegistry.defaultName, hardNegatives: Bool = false, tokenizerFile: String? = nil,
        validationFraction: Double = 0.1, seed: UInt64 = 0, nearDuplicateThreshold: Double = 0.8,
        deduplicateAnswers: Bool = true, maxPerDocument: Int? = nil, maxDocumentShare: Double? = nil,
        maxPerTemplate: Int? = nil, maxPerCategory: Int? = nil, maxFileBytes: Int = defaultMaxFileBytes,
        phrasings: Int = 1
    ) {
        self.model = model
        self.format = format
        self.target = target
        self.hardNegatives = hardNegatives
        self.tokenizerFile = tokenizerFile
        self.validationFraction = validationFraction
        self.seed = seed
        self.nearDuplicateThreshold = nearDuplicateThreshold
        self.deduplicateAnswers = deduplicateAnswers
        self.maxPerDocument = maxPerDocument
        self.maxDocumentShare = maxDocumentShare
        self.maxPerTemplate = maxPerTemplate
        self.maxPerCategory = maxPerCategory
        self.maxFileBytes = maxFileBytes
        self.phrasings = phrasings
    }

    private enum CodingKeys: String, CodingKey {
        case model, format, target, hardNegatives, tokenizerFile, validationFraction, seed, nearDuplicateThreshold,
            deduplicateAnswers
        case maxPerDocument, maxDocumentShare, maxPerTemplate, maxPerCategory, maxFileBytes, phrasings
        case epochs
    }

    public init(from decoder: any Decoder) throws {
        let defaults = DatasetConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decodeIfPresent(String.self, forKey: .model) ?? defaults.model
        // `messages` was a format before targets: it is TRL's chat layout.
        let formatName = try c.decodeIfPresent(String.self, forKey: .format)
        format = formatName.flatMap(RecordShape.init(rawValue:)) ?? defaults.format
        target =
            try c.decodeIfPresent(String.self, forKey: .target)
            ?? (formatName == Self.messagesAlias ? TRLTarget().name : defaults.target)
        hardNegatives = try c.decodeIfPresent(Bool.self, forKey: .hardNegatives) ?? defaults.hardNegatives
        tokenizerFile = try c.decodeIfPresent(String.self, forKey: .tokenizerFile)
        validationFraction =
            try c.decodeIfPresent(Double.self, forKey: .validationFraction) ?? defaults.validationFraction
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        nearDuplicateThreshold =
            try c.decodeIfPresent(Double.self, forKey: .nearDuplicateThreshold) ?? defaults.nearDuplicateThreshold
        deduplicateAnswers =
            try c.decodeIfPresent(Bool.self, forKey: .deduplicateAnswers) ?? defaults.deduplicateAnswers
        maxPerDocument = try c.decodeIfPresent(Int.self, forKey: .maxPerDocument)
        maxDocumentShare = try c.decodeIfPresent(Double.self, forKey: .maxDocumentShare)
        maxPerTemplate = try c.decodeIfPresent(Int.self, forKey: .maxPerTemplate)
        maxPerCategory = try c.decodeIfPresent(Int.self, forKey: .maxPerCategory)
        maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? defaults.maxFileBytes
        phrasings = try c.decodeIfPresent(Int.self, forKey: .phrasings) ?? defaults.phrasings
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs)
    }
}
