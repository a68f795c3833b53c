import Foundation
import Testing
@testable import TuneData

@Suite struct HTMLEncodingTests {
    private func page(head: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func windows1252DeclaredInMeta() throws {
        // "Café “déjà vu” – 5 €" in Windows-1252
        let body: [UInt8] = [
            0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x76, 0x75, 0x94, 0x20, 0x96, 0x20, 0x35,
            0x20, 0x80,
        ]
        let document = try HTMLTestSupport.extract(bytes: page(head: "<meta charset=\"windows-1252\">", body: body))
        #expect(document.plainText == "Café “déjà vu” – 5 €")
        #expect(document.warnings.isEmpty)
    }

    @Test func iso88591LabelIsReadAsWindows1252() throws {
        let body: [UInt8] = [0x93, 0x51, 0x94, 0x20, 0xFC, 0x62, 0x65, 0x72]
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
        let document = try HTMLTestSupport.extract(bytes: page(head: head, body: body))
        #expect(document.plainText == "“Q” über")
    }

    @Test func shiftJISDeclaredInMeta() throws {
        // 日本語の契約 in Shift_JIS
        let body: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x8C, 0x5F, 0x96, 0xF1]
        let document = try HTMLTestSupport.extract(bytes: page(head: "<meta charset=\"Shift_JIS\">", body: body))
        #expect(document.plainText == "日本語の契約")
    }

    @Test func undeclaredInvalidUTF8FallsBackToWindows1252WithWarning() throws {
        let document = try HTMLTestSupport.extract(bytes: page(head: "", body: [0x4E, 0x61, 0xEF, 0x76, 0x65]))
        #expect(document.plainText == "Naïve")
        #expect(document.warnings == ["no charset declared and not valid UTF-8; decoded as Windows-1252"])
    }

    @Test func declaredUTF8WithInvalidBytesIsRepaired() throws {
        let document = try HTMLTestSupport.extract(
            bytes: page(head: "<meta charset=utf-8>", body: [0x61, 0xFF, 0x62, 0xC3, 0xA9]))
        #expect(document.plainText == "a\u{FFFD}bé")
        #expect(document.warnings == ["invalid UTF-8 bytes replaced"])
    }

    @Test func byteOrderMarkWinsOverMeta() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + page(head: "<meta charset=\"windows-1252\">", body: Array("é".utf8))
        #expect(try HTMLTestSupport.extract(bytes: bytes).plainText == "é")
    }

    @Test func utf16WithByteOrderMark() throws {
        let html = "<html><body><p>Zürich ✓</p></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try HTMLTestSupport.extract(bytes: bytes).plainText == "Zürich ✓")
    }

    @Test(
        arguments: [
            ("<meta charset=\"utf-8\">", "utf-8"),
            ("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>", "shift_jis"),
            ("<meta name=\"x\"><meta charset=euc-kr>", "euc-kr"),
            ("<title>no declaration</title>", nil),
        ] as [(String, String?)])
    func declaredCharsetIsFoundInMeta(head: String, expected: String?) {
        #expect(HTMLEncoding.declaredCharset(in: Data(head.utf8)) == expected)
    }
}

@Suite struct UTF8ValidationTests {
    @Test func agreesWithTheStandardLibraryOnEdgeCasesAndRandomBytes() {
        let cases: [[UInt8]] = [
            [], Array("plain".utf8), Array("café € 𝄞".utf8), [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0x80], [0xC3], [0xE2, 0x82, 0xAC, 0x41],
        ]
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 0x7E...0xF5, using: &generator) }
        }
        for bytes in cases + random {
            #expect(
                HTMLEncoding.isValidUTF8(Data(bytes)) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
