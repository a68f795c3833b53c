import Foundation

/// Decides the character encoding of an HTML page the way browsers do, and prepares the bytes
/// for libxml2.
///
/// Order: byte-order mark, then the first `<meta charset>` or `http-equiv="Content-Type"`
/// declaration in the first 4 KB, then a UTF-8 validity check with a Windows-1252 fallback.
/// UTF-8, UTF-16 and Windows-1252 (with its aliases ISO-8859-1 and US-ASCII, as browsers treat
/// them) are converted to UTF-8 here; every other declared encoding (Shift_JIS, GBK, EUC-KR...)
/// is named to libxml2, which decodes it through iconv.
enum HTMLEncoding {
    /// Bytes to hand to libxml2, the encoding to name, and a warning when bytes were repaired.
    struct Prepared {
        var bytes: Data
        var encoding: String
        var warning: String?
    }

    static func prepare(_ data: Data) -> Prepared {
        // libxml2 takes a NUL byte for the end of the input; browsers ignore it in markup.
        let hasNUL = data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        if hasNUL, !data.starts(with: [0xFF, 0xFE]), !data.starts(with: [0xFE, 0xFF]) {
            var prepared = prepareDecoded(Data(data.filter { $0 != 0 }))
            prepared.warning = prepared.warning ?? "NUL bytes removed"
            return prepared
        }
        return prepareDecoded(data)
    }

    private static func prepareDecoded(_ data: Data) -> Prepared {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(data.dropFirst(3), declared: true) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data.first == 0xFF
            let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            if let text { return Prepared(bytes: Data(text.utf8), encoding: "UTF-8") }
        }
        if let label = declaredCharset(in: data.prefix(4096)) {
            switch canonicalName(label) {
            case "UTF-8": return utf8(data, declared: true)
            case "windows-1252": return Prepared(bytes: windows1252ToUTF8(data), encoding: "UTF-8")
            case let name:
                if let supported = ([name] + alternatives(name)).first(where: HTMLParser.supportsEncoding) {
                    return Prepared(bytes: data, encoding: supported)
                }
            }
        }
        return utf8(data, declared: false)
    }

    /// UTF-8 when valid; otherwise repaired (declared) or read as Windows-1252 (undeclared).
    private static func utf8(_ data: Data, declared: Bool) -> Prepared {
        if isValidUTF8(data) { return Prepared(bytes: data, encoding: "UTF-8") }
        if declared {
            return Prepared(
                bytes: Data(String(decoding: data, as: UTF8.self).utf8), encoding: "UTF-8",
                warning: "invalid UTF-8 bytes replaced")
        }
        return Prepared(
            bytes: windows1252ToUTF8(data), encoding: "UTF-8",
            warning: "no charset declared and not valid UTF-8; decoded as Windows-1252")
    }

    /// Whether `data` is well-formed UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF), checked in place: building a `String` to find out copied every page.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            let base = UnsafeRawPointer(raw.baseAddress)
            while index < count {
                // Eight ASCII bytes at a time.
                if let base, index + 8 <= count,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    continue
                }
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let width: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: width = 2
                case 0xE0: width = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: width = 3
                case 0xED: width = 3; upper = 0x9F
                case 0xF0: width = 4; lower = 0x90
                case 0xF1...0xF3: width = 4
                case 0xF4: width = 4; upper = 0x8F
                default: return false
                }
                guard index + width <= count, (lower...upper).contains(bytes[index + 1]) else { return false }
                for offset in 2..<max(2, width) where !(0x80...0xBF).contains(bytes[index + offset]) { return false }
                index += width
            }
            return true
        }
    }

    /// The charset named by the first `<meta>` that names one (`charset=` or `content="...; charset=..."`).
    static func declaredCharset(in head: Data) -> String? {
        let bytes = [UInt8](head)
        let lower = bytes.map(\.asciiLowercased)
        var index = 0
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        while let start = find(meta, in: lower, from: index) {
            let end = lower[start...].firstIndex(of: UInt8(ascii: ">")) ?? lower.endIndex
            if var at = find(charset, in: lower[..<end], from: start) {
                at += charset.count
                while at < end, lower[at] == 0x20 || lower[at] == 0x09 { at += 1 }
                if at < end, lower[at] == UInt8(ascii: "=") {
                    at += 1
                    while at < end, [0x20, 0x09, 0x22, 0x27].contains(lower[at]) { at += 1 }
                    var stop = at
                    while stop < end, isLabelByte(lower[stop]) { stop += 1 }
                    if stop > at { return String(decoding: lower[at..<stop], as: UTF8.self) }
                }
            }
            index = end
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            || byte == 0x2E || byte == 0x3A
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from: Int) -> Int? {
        guard needle.count <= haystack.count, from < haystack.endIndex else { return nil }
        var i = max(from, haystack.startIndex)
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        find(needle, in: haystack[...], from: from)
    }

    /// The name libxml2/iconv knows for a WHATWG encoding label.
    static func canonicalName(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
            "UTF-8"  // a UTF-16 declaration inside ASCII-compatible bytes means UTF-8 (HTML spec)
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "us-ascii", "ascii", "windows-1252",
            "cp1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            "windows-1252"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis":
            "CP932"
        case "gb2312", "gbk", "x-gbk", "chinese", "cp936", "csgb2312", "gb_2312-80": "GBK"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949", "korean": "CP949"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5": "BIG5-HKSCS"
        default: label.uppercased()
        }
    }

    private static func alternatives(_ name: String) -> [String] {
        switch name {
        case "CP932": ["SHIFT_JIS", "SJIS"]
        case "CP949": ["EUC-KR"]
        case "BIG5-HKSCS": ["BIG5"]
        case "GBK": ["GB18030", "GB2312"]
        default: []
        }
    }

    /// Windows-1252 as browsers decode it: bytes 0x80–0x9F through the Windows table, the five
    /// undefined ones as the C1 control of the same value (later dropped by normalisation).
    static func windows1252ToUTF8(_ data: Data) -> Data {
        data.withUnsafeBytes { windows1252ToUTF8(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    private static func windows1252ToUTF8(bytes data: UnsafeBufferPointer<UInt8>) -> Data {
        var output = [UInt8]()
        output.reserveCapacity(data.count + data.count / 8)
        for byte in data {
            let scalar: UInt32 = byte < 0x80 || byte >= 0xA0 ? UInt32(byte) : windows1252High[Int(byte - 0x80)]
            if scalar < 0x80 {
                output.append(UInt8(scalar))
            } else if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return Data(output)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
