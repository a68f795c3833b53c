import ArgumentParser
import Foundation
import TuneData

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "List the fine-tuning targets, their record shapes, limits and the pages the rules come from."
    )

    @Option(help: "Output format: text or json.")
    var format: OutputStyle = .text

    func run() throws {
        switch format {
        case .text: print(TargetRegistry.all.map(Self.text).joined(separator: "\n\n"))
        case .json: print(try JSONOutput.string(TargetRegistry.all.map(TargetListing.init)))
        }
    }

    static func text(_ target: any OutputFormat) -> String {
        let rules = target.rules
        func limit(_ value: Int?, _ unit: String = "") -> String {
            value.map { "\($0.formatted())\(unit)" } ?? "not published / not found"
        }
        var lines = [
            "\(target.name) — \(target.title)",
            "  shapes: \(rules.shapes.map(\.rawValue).joined(separator: ", "))",
            "  roles: \(rules.roles)",
            "  system message: \(rules.allowsSystem ? "yes" : "no"); multi-turn: \(rules.allowsMultiTurn ? "yes" : "no")",
            "  tokens per example: \(limit(rules.tokenLimit))",
            "  minimum examples: \(limit(rules.minimumExamples)); maximum: \(limit(rules.maximumExamples))",
            "  file size: \(rules.maxFileBytes.map(byteText) ?? "not published / not found")",
            "  tokenizer: \(rules.tokenizer)",
        ]
        lines += costLines(rules.pricing)
        lines += rules.notes.map { "  note: \($0)" }
        lines.append("  upload: \(rules.upload)")
        lines += rules.docs.map { "  docs: \($0)" }
        lines.append("  rules version: \(target.rulesVersion)")
        return lines.joined(separator: "\n")
    }

    /// The training prices (one line each, with page and date), or why there are none.
    static func costLines(_ pricing: TargetPricing) -> [String] {
        var lines = pricing.prices.map {
            "  training price: \(CostEstimate.money($0.perMillionTokens, $0.currency)) per 1M tokens, \($0.appliesTo) "
                + "(\($0.source), read \($0.readOn))"
        }
        if !pricing.prices.isEmpty { lines.append("  cost estimate: \(pricing.billing) × price (an estimate)") }
        switch pricing.defaultEpochs {
        case .openAIRule(let source): lines.append("  default epochs: 3, adjusted for dataset size (\(source))")
        case .fixed(let count, let source): lines.append("  default epochs: \(count) (\(source))")
        case .notPublished:
            if !pricing.prices.isEmpty { lines.append("  default epochs: not published (give --epochs)") }
        }
        if let note = pricing.note { lines.append("  cost note: \(note)") }
        return lines
    }

    static func byteText(_ bytes: Int) -> String {
        if bytes % 1_000_000_000 == 0 { return "\(bytes / 1_000_000_000) GB" }
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        return "\(bytes) bytes"
    }
}

/// One target as `tunedata targets --format json` prints it.
struct TargetListing: Encodable {
    var name, title, roles, tokenizer, upload, rulesVersion: String
    var shapes: [String]
    var allowsSystem, allowsMultiTurn, tokensAreExact: Bool
    var tokenLimit, minimumExamples, maximumExamples, maxFileBytes: Int?
    var prices: [TrainingPrice]
    var costNote: String?
    var notes, docs: [String]

    init(_ target: any OutputFormat) {
        let rules = target.rules
        name = target.name
        title = target.title
        roles = rules.roles
        tokenizer = rules.tokenizer
        upload = rules.upload
        rulesVersion = target.rulesVersion
        shapes = rules.shapes.map(\.rawValue)
        allowsSystem = rules.allowsSystem
        allowsMultiTurn = rules.allowsMultiTurn
        tokensAreExact = rules.tokensAreExact
        tokenLimit = rules.tokenLimit
        minimumExamples = rules.minimumExamples
        maximumExamples = rules.maximumExamples
        maxFileBytes = rules.maxFileBytes
        prices = rules.pricing.prices
        costNote = rules.pricing.note
        notes = rules.notes
        docs = rules.docs
    }
}
