import Foundation
import Testing
@testable import TuneData

@Suite struct PlainTextExtractorTests {
    @Test func markdownHeadingsListsAndParagraphs() throws {
        let markdown = """
            # Terms of Service

            These terms apply
            to every user.

            ## 1. Accounts
            - You must be 18.
            - One account per person.
            """
        let source = SourceFile(url: URL(fileURLWithPath: "/tmp/t.md"), displayPath: "t.md", documentID: "x")
        let document = try PlainTextExtractor(format: .markdown).extract(
            Data(markdown.utf8), from: source, options: .init())
        #expect(document.title == "Terms of Service")
        #expect(
            document.blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .listItem, .listItem])
        #expect(document.blocks[1].text == "These terms apply to every user.")
    }

    @Test func windows1252FallbackWarns() throws {
        let bytes = Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94])  // Café “q”
        let source = SourceFile(url: URL(fileURLWithPath: "/tmp/t.txt"), displayPath: "t.txt", documentID: "x")
        let document = try PlainTextExtractor().extract(bytes, from: source, options: .init())
        #expect(document.blocks.first?.text == "Café \u{201C}q\u{201D}")
        #expect(document.warnings == ["not valid UTF-8; decoded as Windows-1252"])
    }

    @Test func plainTextTitleComesFromTheOpeningLines() throws {
        let text =
            "Exhibit 10.4\n\nCONSULTING AGREEMENT\n\nThis Consulting Agreement is made between TruckThat LLC and the Consultant.\n"
        let source = SourceFile(
            url: URL(fileURLWithPath: "/tmp/ex-10.4.txt"), displayPath: "ex-10.4.txt", documentID: "x")
        let document = try PlainTextExtractor().extract(Data(text.utf8), from: source, options: .init())
        #expect(document.title == "CONSULTING AGREEMENT")
    }
}
