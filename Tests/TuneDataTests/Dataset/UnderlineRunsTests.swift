import Testing

@testable import TuneData

@Suite struct UnderlineRunsTests {
    @Test(arguments: [
        // An underline set into a sentence goes; one space joins the words.
        (
            "Either party may terminate if the other party ----------- materially breaches.",
            "Either party may terminate if the other party materially breaches."
        ),
        ("as to ---------------- GSMS he is an affiliate", "as to GSMS he is an affiliate"),
        // A disclaimer in capitals is prose too.
        (
            "NEITHER PARTY MAKES ANY ---------- WARRANTY IN CONNECTION WITH THE SUBJECT MATTER",
            "NEITHER PARTY MAKES ANY WARRANTY IN CONNECTION WITH THE SUBJECT MATTER"
        ),
        // Ranges, dashes against a word and arrows stay; three hyphens alone between spaces are the
        // underline of a short word or a redaction mark (every such run in the CUAD filings).
        ("the years 1995--1998 and then ---->", "the years 1995--1998 and then ---->"),
        ("deliver [***] --- Impressions of Client --- Graphics", "deliver [***] Impressions of Client Graphics"),
        ("as follows:\n\n[***] ---\n\nIf Intuit fails", "as follows:\n\n[***]\n\nIf Intuit fails"),
        ("a well-known---and costly---remedy", "a well-known---and costly---remedy"),
        // A signature or table line's rules stay for the furniture strip and the gate.
        ("By: /s/ DOUGLAS A. BUFFINGTON ---------- Douglas A.", "By: /s/ DOUGLAS A. BUFFINGTON ---------- Douglas A."),
        ("PRODUCT ACCOUNT NUMBER --------------------", "PRODUCT ACCOUNT NUMBER --------------------"),
        ("--------- Intuit Sites", "--------- Intuit Sites"),
        ("No rule here.", "No rule here."),
    ])
    func passagesLoseRulesInsideProse(text: String, expected: String) {
        #expect(UnderlineRuns.stripping(text, linesToo: false) == expected)
    }

    @Test(arguments: [
        ("\"---------------------\n\nThis Endorsement Agreement is made", "\"\n\nThis Endorsement Agreement is made"),
        ("STAMPS\n------\nThe parties agree", "STAMPS\nThe parties agree"),
        ("A\n\n-----\n\nB", "A\n\nB"),
        ("shares of PSS Common -----------\n\nStock", "shares of PSS Common\n\nStock"),
    ])
    func quotedSentencesLoseEveryRule(text: String, expected: String) {
        #expect(UnderlineRuns.stripping(text) == expected)
    }

    /// An answer without the rule is still the document's own words.
    @Test func theGroundednessFoldReadsARuleAsASpace() {
        #expect(
            GroundednessCheck.folded("the other party ----------- materially\nbreaches")
                == "the other party materially breaches")
        #expect(GroundednessCheck.folded("1995--1998 -- x") == "1995--1998 -- x")
        #expect(GroundednessCheck.folded("[***] --- Impressions") == "[***] Impressions")
        #expect(GroundednessCheck.folded("costly---remedy") == "costly---remedy")
        #expect(GroundednessCheck.folded("----- leading") == "leading")
    }
}
