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
        sorted { $0.count > $1.count }.joined(separator: "|")
    }
}
