import CPoppler
import Foundation
@testable import TuneData

/// PDFs made at test time with cairo for the OCR tests: pages that are only a picture of text (no
/// text layer), pages of noise, and born-digital pages with a text layer.
enum OCRTestPDFs {
    enum Page {
        /// A 300-dpi image of these lines of 12 pt serif text.
        case imageOfText([String])
        /// A 300-dpi image of random black and white pixels (fixed seed).
        case noise
        /// These lines as real text (a text layer).
        case text([String])
    }

    static let pointsWide = 612.0
    static let pointsHigh = 792.0
    static let dotsPerInch = 300.0

    /// Writes a PDF of `pages` (US letter) to a fresh temporary file and returns its bytes.
    static func make(_ pages: [Page]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let surface = cairo_pdf_surface_create(url.path, pointsWide, pointsHigh) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard let context = cairo_create(surface) else { throw CocoaError(.fileWriteUnknown) }
        for page in pages {
            switch page {
            case .imageOfText(let lines): paintImage(on: context) { draw(lines, on: $0, scale: dotsPerInch / 72) }
            case .noise: paintImage(on: context) { noise(on: $0) }
            case .text(let lines): draw(lines, on: context, scale: 1)
            }
            cairo_show_page(context)
        }
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return try Data(contentsOf: url)
    }

    /// Draws into a white 300-dpi image the size of the page, then paints that image on the page.
    private static func paintImage(on page: OpaquePointer, _ draw: (OpaquePointer) -> Void) {
        let scale = dotsPerInch / 72
        guard
            let image = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, Int32(pointsWide * scale), Int32(pointsHigh * scale)),
            let context = cairo_create(image)
        else { return }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        draw(context)
        cairo_destroy(context)
        cairo_save(page)
        cairo_scale(page, 1 / scale, 1 / scale)
        cairo_set_source_surface(page, image, 0, 0)
        cairo_paint(page)
        cairo_restore(page)
        cairo_surface_destroy(image)
    }

    /// Lines of 12 pt text from one inch in, 18 pt apart, in points times `scale`.
    private static func draw(_ lines: [String], on context: OpaquePointer, scale: Double) {
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_select_font_face(context, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, 12 * scale)
        for (index, line) in lines.enumerated() {
            cairo_move_to(context, 72 * scale, (90 + Double(index) * 18) * scale)
            cairo_show_text(context, line)
        }
    }

    /// Random black pixels over a 4-inch square (a linear congruential generator, so every run is the same).
    private static func noise(on context: OpaquePointer) {
        guard let image = cairo_get_target(context) else { return }
        cairo_surface_flush(image)
        guard let data = cairo_image_surface_get_data(image) else { return }
        let stride = Int(cairo_image_surface_get_stride(image))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let side = Int(4 * dotsPerInch)
        for y in 300..<(300 + side) {
            for x in 300..<(300 + side) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                guard state >> 63 == 1 else { continue }
                for byte in 0..<4 { data[y * stride + x * 4 + byte] = 0 }
            }
        }
        cairo_surface_mark_dirty(image)
    }

    /// Whether Tesseract can be loaded here (the OCR tests skip with a message when not).
    static var tesseractIsAvailable: Bool {
        PDFOCR(languages: "eng", libraryPath: nil).availability().isSuccess
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
