import Foundation

/// Compiles a pattern of the legal grammar that is assembled from the shared word lists and
/// enumerator forms (a regex literal cannot interpolate them).
///
/// The patterns are constants of this module, so a pattern that does not compile is a programming
/// error caught by the first test that reads it, never a user's input.
func legalPattern<Output>(_ pattern: String, as output: Output.Type = Substring.self) -> Regex<Output> {
    do {
        return try Regex(pattern, as: output)
    } catch {
        preconditionFailure("legal grammar pattern does not compile: \(pattern): \(error)")
    }
}

extension Array where Element == String {
    /// The words as one regex alternation, longest first so that "attachment" is never read as
    /// a shorter word's prefix: "schedule|exhibit|…".
    var alternation: String {
        sorted { $0.count > $1.count }.map(\.escapingPeriods).joined(separator: "|")
    }

    /// The words as one alternation in the two cases a heading writes them, capitalised and in capitals,
    /// for case-sensitive patterns: "Section|SECTION|Sec\.|SEC\.".
    var capitalisedAlternation: String {
        flatMap { [$0.capitalized, $0.uppercased()] }.alternation
    }
}

extension String {
    /// The word with each period escaped, so "sec." matches only itself inside a pattern.
    fileprivate var escapingPeriods: String {
        replacingOccurrences(of: ".", with: #"\."#)
    }
}
