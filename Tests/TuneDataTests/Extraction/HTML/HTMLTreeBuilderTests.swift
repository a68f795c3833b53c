import Foundation
import Testing
@testable import TuneData

/// The tree built from SAX events must be the one libxml2's own tree builder gives.
@Suite struct HTMLTreeBuilderTests {
    private func tree(_ html: String) throws -> HTMLTree {
        try HTMLParser.parse(Data(html.utf8), encoding: "UTF-8")
    }

    @Test func impliedElementsNestAndSubtreesEndWhereTheyShould() throws {
        let nodes = try tree("<p>One <b>two</b> three").nodes
        #expect(nodes.map(\.tag) == [.other, .html, .body, .p, .text, .span, .text, .text])
        #expect(nodes.map(\.end) == [8, 8, 8, 8, 5, 7, 7, 8])
        #expect(nodes.map(\.text) == ["", "", "", "", "One ", "", "two", " three"])
    }

    @Test func entitiesJoinTheirTextButACommentSplitsIt() throws {
        let nodes = try tree("<p>a &amp; b<!-- note -->c</p>").nodes.filter { $0.tag == .text }
        #expect(nodes.map(\.text) == ["a & b", "c"])
    }

    @Test func whitespaceOnlyTextBecomesOneSpace() throws {
        let nodes = try tree("<div>\n   <p>x</p>\n\t</div>").nodes.filter { $0.tag == .text }
        #expect(nodes.map(\.text) == [" ", "x", " "])
    }

    @Test func unreadElementsAreKeptButTheirContentsAreNot() throws {
        let nodes = try tree("<body><script>var a = '<p>no</p>';</script><svg><text>no</text></svg><p>yes</p></body>")
            .nodes
        #expect(nodes.map(\.tag) == [.other, .html, .body, .script, .svg, .p, .text])
        #expect(nodes.last?.text == "yes")
    }

    @Test func attributesAreReadWithBareBooleansNamedAfterThemselves() throws {
        let nodes = try tree("<html lang=EN><frameset><frame noresize src=\"a.html\"></frameset></html>").nodes
        let frame = try #require(nodes.first { $0.tag == .frame }?.attributes)
        #expect(frame.extra == ["noresize": "noresize", "src": "a.html"])
        let html = try #require(nodes.first { $0.tag == .html }?.attributes)
        #expect(html.extra == ["lang": "EN"])
        let div = try #require(
            try tree("<div class=\"Main Content\" id=X hidden>t</div>").nodes.first { $0.tag == .div }?.attributes)
        #expect(div.className == "main content" && div.id == "x" && div.isHidden)
    }
}
