import Foundation
import Testing

@testable import TuneData

@Suite struct BlockKindTests {
    @Test(
        arguments: [
            (BlockKind.heading(level: 2), #"{"level":2,"type":"heading"}"#),
            (.paragraph, #"{"type":"paragraph"}"#),
            (.listItem, #"{"type":"list_item"}"#),
            (.tableRow, #"{"type":"table_row"}"#),
            (.footnote, #"{"type":"footnote"}"#),
        ] as [(BlockKind, String)])
    func codesAsTypeAndLevel(kind: BlockKind, json: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(kind), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(BlockKind.self, from: Data(json.utf8)) == kind)
    }

    @Test func anUnknownKindIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BlockKind.self, from: Data(#"{"type":"sidebar"}"#.utf8))
        }
    }
}
