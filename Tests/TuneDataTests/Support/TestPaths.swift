import Foundation

/// Where the tests find the package and the shared corpus, wherever the test file sits.
enum TestPaths {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
        {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// `../shared/corpus` beside the package (present on the development machine, absent elsewhere).
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
}
