import Foundation

/// Checks JSON against the schemas of `../shared/openai-openapi/fine-tuning-and-chat.json` with
/// Python's `jsonschema` (installed by `.ci/run`).
enum SchemaChecker {
    static let description = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/openai-openapi/fine-tuning-and-chat.json")

    static var script: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures/providers/check_schemas.py")
    }

    /// Whether the description and `python3 -c 'import jsonschema'` are both there.
    static let isAvailable: Bool = {
        guard FileManager.default.fileExists(atPath: description.path) else { return false }
        return (try? python(["-c", "import jsonschema"], input: Data()).status) == 0
    }()

    /// The errors of each instance against its schema (an empty array: valid).
    static func errors(_ items: [(schema: String, instance: Any)]) throws -> [[String]] {
        guard let script else { return items.map { _ in ["check_schemas.py is missing"] } }
        let payload = items.map { ["schema": $0.schema, "instance": $0.instance] }
        let input = try JSONSerialization.data(withJSONObject: payload)
        let result = try python([script.path, description.path], input: input)
        guard result.status == 0, let decoded = try JSONSerialization.jsonObject(with: result.output) as? [[String]]
        else {
            return items.map { _ in ["check_schemas.py failed: " + String(decoding: result.output, as: UTF8.self)] }
        }
        return decoded
    }

    private static func python(_ arguments: [String], input: Data) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
