internal import CPoppler
import Foundation

/// The one place that touches poppler-glib: opens a document from memory and copies each page's
/// text, character boxes and fonts into Swift values (``PDFPage``).
///
/// Every poppler object lives in a single-owner box that unrefs it in `deinit`; every `gchar*` is
/// copied into a `String` and freed at once; no C pointer leaves this file. A document is opened
/// per `extract` call and never shared across threads.
final class PopplerDocumentBox {
    private let document: OpaquePointer

    /// Opens `data` (copied into a GBytes that poppler keeps alive).
    ///
    /// - Throws: `.encrypted` when a password is missing or wrong, `.corrupt` otherwise.
    init(data: Data, password: String?) throws(ExtractionError) {
        let bytes: OpaquePointer? = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        defer { if let bytes { g_bytes_unref(bytes) } }
        // Through a memory stream, not poppler_document_new_from_bytes: poppler 22's retry of a
        // wrong password on a bytes-backed document reads a freed stream and crashes.
        let stream = g_memory_input_stream_new_from_bytes(bytes)
        defer { if let stream { g_object_unref(UnsafeMutableRawPointer(stream)) } }
        var error: UnsafeMutablePointer<GError>?
        let opened = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error)
        if let opened {
            document = opened
            return
        }
        var message = "poppler could not open it"
        var code: Int32 = -1
        if let error {
            if let text = error.pointee.message { message = String(cString: text) }
            if error.pointee.domain == poppler_error_quark() { code = error.pointee.code }
            g_error_free(error)
        }
        if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encrypted(passwordGiven: password != nil) }
        throw .corrupt(message.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// The info-dictionary entries that are present, keyed in snake_case, dates in ISO 8601.
    var metadata: [String: String] {
        var values: [String: String] = [:]
        let strings: [(String, (OpaquePointer) -> UnsafeMutablePointer<gchar>?)] = [
            ("title", poppler_document_get_title), ("author", poppler_document_get_author),
            ("subject", poppler_document_get_subject), ("keywords", poppler_document_get_keywords),
            ("creator", poppler_document_get_creator), ("producer", poppler_document_get_producer),
        ]
        for (key, getter) in strings {
            if let value = takeString(getter(document)), !value.isEmpty { values[key] = value }
        }
        let dates: [(String, (OpaquePointer) -> Int)] = [
            ("creation_date", { Int(poppler_document_get_creation_date($0)) }),
            ("modification_date", { Int(poppler_document_get_modification_date($0)) }),
        ]
        for (key, getter) in dates {
            let seconds = getter(document)
            if seconds > 0 {
                values[key] = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            }
        }
        return values
    }

    /// Reads page `index` (0-based).
    func page(at index: Int) -> PDFPage {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            return PDFPage(number: index + 1, width: 0, height: 0, lines: [], hasImages: false)
        }
        return PopplerPageBox(page).read(number: index + 1)
    }
}

extension PopplerDocumentBox {
    /// The largest image OCR renders, in pixels (a 300-dpi A3 page is 17 million): a huge page is
    /// rendered at a lower resolution rather than taking gigabytes.
    static let maxRenderedPixels = 40_000_000.0

    /// Renders page `index` (0-based) for OCR: white background, `dotsPerInch` (lower for a page
    /// larger than ``maxRenderedPixels``), converted to 8-bit grayscale; `nil` for an empty page.
    func grayImage(ofPageAt index: Int, dotsPerInch: Double) -> OCRImage? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0 else { return nil }
        var scale = dotsPerInch / 72
        let pixels = width * height * scale * scale
        if pixels > Self.maxRenderedPixels { scale *= (Self.maxRenderedPixels / pixels).squareRoot() }
        let columns = Int32(max(1, (width * scale).rounded()))
        let rows = Int32(max(1, (height * scale).rounded()))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, columns, rows) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            return nil
        }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let (w, h) = (Int(columns), Int(rows))
        var gray = [UInt8](repeating: 255, count: w * h)
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * h) { words in
            for row in 0..<h {
                let base = row * stride / 4
                for column in 0..<w {
                    // RGB24 keeps each pixel in a native-endian 32-bit word: 0x00RRGGBB.
                    let pixel = words[base + column]
                    let red = (pixel >> 16) & 0xFF
                    let green = (pixel >> 8) & 0xFF
                    let blue = pixel & 0xFF
                    gray[row * w + column] = UInt8((red * 299 + green * 587 + blue * 114) / 1000)
                }
            }
        }
        return OCRImage(width: w, height: h, dotsPerInch: scale * 72, pixels: gray)
    }
}

/// Owns one `PopplerPage`.
private final class PopplerPageBox {
    private let page: OpaquePointer

    init(_ page: OpaquePointer) { self.page = page }
    deinit { g_object_unref(UnsafeMutableRawPointer(page)) }

    func read(number: Int) -> PDFPage {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scalars = Array((takeString(poppler_page_get_text(page)) ?? "").unicodeScalars)
        let hasText = scalars.contains { !TextNormalization.isSpace($0) }
        guard hasText else {
            return PDFPage(number: number, width: width, height: height, lines: [], hasImages: hasImages())
        }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        var boxes: [PDFBox] = []
        if poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
            boxes.reserveCapacity(Int(count))
            for index in 0..<Int(count) {
                let r = rectangles[index]
                boxes.append(PDFBox(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2))
            }
        }
        g_free(rectangles)
        let styles = readStyles()
        let characters = PDFCharacterRun(
            scalars: scalars, boxes: boxes.count == scalars.count ? boxes : nil, styles: styles, pageWidth: width)
        let read = characters.lines()
        // A page in columns keeps its pieces apart: a word of the next column may sit on the same baseline.
        let gutters = PDFColumns.pageGutters(read, pageWidth: width)
        let lines =
            gutters.isEmpty ? PDFJustifiedFragments.joined(read) : PDFColumns.readingOrder(read, gutters: gutters)
        return PDFPage(number: number, width: width, height: height, lines: lines, hasImages: false)
    }

    /// Font runs as (first character, last character, size, bold).
    private func readStyles() -> [PDFStyleRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [PDFStyleRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attributes.font_name.map { String(cString: $0) } ?? ""
                runs.append(
                    PDFStyleRun(
                        start: Int(attributes.start_index), end: Int(attributes.end_index),
                        size: attributes.font_size, isBold: PDFStyleRun.isBoldFontName(name)))
            }
            node = current.pointee.next
        }
        return runs
    }

    private func hasImages() -> Bool {
        guard let list = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(list)
        return true
    }
}

/// Copies a `gchar*` poppler handed over into a `String`, then frees it.
private func takeString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    return String(cString: pointer)
}
