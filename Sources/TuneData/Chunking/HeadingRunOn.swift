/// A heading line that runs on into its section's first words.
///
/// "Section 15.5 ENTIRE AGREEMENT, THIRD PARTY BENEFICIARIES. This Agreement" set as one line, then
/// "(including the documents …) (a) constitutes the entire agreement …": the words after the
/// capitalised title's full stop open the body, and a heading holding them would ask "what does
/// Section 15.5 (… This Agreement) say?" of a body that starts mid-sentence.
enum HeadingRunOn {
    /// The run-on words of a heading are at most this many: more is a sentence, not a spill.
    static let longestRunOn = 8
    private static let labelWords: Set<Substring> = ["Section", "Article", "Clause"]

    /// `blocks` with each run-on moved from its heading to the start of the paragraph after it.
    static func split(_ blocks: [Block]) -> [Block] {
        var result = blocks
        for index in blocks.indices.dropLast() {
            guard case .heading = blocks[index].kind, blocks[index + 1].kind == .paragraph,
                let (title, runOn) = split(heading: blocks[index].text)
            else { continue }
            result[index].text = title
            result[index + 1].text = runOn + " " + blocks[index + 1].text
        }
        return result
    }

    /// The heading's capitalised title and the mixed-case words after its last full stop, when it
    /// has them.
    static func split(heading text: String) -> (title: String, runOn: String)? {
        guard let stop = text.ranges(of: ". ").last else { return nil }
        let title = String(text[..<stop.lowerBound])
        let runOn = String(text[stop.upperBound...]).trimmingWhitespace
        let titleWords = title.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        let runOnWords = runOn.split(separator: " ")
        // The title is in capitals ("Section" or "Article" before the number aside).
        let titleInCapitals = titleWords.allSatisfy { !$0.contains(where: \.isLowercase) || labelWords.contains($0) }
        // "ARTICLE XII. Taxes and Surcharges": a label and its title, nothing run on.
        guard let parsed = LegalHeading.parse(title), !(parsed.title ?? "").isEmpty else { return nil }
        guard titleWords.count >= 2, titleInCapitals, (1...longestRunOn).contains(runOnWords.count),
            runOn.first?.isUppercase == true, runOn.contains(where: \.isLowercase), let last = runOn.last,
            !".;:".contains(last)
        else { return nil }
        return (title + ".", runOn)
    }
}
