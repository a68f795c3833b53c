/// Why a template file could not be loaded; every case names the file and, where known, the line.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `templates/x.yaml:12: unknown variable 'passage.titel'`: the form editors jump to.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
