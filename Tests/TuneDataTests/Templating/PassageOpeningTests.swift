import Testing
@testable import TuneData

@Suite struct PassageOpeningTests {
    @Test(arguments: [
        // A short first sentence of a longer passage is quoted whole.
        (
            "The Parties shall form a joint project team. It has six members, three from each Party.",
            "The Parties shall form a joint project team."
        ),
        // A long first sentence: ten words and an ellipsis, no trailing comma.
        (
            "Philips shall provide such reasonable support, assistance and information reasonably requested by Customer as outlined.",
            "Philips shall provide such reasonable support, assistance and information reasonably…"
        ),
        // A cut inside a parenthesis moves on to where it closes.
        (
            "Authorized users (including Schoolpop, its affiliates, its Client's personnel and eligible Cardholders) may use the Program in the Territory.",
            "Authorized users (including Schoolpop, its affiliates, its Client's personnel and eligible Cardholders)…"
        ),
        // A passage that is one short sentence is not given away whole.
        (
            "Headings used in this Agreement are for convenience only.",
            "Headings used in this…"
        ),
    ])
    func quotesEnoughToFindThePassageAndNoMore(text: String, opening: String) {
        let first = TemplateContext.firstSentence(of: text)
        #expect(PassageOpening.opening(of: text, firstSentence: first) == opening)
    }
}
