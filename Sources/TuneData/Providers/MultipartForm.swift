public import Foundation

/// A `multipart/form-data` body (RFC 7578) of text fields and files, as the Files and Uploads APIs take.
///
/// The boundary is given so a test can compare the bytes exactly; ``randomBoundary()`` makes one
/// that cannot occur in a file by chance.
public struct MultipartForm: Sendable {
    public var boundary: String
    private var body = Data()

    public init(boundary: String = MultipartForm.randomBoundary()) {
        self.boundary = boundary
    }

    /// A boundary of 32 random hex digits after a fixed prefix.
    public static func randomBoundary() -> String {
        "tunedata-" + (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
    }

    /// The `Content-Type` header value for the body.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field.
    public mutating func addField(name: String, value: String) {
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n".utf8))
        body.append(Data(value.utf8))
        body.append(Data("\r\n".utf8))
    }

    /// Adds a file part with its file name and media type.
    public mutating func addFile(name: String, filename: String, contentType: String, data: Data) {
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(
            Data(
                "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n"
                    .utf8))
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    /// The finished body, closing delimiter included.
    public func encoded() -> Data {
        var data = body
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    /// Escapes a name for a quoted header parameter as browsers do (quote, CR and LF percent-encoded).
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
