import Foundation

/// Finds Tesseract's language data and checks that the languages asked for are installed.
///
/// Tesseract prints to stderr and fails without a reason when a language is missing, so the
/// `.traineddata` files are looked for first, and a missing one is named with the Debian package
/// that installs it.
enum TesseractLanguages {
    /// Where Debian (4.x and 5.x), Fedora, Homebrew and source builds put `tessdata`.
    static let searchedFolders = [
        "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
    ]

    /// The `tessdata` folder: `TESSDATA_PREFIX` when set, else the first known folder that exists.
    static func dataFolder() -> String? {
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            return prefix
        }
        return searchedFolders.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The installed languages in `folder` ("eng", "osd"), sorted.
    static func installed(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".traineddata") }.map { String($0.dropLast(".traineddata".count)) }.sorted()
    }

    /// Splits "eng+deu" into its languages.
    static func split(_ languages: String) -> [String] {
        languages.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The data folder, once every language in `languages` is known to be installed there.
    ///
    /// - Throws: ``OCRUnavailable/noLanguageData`` or ``OCRUnavailable/languageMissing(_:installed:)``.
    static func checked(_ languages: String) throws(OCRUnavailable) -> String {
        guard let folder = dataFolder() else { throw .noLanguageData }
        let available = installed(in: folder)
        for language in split(languages) where !available.contains(language) {
            throw .languageMissing(language, installed: available.filter { $0 != "osd" })
        }
        return folder
    }
}
