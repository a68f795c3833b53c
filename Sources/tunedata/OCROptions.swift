public import ArgumentParser
public import TuneData

/// `--ocr` and `--ocr-languages`, shared by `convert` and `extract`.
struct OCROptions: ParsableArguments {
    @Option(help: "Read PDF pages with OCR (Tesseract): auto (pages without text), always or never.")
    var ocr: OCRMode = .auto

    @Option(help: "Tesseract languages for OCR, joined with + (e.g. eng+deu); each must be installed.")
    var ocrLanguages = "eng"

    func validate() throws {
        guard ocr != .never, let problem = OCRAvailability.languageProblem(ocrLanguages) else { return }
        throw ValidationError(problem)
    }

    /// `options` with these OCR settings.
    func applied(to options: ExtractionOptions) -> ExtractionOptions {
        var options = options
        options.ocr = ocr
        options.ocrLanguages = ocrLanguages
        return options
    }
}

extension OCRMode: ExpressibleByArgument {}
