// Runs the quality gate over labelled examples: one line in (JSONL with "id" and "assistant"), one
// line out ("id<TAB>reason<TAB>detail", reason empty when the example passes). Used by
// Benchmarks/quality/score.py to measure the gate's precision and recall on the hand labels.
import Foundation
import TuneData

let gate = QualityGate()
let input = CommandLine.arguments.dropFirst().first
guard let input, let data = FileManager.default.contents(atPath: input), let text = String(data: data, encoding: .utf8)
else {
    FileHandle.standardError.write(Data("usage: QualityBenchmark SAMPLE.jsonl\n".utf8))
    exit(2)
}
for line in text.split(separator: "\n") {
    guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = row["id"] as? String, let answer = row["assistant"] as? String
    else { continue }
    let verdict = gate.verdict(forAnswer: answer)
    let detail = (verdict?.detail ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(
        of: "\n", with: " ")
    print("\(id)\t\(verdict?.verdict.reason.rawValue ?? "")\t\(detail)")
}
