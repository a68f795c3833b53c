import Testing

@testable import TuneData

@Suite struct SectionOutlineTests {
    static func document(_ blocks: [Block], title: String? = nil) -> Document {
        Document(id: "d", source: "a.txt", format: .text, title: title, blocks: blocks)
    }

    /// The heading path of each section, as breadcrumbs, with its paragraphs.
    static func outline(_ document: Document) -> [(path: [String], paragraphs: [String])] {
        SectionOutline.sections(of: document).map { section in
            (section.headings.map(\.displayText), section.paragraphs.map(\.text))
        }
    }

    @Test func recitalsThenArticlesSectionsAndCapitalisedHeadings() {
        let document = Self.document([
            Block(kind: .paragraph, text: "WHEREAS, the parties wish to agree."),
            Block(kind: .heading(level: 1), text: "ARTICLE I"),
            Block(kind: .paragraph, text: "DEFINITIONS"),
            Block(kind: .paragraph, text: "1.1 Terms. The terms used here have their defined meanings."),
            Block(kind: .paragraph, text: "GOVERNING LAW"),
            Block(kind: .paragraph, text: "This Agreement is governed by the laws of Delaware."),
        ])
        let outline = Self.outline(document)
        #expect(
            outline.map(\.path) == [
                ["Recitals"],
                ["Article I Definitions", "Section 1.1 Terms"],
                ["Article I Definitions", "Section 1.1 Terms", "Governing Law"],
            ])
        #expect(
            outline.map(\.paragraphs) == [
                ["WHEREAS, the parties wish to agree."],
                ["The terms used here have their defined meanings."],
                ["This Agreement is governed by the laws of Delaware."],
            ])
    }

    @Test func aLetterSpacedRecitalsHeadingReadsAsRecitalsAndYieldsToTheSections() {
        let document = Self.document([
            Block(kind: .paragraph, text: "R E C I T A L S:"),
            Block(kind: .paragraph, text: "A. Hyatt operates the resort brands described in this Agreement."),
            Block(
                kind: .paragraph, text: "6. Entire Agreement. This Agreement is the entire agreement of the Parties."),
        ])
        #expect(Self.outline(document).map(\.path) == [["Recitals"], ["Section 6 Entire Agreement"]])
    }

    @Test func aTextFilesFilingLabelHeadsNoSection() {
        let document = Self.document([
            Block(kind: .paragraph, text: "Exhibit 10.27"),
            Block(kind: .paragraph, text: "1. Services. IBM will provide Web hosting services to the Customer."),
        ])
        #expect(Self.outline(document).map(\.path) == [["Section 1 Services"]])
        let titled = Self.document(
            [
                Block(kind: .paragraph, text: "Exhibit 10.4 Split-Dollar Endorsement Agreement"),
                Block(kind: .paragraph, text: "THIS AGREEMENT is made and entered into this 1st day of June, 2017."),
            ], title: "Split-Dollar Endorsement Agreement")
        #expect(Self.outline(titled).map(\.path) == [[]])
    }

    @Test func theTitleAndCoverLabelsAreNotSections() {
        let document = Self.document(
            [
                Block(kind: .heading(level: 1), text: "Exhibit 10.2"),
                Block(kind: .heading(level: 1), text: "SUPPLY AGREEMENT"),
                Block(kind: .heading(level: 2), text: "1. Supply"),
                Block(kind: .paragraph, text: "The Supplier shall supply the goods."),
            ], title: "SUPPLY AGREEMENT")
        #expect(Self.outline(document).map(\.path) == [["Section 1 Supply"]])
    }

    @Test func footnotesStayOutAndTablesStayIn() {
        let document = Self.document([
            Block(kind: .heading(level: 1), text: "Fees"),
            Block(kind: .paragraph, text: "The fees are below."),
            Block(kind: .footnote, text: "1 Excluding tax."),
            Block(kind: .tableRow, text: "Licence | 100"),
        ])
        #expect(Self.outline(document).map(\.paragraphs) == [["The fees are below.", "Licence | 100"]])
    }
}
