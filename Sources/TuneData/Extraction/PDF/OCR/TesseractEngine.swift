import Foundation

/// One Tesseract instance (`TessBaseAPI*`) set up for a language, owned by one worker.
///
/// The handle never leaves this object: pages go in as ``OCRImage``s, words come out as
/// ``OCRWord`` values. `deinit` ends and deletes the instance. It is not `Sendable`: each worker
/// thread makes its own, so no Tesseract state is shared.
final class TesseractEngine {
    private let library: TesseractLibrary
    private let handle: TesseractLibrary.Handle

    /// Starts Tesseract with `languages` ("eng+deu") from `dataFolder`.
    ///
    /// - Throws: ``OCRUnavailable/initFailed(_:)`` when Tesseract refuses them.
    init(library: TesseractLibrary, languages: String, dataFolder: String) throws(OCRUnavailable) {
        guard let handle = library.create() else { throw .initFailed(languages) }
        // Tesseract's own notes ("Estimating resolution...") would interleave with tunedata's output.
        _ = library.setVariable(handle, "debug_file", "/dev/null")
        guard library.init3(handle, dataFolder, languages) == 0 else {
            library.delete(handle)
            throw .initFailed(languages)
        }
        library.setPageSegMode(handle, TesseractLibrary.pageSegmentationAuto)
        self.library = library
        self.handle = handle
    }

    deinit {
        library.end(handle)
        library.delete(handle)
    }

    /// Reads `image`: its words in Tesseract's reading order, with boxes in pixels, and the
    /// page's mean confidence (0–100).
    func recognize(_ image: OCRImage) -> (words: [OCRWord], meanConfidence: Int) {
        image.pixels.withUnsafeBufferPointer { pixels in
            guard let base = pixels.baseAddress else { return }
            library.setImage(handle, base, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        library.setSourceResolution(handle, Int32(image.dotsPerInch))
        guard library.recognize(handle, nil) == 0 else { return ([], 0) }
        let words = readWords()
        return (words, words.isEmpty ? 0 : Int(library.meanTextConf(handle)))
    }

    private func readWords() -> [OCRWord] {
        guard let results = library.getIterator(handle) else { return [] }
        defer { library.iteratorDelete(results) }
        guard let page = library.iteratorPage(results) else { return [] }
        var words: [OCRWord] = []
        var block = -1
        var line = -1
        repeat {
            if library.pageIsAtBeginning(page, TesseractLibrary.levelBlock) != 0 { block += 1 }
            if library.pageIsAtBeginning(page, TesseractLibrary.levelLine) != 0 { line += 1 }
            guard let raw = library.iteratorText(results, TesseractLibrary.levelWord) else { continue }
            let text = String(cString: raw)
            library.deleteText(raw)
            var left: Int32 = 0
            var top: Int32 = 0
            var right: Int32 = 0
            var bottom: Int32 = 0
            guard library.pageBoundingBox(page, TesseractLibrary.levelWord, &left, &top, &right, &bottom) != 0,
                !text.allSatisfy(\.isWhitespace)
            else { continue }
            words.append(
                OCRWord(
                    text: text, confidence: Double(library.iteratorConfidence(results, TesseractLibrary.levelWord)),
                    block: max(block, 0), line: max(line, 0),
                    left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom)))
        } while library.iteratorNext(results, TesseractLibrary.levelWord) != 0
        return words
    }
}

/// An 8-bit grayscale page image, one byte per pixel, rows without padding.
struct OCRImage: Sendable {
    var width: Int
    var height: Int
    var dotsPerInch: Double
    var pixels: [UInt8]
}

/// One word Tesseract read: text, confidence (0–100), which block and line it belongs to, and its
/// box in pixels (origin top left).
struct OCRWord: Sendable, Hashable {
    var text: String
    var confidence: Double
    var block: Int
    var line: Int
    var left: Int
    var top: Int
    var right: Int
    var bottom: Int
}
