import ArgumentParser
import Foundation
import TuneData

/// `--format text|json` for the inspection commands.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Pretty, key-sorted JSON for machine-readable command output.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// `--diagnostics text|json` for `convert` and `merge`.
enum DiagnosticsStyle: String, ExpressibleByArgument, CaseIterable {
    /// `file:line: severity: message` lines on standard error.
    case text
    /// One JSON array of every diagnostic, skipped inputs included, on standard output.
    case json
}

/// The one printer of the library's ``Diagnostic`` values.
enum DiagnosticPrinter {
    /// Prints `diagnostics` on standard error, one `file:line: severity: message` line each.
    static func printText(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.text) }
    }

    /// Prints `diagnostics` as one JSON array on standard output.
    static func printJSON(_ diagnostics: [Diagnostic]) throws {
        print(try JSONOutput.string(diagnostics))
    }
}
