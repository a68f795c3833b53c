import ArgumentParser
import Foundation
import Tokenizer
import TuneData

/// `--target NAME`: one of the registry's targets; the choices shown in help come from the registry.
struct TargetChoice: ExpressibleByArgument {
    let target: any OutputFormat

    init?(argument: String) {
        guard let target = TargetRegistry.target(named: argument) else { return nil }
        self.target = target
    }

    private init(_ target: any OutputFormat) { self.target = target }

    /// The default target.
    static let openAI = TargetChoice(OpenAITarget())

    static var allValueStrings: [String] { TargetRegistry.names }

    var defaultValueDescription: String { target.name }
}

/// `--format chat|completion|preference`, and `messages`, the old name of TRL's chat layout.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case chat, completion, preference, messages

    /// The target and record shape this choice means together with `--target`.
    func resolve(target choice: TargetChoice?) throws -> (any OutputFormat, RecordShape) {
        var target = choice?.target ?? OpenAITarget()
        let shape: RecordShape
        if self == .messages {
            if let chosen = choice?.target, chosen.name != TRLTarget().name {
                throw ValidationError(
                    "--format messages is TRL's chat layout; use --format chat with --target \(chosen.name)")
            }
            target = TRLTarget()
            shape = .chat
        } else {
            shape = RecordShape(rawValue: rawValue) ?? .chat
        }
        guard target.rules.shapes.contains(shape) else {
            throw ValidationError(
                "--target \(target.name) cannot hold \(shape.rawValue) records; it takes "
                    + target.rules.shapes.map(\.rawValue).joined(separator: ", "))
        }
        return (target, shape)
    }
}

/// Refuses a `--tokenizer` file that cannot give exact counts, before any work is done.
func checkTokenizer(_ path: String) throws {
    do {
        _ = try HuggingFaceBPE(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw ValidationError("--tokenizer: \(error)")
    }
}
