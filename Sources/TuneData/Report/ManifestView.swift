import Foundation

/// Typed reads from `manifest.json` parsed as plain JSON, with defaults when a key is absent.
struct ManifestView {
    let root: [String: Any]

    init(_ root: [String: Any]) {
        self.root = root
    }

    func value(_ path: String...) -> Any? { value(path) }

    func value(_ path: [String]) -> Any? {
        var current: Any? = root
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    func int(_ path: String...) -> Int? { (value(path) as? NSNumber)?.intValue }
    func double(_ path: String...) -> Double? { (value(path) as? NSNumber)?.doubleValue }
    func string(_ path: String...) -> String? { value(path) as? String }
    func object(_ path: String...) -> [String: Any] { value(path) as? [String: Any] ?? [:] }

    /// A `{name: count}` object ("dropped by reason", "examples per template").
    func counts(_ path: String...) -> [String: Int] {
        (value(path) as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    var model: String { string("configuration", "dataset", "model") ?? DatasetConfiguration().model }
}
