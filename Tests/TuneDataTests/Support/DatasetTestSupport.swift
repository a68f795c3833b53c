import Foundation
@testable import TuneData

/// Builders for small examples used across the Dataset suites.
enum Sample {
    static func example(
        _ user: String, _ answer: String, source: String = "a.pdf", document: String? = nil, passage: Int = 0,
        template: String = "qa", variant: Int = 1, category: String? = "qa",
        system: String = "You answer questions about contracts."
    ) -> Example {
        Example(
            messages: [
                Message(role: .system, content: system), Message(role: .user, content: user),
                Message(role: .assistant, content: answer),
            ],
            provenance: Provenance(
                source: source, documentID: document ?? "doc-\(source)", pages: [passage + 1],
                section: "Section \(passage)",
                template: template, variant: variant, passageIndex: passage),
            category: category)
    }

    /// Distinct filler text of `words` words, different for each `seed` (no shared 5-word shingles).
    static func text(seed: Int, words: Int = 40) -> String {
        // Letters only, a capital first and a full stop last: a sentence the quality gate keeps.
        func letters(_ number: Int) -> String {
            String(String(number).map { Array("abcdefghij")[$0.wholeNumberValue ?? 0] })
        }
        let text = (0..<words).map { "w\(letters(seed))x\(letters($0))" }.joined(separator: " ")
        return "W" + text.dropFirst() + "."
    }

    static func fixture(_ path: String) throws -> URL {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return root.appendingPathComponent(path)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunedata-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
