internal import Foundation
internal import Tokenizer

/// The version written to every manifest, so a dataset says which tunedata made it.
public enum TuneDataVersion {
    public static let current = "0.1.0"
}

/// `manifest.json`: what a run read, what it made, what it dropped and why, and how to repeat it.
public struct Manifest: Sendable, Codable {
    public struct Tool: Sendable, Codable {
        public var name = "tunedata"
        public var version = TuneDataVersion.current
    }

    public struct Inputs: Sendable, Codable {
        public var seen: Int
        public var converted: Int
        public var skipped: Int
        public var skippedByReason: [String: Int]
        public var skippedFiles: [SkippedInput]
        public var pages: Int
    }

    public struct Examples: Sendable, Codable {
        /// Examples the templates produced (grounded ones; ungrounded are counted in `dropped`).
        public var generated: Int
        public var included: Int
        /// Drops by reason: ungrounded, invalid_example, over_token_limit, exact_duplicate, near_duplicate, balance_cap...
        public var dropped: [String: Int]
        public var train: Int
        public var validation: Int
    }

    public var tool = Tool()
    public var inputs: Inputs
    public var passages: Int
    /// Of those, passages given no examples because they are mostly figures or rules.
    public var figurePassages: Int
    public var definitions: Int
    public var examples: Examples
    public var dataset: DatasetReport
    /// The validator's verdict on each written JSONL file.
    public var validation: [String: ValidationSummary]
    public var files: [OutputFileRecord]
    public var documents: [DocumentSummary]
    public var configuration: ConvertConfiguration
    /// The target the files were written for and the version of its rules (absent in older manifests).
    public var target: Target?

    /// The target of a run as the manifest records it.
    public struct Target: Sendable, Codable {
        public var name: String
        public var shape: RecordShape
        /// ``TargetRegistry/rulesVersion`` when the files were written.
        public var rulesVersion: String
        /// How tokens were counted: the tokenizer, and whether the counts are an estimate.
        public var tokenizer: String
        public var tokensAreEstimated: Bool

        init(_ target: any OutputFormat, shape: RecordShape, tokenizerFile: String? = nil, model: String = "") {
            name = target.name
            self.shape = shape
            rulesVersion = target.rulesVersion
            if let tokenizerFile,
                let counter = try? target.tokenCounter(file: URL(fileURLWithPath: tokenizerFile), model: model)
            {
                tokenizer = "\(counter.description) [\(tokenizerFile)]"
                tokensAreEstimated = !counter.isExact
            } else {
                tokenizer = target.rules.tokenizer
                tokensAreEstimated = !target.rules.tokensAreExact
            }
        }
    }
    /// Training cost at the target's published price, or why there is none (absent in older manifests).
    public var costEstimate: CostEstimate?
    /// Personal data and secrets found, redacted and dropped, by type (absent in older manifests).
    public var privacy: PrivacyReport?
    /// Pages read with OCR, by document, with Tesseract's confidence (absent when none was).
    public var ocr: OCRReport?

    /// Whether the dataset would be accepted: files validate without errors.
    public var isAcceptable: Bool { validation.values.allSatisfy(\.acceptable) && examples.train > 0 }
}

/// The outcome of validating one output file, as kept in the manifest.
public struct ValidationSummary: Sendable, Codable {
    public var acceptable: Bool
    public var errors: Int
    public var warnings: Int
    /// The first few findings, for a quick look.
    public var findings: [ValidationFinding]
}
