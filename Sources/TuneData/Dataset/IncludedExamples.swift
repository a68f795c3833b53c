public import Foundation

/// Reads the user's own examples (`--include FILE.jsonl`) to merge into a dataset.
///
/// Lines may be chat (`{"messages": [...]}`), legacy completion (`{"prompt","completion"}`) or preference
/// (`{"input":{"messages":[...]},"preferred_output":[...],"non_preferred_output":[...]}`) lines.
/// Each goes through the checks of ``DatasetValidator``; a line with an error is reported with its
/// line number and skipped. Completion lines become a user message (the prompt without the
/// `\n\n###\n\n` separator) and an assistant message (the completion without its leading space and
/// ` END` stop). Every example's provenance names the file as its source, document
/// `included:<path>`, template `included`, and the line number as passage index.
public enum IncludedExamples {
    /// The template name included examples carry in provenance.
    public static let templateName = "included"

    /// The usable examples of the file and the findings for the lines that were not.
    ///
    /// - Throws: ``DatasetValidatorError/cannotRead(path:reason:)`` when the file cannot be read.
    public static func load(from url: URL, model: String = ModelLimits.defaultModel) throws -> (
        [Example], [ValidationFinding]
    ) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetValidatorError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
        var findings: [ValidationFinding] = []
        var examples: [Example] = []
        let source = url.path
        func provenance(_ line: Int) -> Provenance {
            Provenance(
                source: source, documentID: "included:\(source)", pages: [], section: nil, template: templateName,
                variant: 1, passageIndex: line)
        }
        // Preference lines (OpenAI's layout, as the comparison step writes preferences.jsonl) carry a
        // rejected answer beside the preferred one.
        if OpenAITarget.firstObject(in: data).map(OpenAIRecordLayout.isPreference) == true {
            let (ranges, fileFindings) = JSONLLines.lines(of: data)
            for entry in ranges {
                guard let slice = JSONLLines.lineContent(data, entry.range),
                    let object = try? JSONSerialization.jsonObject(with: slice) as? [String: Any]
                else {
                    findings.append(
                        ValidationFinding(
                            line: entry.number, severity: .error, kind: "invalid_json", message: "not a JSON object"))
                    continue
                }
                let checked = OpenAIRecordLayout.checkPreference(object, line: entry.number)
                findings += checked.findings
                guard let record = checked.record else { continue }
                examples.append(
                    Example(
                        messages: record.messages, provenance: provenance(entry.number), category: "included",
                        rejected: record.rejected))
            }
            return (examples, fileFindings + findings)
        }
        let file = JSONLLines.check(data, tokens: TokenCountMemo(encoding: ModelLimits.encoding(forModel: model))) {
            line in
            findings += line.findings
            guard let example = line.example else { return }
            var messages: [Message] = []
            var unsupported: String?
            for message in example.messages {
                guard let role = Message.Role(rawValue: message.role) else {
                    unsupported = message.role
                    break
                }
                messages.append(
                    Message(role: role, content: message.content, name: message.name, weight: message.weight))
            }
            if let unsupported {
                findings.append(
                    ValidationFinding(
                        line: line.number, severity: .error, kind: "unsupported_role",
                        message: "role \(unsupported) cannot be included; line skipped"))
                return
            }
            if example.isCompletion {
                var prompt = messages[0].content
                if prompt.hasSuffix(JSONLEncoding.promptSeparator) {
                    prompt.removeLast(JSONLEncoding.promptSeparator.count)
                }
                var completion = messages[1].content
                if completion.hasPrefix(" ") { completion.removeFirst() }
                if completion.hasSuffix(JSONLEncoding.completionStop) {
                    completion.removeLast(JSONLEncoding.completionStop.count)
                }
                messages = [Message(role: .user, content: prompt), Message(role: .assistant, content: completion)]
            }
            examples.append(
                Example(
                    messages: messages,
                    provenance: provenance(line.number), category: "included"))
        }
        return (examples, file.fileFindings + findings)
    }
}

extension IncludedExamples {
    /// The usable examples of every `--include` file, in order, and a diagnostic for each line left out.
    ///
    /// - Throws: ``ConvertRunError`` naming the first file that cannot be read at all.
    public static func loadAll(_ paths: [String], model: String) throws(ConvertRunError) -> (
        [Example], [Diagnostic]
    ) {
        var examples: [Example] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do {
                let (loaded, findings) = try load(from: URL(fileURLWithPath: path), model: model)
                diagnostics += findings.map { Diagnostic($0, file: path) }
                examples += loaded
            } catch {
                throw ConvertRunError(description: "\(path): \(error)")
            }
        }
        return (examples, diagnostics)
    }
}
