import Testing

@testable import TuneData

/// EDGAR text copies end each page with its number and a "Source:" footer; a sentence running on
/// across the page is one paragraph again, and numbers of the text stay.
@Suite struct TextPageBreaksTests {
    static let footer = "Source: ACME CORP, 8-K, 8/22/2018"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var paragraphs: [String]
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a sentence across a page",
            paragraphs: [
                "The first page ends here. 1", footer, "The Party holds the shares outstanding immediately 2", footer,
                "prior thereto and keeps them. 3", footer, "Last page.",
            ],
            expected: [
                "The first page ends here.",
                "The Party holds the shares outstanding immediately prior thereto and keeps them.",
                "Last page.",
            ]),
        Case(
            name: "a parenthesis goes on, an enumerator does not",
            paragraphs: [
                "The licence is non-sublicensable 17", footer, "(except as provided here) and personal. 18", footer,
                "The Party shall at a minimum 19", footer, "(a) keep records.",
            ],
            expected: [
                "The licence is non-sublicensable (except as provided here) and personal.",
                "The Party shall at a minimum", "(a) keep records.",
            ]),
        Case(
            name: "a number out of the page sequence stays",
            paragraphs: ["Payment is due within 30", footer, "days of the invoice. 7", footer, "More text."],
            expected: ["Payment is due within 30 days of the invoice. 7", "More text."]),
        Case(
            name: "redaction legends and running headers go, a heading opens its page",
            paragraphs: [
                "1.5 \"Applicable Law\" shall mean all statutes of governmental",
                "Page 2 of 60 [***] Certain information in this document has been omitted and filed separately with "
                    + "the Securities and Exchange Commission. Confidential Treatment has been requested with respect "
                    + "to the omitted portions.",
                "Confidential Treatment Requested by Acme, Inc. authorities promulgated thereunder.",
                "Page 3 of 60 [***] Certain information in this document has been omitted and filed separately with "
                    + "the Securities and Exchange Commission. Confidential Treatment has been requested with respect "
                    + "to the omitted portions.",
                "Confidential Treatment Requested by Acme, Inc. Exhibit E Primary Countries",
            ],
            expected: [
                "1.5 \"Applicable Law\" shall mean all statutes of governmental authorities promulgated thereunder.",
                "Exhibit E Primary Countries",
            ]),
        Case(
            name: "one footer is not a page layout",
            paragraphs: ["The sentence ends with 5", footer, "units delivered."],
            expected: ["The sentence ends with 5", footer, "units delivered."]),
    ]

    @Test(arguments: cases)
    func pageNumbersAndFootersGoAndSentencesJoin(_ example: Case) {
        #expect(TextPageBreaks.joined(example.paragraphs) == example.expected)
    }
}
