import Foundation

/// Turns the bytes of a text file into a `String`: byte-order marks first, then UTF-8 when the bytes
/// are valid UTF-8, otherwise Windows-1252 (what browsers assume for undeclared Western text).
enum TextDecoding {
    /// The decoded text and, when a fallback was used, a warning saying so.
    static func decode(_ data: Data) -> (text: String, warning: String?) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: data.dropFirst(3), as: UTF8.self), nil)
        }
        if data.starts(with: [0xFF, 0xFE]), let text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) {
            return (text, nil)
        }
        if data.starts(with: [0xFE, 0xFF]), let text = String(data: data.dropFirst(2), encoding: .utf16BigEndian) {
            return (text, nil)
        }
        if let text = String(validating: data, as: UTF8.self) {
            return (text, nil)
        }
        if let text = String(data: data, encoding: .windowsCP1252) {
            return (text, "not valid UTF-8; decoded as Windows-1252")
        }
        return (String(decoding: data, as: UTF8.self), "not valid UTF-8; invalid bytes replaced")
    }
}
