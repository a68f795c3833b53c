import Testing

@testable import TuneData

/// The byte scans that replaced `Character` splits on the passage clean-up and quality-gate paths
/// must give the same pieces as the splits they replaced, on the shapes extracted text takes.
@Suite struct ByteScanEquivalenceTests {
    static let texts = [
        "", "one paragraph", "a\n\nb", "a\n\n\nb", "a\n\n\n\nb", "\n\nleading", "trailing\n\n", "\n\n",
        "  padded  \n\n\t tabs \t", "café\n\nrésumé\n\n§ 12", "a\r\n\r\nb", "a\n \nb", "x\n\n\u{00A0}\n\ny",
        "line one\nline two\n\nnext", "e\u{0301}\n\n\u{0301}",
    ]

    @Test(arguments: texts)
    func paragraphPiecesAreTheSplitsPieces(text: String) {
        let split = text.split(separator: "\n\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text.paragraphPieces.map(String.init) == split)
        // From a substring, as the clean-up passes them.
        let inner = ("<" + text + ">").dropFirst().dropLast()
        #expect(inner.paragraphPieces.map(String.init) == split)
    }

    @Test(arguments: texts)
    func whitespaceTrimmedIsTrimmingWhitespace(text: String) {
        // The Character-by-Character trim `trimmingWhitespace` was before it became this view.
        var reference = Substring(text)
        while let first = reference.first, first.isWhitespace { reference.removeFirst() }
        while let last = reference.last, last.isWhitespace { reference.removeLast() }
        #expect(text.whitespaceTrimmed == reference)
        #expect(text.trimmingWhitespace == String(reference))
    }

    @Test(arguments: texts + ["\n  first  \nmiddle\n\n  last line \n\n", "only\r\nCRLF", "   \n \n"])
    func outerLinesAreTheSplitsEnds(text: String) {
        let lines = text.split(separator: "\n").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        let outer = AnswerBoundaries.outerLines(text)
        #expect(outer?.first == lines.first)
        #expect(outer?.last == lines.last)
    }

    @Test func outerLinesOfAFragment() {
        let outer = AnswerBoundaries.outerLines("\n  first  \nmiddle\n\n  last line \n")
        #expect(outer?.first == "first")
        #expect(outer?.last == "last line")
        #expect(AnswerBoundaries.outerLines(" \n\t\n") == nil)
    }

    @Test(arguments: [
        ("By: ____ Name: Jane Doe", true),
        ("Printed Name : Jane Doe", true),
        ("IN WITNESS WHEREOF the parties sign.\nSIGNATURE: x", true),
        ("The following terms apply: fees, costs: and taxes:", false),
        ("Standby: the bylaws: provide", false),
        ("no colon at all", false),
        ("Its\u{00A0}: CEO", true),
        ("ſigned: a long s, which case folding may read as s", true),
    ])
    func signatureLabelCandidates(text: String, candidate: Bool) {
        #expect(QualityGate.mayHoldSignatureLabel(text) == candidate)
    }

    /// Without a candidate the gate's signature check has nothing to count.
    @Test func noCandidateMeansNoSignatureVerdict() {
        for text in ["Fees: as set out below. Costs: borne by each party. Taxes: none.", "Standby: yes"] {
            #expect(!QualityGate.mayHoldSignatureLabel(text))
            #expect(QualityGate.signature(text, words: AnswerWords(text)) == nil)
        }
        let block = "By: ____\nName: Jane Doe\nTitle: Chief Executive Officer"
        #expect(QualityGate.signature(block, words: AnswerWords(block)) != nil)
    }
}
