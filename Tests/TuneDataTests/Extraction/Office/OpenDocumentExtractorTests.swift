import Foundation
import Testing
@testable import TuneData

@Suite struct OpenDocumentExtractorTests {
    typealias F = OfficeFixture

    static let styles = """
        <text:list-style style:name="L1">
          <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
          <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>
        </text:list-style>
        <text:outline-style style:name="Outline">
          <text:outline-level-style text:level="1" style:num-format="I" style:num-prefix="Article "/>
          <text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
        </text:outline-style>
        """

    @Test func headingsListsTablesNotesAndChanges() throws {
        let text = """
            <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>old words</text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:h text:outline-level="1">Definitions</text:h>
            <text:h text:outline-level="2">Terms</text:h>
            <text:p>The fee is <text:change text:change-id="c1"/>twenty<text:s text:c="2"/>dollars.<office:annotation><text:p>check this</text:p></office:annotation><text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Before tax.</text:p></text:note-body></text:note></text:p>
            <text:list text:style-name="L1">
              <text:list-item><text:p>First.</text:p>
                <text:list><text:list-item><text:p>one</text:p></text:list-item><text:list-item><text:p>two</text:p></text:list-item></text:list>
              </text:list-item>
              <text:list-item><text:p>Second.</text:p></text:list-item>
            </text:list>
            <text:h text:outline-level="1">Payment</text:h>
            <text:h text:outline-level="2">Fees</text:h>
            <table:table><table:table-row><table:table-cell><text:p>Party</text:p></table:table-cell><table:table-cell><text:p>Role</text:p></table:table-cell></table:table-row></table:table>
            <text:p><text:hidden-text text:string-value="x">secret</text:hidden-text>Visible.</text:p>
            """
        // Display levels keep each level's own format, as LibreOffice shows them: "I.1", not "1.1".
        let document = try F.extract(try F.odt(text, styles: Self.styles, title: "Services Agreement"), name: "a.odt")
        #expect(document.format == .odt)
        #expect(document.title == "Services Agreement")
        #expect(
            F.texts(document) == [
                "heading1: Article I Definitions", "heading2: I.1 Terms", "paragraph: The fee is twenty dollars.",
                "footnote: 1 Before tax.", "list_item: 1. First.", "list_item: (a) one", "list_item: (b) two",
                "list_item: 2. Second.", "heading1: Article II Payment", "heading2: II.1 Fees",
                "table_row: Party | Role",
                "paragraph: Visible.",
            ])
    }

    @Test func anOpenDocumentFileWithoutContentIsNamed() throws {
        let data = try F.zip([("mimetype", "application/vnd.oasis.opendocument.text")], stored: true)
        #expect(throws: ExtractionError.corrupt("no content.xml inside (not an OpenDocument file)")) {
            try F.extract(data, name: "a.odt")
        }
    }
}
