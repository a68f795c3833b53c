internal import CLibXML2
import Foundation

/// Reads the few attributes the extractor needs from a SAX start tag, comparing names as bytes so
/// no String is built for the attributes it ignores.
enum HTMLAttributeReader {
    /// `attributes` is libxml2's NULL-terminated list of name and value pointers; a value is NULL
    /// for an attribute written without one.
    static func read(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, tag: HTMLTag) -> HTMLAttributes {
        var result = HTMLAttributes()
        let keepAll = keepsAllAttributes(tag)
        var offset = 0
        while let name = attributes[offset] {
            let value = attributes[offset + 1]
            offset += 2
            // libxml2's HTML parser lower-cases attribute names.
            if equals(name, "class") {
                result.className = string(value, lowercased: true)
            } else if equals(name, "id") {
                result.id = string(value, lowercased: true)
            } else if equals(name, "role") {
                result.role = string(value, lowercased: true)
            } else if equals(name, "itemprop") {
                result.itemprop = string(value, lowercased: true)
            } else if equals(name, "hidden") {
                result.isHidden = true
            } else if equals(name, "aria-hidden") {
                if string(value, lowercased: true) == "true" { result.isHidden = true }
            } else if equals(name, "style") {
                if hidesElement(style: string(value)) { result.isHidden = true }
            } else if keepAll {
                // A boolean attribute written bare (`<frame noresize>`) has its name as its value,
                // as in libxml2's own tree.
                let text = value == nil && htmlIsBooleanAttr(name) != 0 ? string(name) : string(value)
                result.extra[String(cString: name).lowercased()] = text
            }
        }
        return result
    }

    /// Whether an inline style hides the element (`display: none`, `visibility: hidden`), compared
    /// on ASCII-lower-cased bytes without spaces.
    static func hidesElement(style: String) -> Bool {
        let compact = style.utf8.compactMap { byte -> UInt8? in
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : byte.asciiLowercased
        }
        return hiddenStyles.matches(String(decoding: compact, as: UTF8.self))
    }

    private static let hiddenStyles = HTMLPatternSet(["display:none", "visibility:hidden"])

    /// Elements whose other attributes (`content`, `href`, `lang`, `datetime`...) the metadata reads.
    private static func keepsAllAttributes(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .meta, .link, .time, .html, .frame, .iframe: true
        default: false
        }
    }

    /// True when the NUL-terminated `name` is exactly `literal` (ASCII).
    private static func equals(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where name[offset] != bytes[offset] {
            return false
        }
        return name[literal.utf8CodeUnitCount] == 0
    }

    /// A value as a String ("" when absent).
    ///
    /// With `lowercased`, ASCII values (nearly all class and id values) are lower-cased byte by byte while they are
    /// copied; others go through Unicode lower-casing.
    private static func string(_ bytes: UnsafePointer<xmlChar>?, lowercased: Bool = false) -> String {
        guard let bytes else { return "" }
        guard lowercased else { return String(cString: bytes) }
        let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
        let buffer = UnsafeBufferPointer(start: bytes, count: length)
        guard buffer.allSatisfy({ $0 < 0x80 }) else { return String(cString: bytes).lowercased() }
        return String(unsafeUninitializedCapacity: length) { output in
            for (index, byte) in buffer.enumerated() {
                output[index] = byte.asciiLowercased
            }
            return length
        }
    }
}
