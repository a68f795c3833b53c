internal import Foundation

/// The checks `upload` applies to a DPO preference file until the per-target validators cover it.
///
/// Each line must be `{"input":{"messages":[...]},"preferred_output":[...],"non_preferred_output":[...]}`
/// with at least one input message and exactly one assistant message on each side, the two answers
/// different; a training file needs at least ``DatasetValidator/minimumExamples`` lines.
enum PreferenceFileCheck {
    /// Whether the file's first line has the preference shape (else it is checked as chat).
    static func isPreferenceFile(_ data: Data) -> Bool {
        guard let first = data.split(separator: 0x0A).first,
            let object = try? JSONSerialization.jsonObject(with: first) as? [String: Any]
        else { return false }
        return object["preferred_output"] != nil && object["input"] != nil
    }

    /// The error findings of a preference file.
    static func findings(_ data: Data, isTrainingFile: Bool) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        var valid = 0
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            if let problem = problem(in: line) {
                findings.append(
                    ValidationFinding(line: index + 1, severity: .error, kind: "invalid_preference", message: problem))
            } else {
                valid += 1
            }
        }
        if isTrainingFile && valid < DatasetValidator.minimumExamples {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "too_few_examples",
                    message: "\(valid) valid examples; at least \(DatasetValidator.minimumExamples) are required"))
        }
        return findings
    }

    private static func problem(in line: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return "not a JSON object"
        }
        guard let input = object["input"] as? [String: Any], let messages = input["messages"] as? [[String: Any]],
            !messages.isEmpty
        else { return "input.messages is missing or empty" }
        func answer(_ key: String) -> String? {
            guard let output = object[key] as? [[String: Any]], output.count == 1,
                output[0]["role"] as? String == "assistant"
            else { return nil }
            return output[0]["content"] as? String
        }
        guard let preferred = answer("preferred_output"), let other = answer("non_preferred_output") else {
            return "preferred_output and non_preferred_output must each hold one assistant message"
        }
        return preferred == other ? "the preferred and non-preferred answers are the same" : nil
    }
}
