import Foundation
import Testing
@testable import TuneData

@Suite struct WordExtractorTests {
    typealias F = OfficeFixture

    /// Article I / 1.1 / (a): upper roman articles through a heading style based on another,
    /// legal (decimal) sections, lettered clauses that restart when a section advances.
    static let numbering = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/><w:pStyle w:val="ArticleHeading"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
        """

    static let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="ArticleBase"><w:name w:val="Article Base"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/><w:basedOn w:val="ArticleBase"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>
        """

    @Test func numberingAsWordShowsIt() throws {
        let body = [
            F.p("Definitions", style: "ArticleHeading"),
            F.p("Terms used here.", numID: 1, level: 1),
            F.p("first clause;", numID: 1, level: 2),
            F.p("second clause.", numID: 1, level: 2),
            F.p("Interpretation.", numID: 1, level: 1),
            F.p("restarts here.", numID: 1, level: 2),
            F.p("Payment", style: "ArticleHeading"),
            F.p("Fees.", numID: 1, level: 1),
            F.p("One", numID: 3, level: 0),
            F.p("sub one", numID: 3, level: 1),
            F.p("Two", numID: 3, level: 0),
            F.p("Again from one", numID: 4, level: 0),
            F.p("Seven", numID: 6, level: 0),
            F.p("A bullet", numID: 5, level: 0),
            F.p("Schedule", style: "Heading2"),
        ].joined()
        let document = try F.extract(try F.docx(body: body, styles: Self.styles, numbering: Self.numbering))
        #expect(document.format == .docx)
        #expect(
            F.texts(document) == [
                "heading1: Article I Definitions", "list_item: 1.1 Terms used here.", "list_item: (a) first clause;",
                "list_item: (b) second clause.", "list_item: 1.2 Interpretation.", "list_item: (a) restarts here.",
                "heading1: Article II Payment", "list_item: 2.1 Fees.", "list_item: 1. One", "list_item: (i) sub one",
                "list_item: 2. Two", "list_item: 1. Again from one", "list_item: 7. Seven", "list_item: A bullet",
                "heading2: Schedule",
            ])
    }

    @Test func trackedChangesAcceptedHiddenTextAndCommentsLeftOut() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">The fee is </w:t></w:r><w:del w:id="1"><w:r><w:delText>ten</w:delText></w:r></w:del>\
            <w:ins w:id="2"><w:r><w:t>twenty</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r><w:r><w:t xml:space="preserve"> dollars.</w:t></w:r>\
            <w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
            \(F.p("Internal note", style: "Secret"))
            <w:del w:id="3"><w:p><w:r><w:delText>Removed paragraph.</w:delText></w:r></w:p></w:del>
            """
        let document = try F.extract(try F.docx(body: body, styles: Self.styles))
        #expect(F.texts(document) == ["paragraph: The fee is twenty dollars."])
    }

    @Test func tablesFootnotesAndTitle() throws {
        let body = """
            <w:p><w:r><w:t>This Agreement binds the Licensee.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>
            <w:tbl><w:tr><w:tc>\(F.p("Party"))</w:tc><w:tc>\(F.p("Address"))</w:tc></w:tr>\
            <w:tr><w:tc>\(F.p("Acme B.V."))</w:tc><w:tc>\(F.p("1 Main Street"))\(F.p("Amsterdam"))</w:tc></w:tr></w:tbl>
            """
        let footnotes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="2">\(F.p("Including its affiliates."))</w:footnote>
            """
        let document = try F.extract(try F.docx(body: body, footnotes: footnotes, title: "Software Licence Agreement"))
        #expect(
            F.texts(document) == [
                "paragraph: This Agreement binds the Licensee.", "footnote: 1 Including its affiliates.",
                "table_row: Party | Address", "table_row: Acme B.V. | 1 Main Street Amsterdam",
            ])
        #expect(document.title == "Software Licence Agreement")
    }

    @Test func aWordFileIsRecognisedByContentWhateverItsName() throws {
        let data = try F.docx(body: F.p("Hello there."))
        #expect(try F.extract(data, name: "renamed.zip").format == .docx)
    }
}

/// Each bad Word file gives a one-line reason and nothing else.
@Suite struct WordBadInputTests {
    typealias F = OfficeFixture

    static func reason(_ data: Data, name: String = "bad.docx", limit: Int = 512 << 20) -> String? {
        do {
            _ = try F.extract(data, name: name, options: ExtractionOptions(maxFileBytes: limit))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func corruptZipMissingPartAndEmptyFile() throws {
        #expect(
            Self.reason(Data("PK\u{3}\u{4}this is not really a zip".utf8)) == "corrupt (not a readable ZIP archive)")
        #expect(Self.reason(Data("just some words".utf8)) == "corrupt (not a ZIP archive)")
        let noDocument = try F.zip([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<x/>")])
        #expect(Self.reason(noDocument) == "corrupt (no word/document.xml inside (not a Word document))")
        #expect(Self.reason(Data()) == "empty (no text)")
    }

    @Test func xmlBombsAreRefusedWithoutExpansion() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\
            <w:document \(F.w)><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>
            """
        let bomb = try F.zip([("word/document.xml", laughs)])
        #expect(
            Self.reason(bomb)
                == "corrupt (word/document.xml declares a DTD (entity declarations are not allowed in Office files))")
        let huge = String(repeating: "A", count: 11_000_000)
        let attribute = try F.zip([
            ("word/document.xml", #"<w:document \#(F.w) x="\#(huge)"><w:body>\#(F.p("x"))</w:body></w:document>"#)
        ])
        #expect(Self.reason(attribute) == "corrupt (word/document.xml is not well-formed XML)")
    }

    @Test func passwordProtectedLegacyAndRichText() {
        let ole = Data(LegacyWordRefusal.compoundFileMagic + Array(repeating: 0, count: 504))
        #expect(Self.reason(ole)?.contains("password-protected .docx") == true)
        #expect(
            Self.reason(ole, name: "old.doc")
                == "unsupported format (legacy Word .doc (OLE compound file); save it as .docx)")
        #expect(
            Self.reason(Data(#"{\rtf1\ansi Hello}"#.utf8), name: "memo.rtf")
                == "unsupported format (Rich Text Format; save it as .docx)")
    }

    @Test func zipBombStopsAtTheSizeLimit() throws {
        let padding = String(repeating: " ", count: 1 << 20)
        let bomb = try F.zip([
            ("word/document.xml", "<w:document \(F.w)>\(padding)<w:body>\(F.p("x"))</w:body></w:document>")
        ])
        #expect(bomb.count < 64 << 10)
        let reason = try #require(Self.reason(bomb, limit: 64 << 10))
        #expect(reason.hasPrefix("too large ("))
        #expect(reason.hasSuffix("limit 65536)"))
    }
}
