import ArgumentParser
import Foundation

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
