/// One thing a run has to tell its user: a skipped input, a template error, a validation finding or a warning.
///
/// The library returns diagnostics as values and never prints them; the command line prints every
/// one through a single printer, as `file:line: severity: message` lines (the form editors jump to)
/// or as JSON. `kind` is a stable snake_case code a script can match on.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How much the diagnostic matters to the run.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The run, or the file named, cannot be used as it is.
        case error
        /// Usable, but probably not what was meant, or something was left out.
        case warning
        /// For information only.
        case note
    }

    /// The file the diagnostic is about, as the user named it; `nil` for the run as a whole.
    public var file: String?
    /// The 1-based line in `file`, when known.
    public var line: Int?
    public var severity: Severity
    /// A stable code: a validation rule (`missing_content`), a skip reason (`encrypted`), `template`...
    public var kind: String
    /// One line, in words, without the file and line.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, severity: Severity, kind: String, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.kind = kind
        self.message = message
    }

    /// `file:line: severity: message`, leaving out what is unknown.
    public var text: String {
        var location = ""
        if let file { location = line.map { "\(file):\($0): " } ?? "\(file): " }
        return "\(location)\(severity.rawValue): \(message)"
    }
}

extension Diagnostic {
    /// A validator's finding about a line of `file`.
    public init(_ finding: ValidationFinding, file: String) {
        let severity: Severity = finding.severity == .error ? .error : .warning
        self.init(file: file, line: finding.line, severity: severity, kind: finding.kind, message: finding.message)
    }

    /// A template file that could not be loaded.
    public init(_ error: TemplateError) {
        self.init(file: error.file, line: error.line, severity: .error, kind: "template", message: error.message)
    }

    /// An input that was skipped, with its reason.
    public init(skipped input: SkippedInput) {
        self.init(file: input.path, severity: .warning, kind: input.reason, message: "skipped: \(input.message)")
    }
}
