/// Checks, for the command line, that the OCR languages asked for are installed.
public enum OCRAvailability {
    /// Why OCR with `languages` ("eng+deu") cannot run on this machine, or `nil` when it can.
    ///
    /// A missing Tesseract is not a reason here (each file that needs OCR names it, and the run
    /// goes on); a missing language is, since the user asked for it by name.
    public static func languageProblem(_ languages: String) -> String? {
        if TesseractLanguages.split(languages).isEmpty { return "--ocr-languages names no language" }
        guard (try? TesseractLibrary.load(path: TesseractLibrary.path(nil))) != nil else { return nil }
        do throws(OCRUnavailable) {
            _ = try TesseractLanguages.checked(languages)
            return nil
        } catch {
            return error.description
        }
    }
}
