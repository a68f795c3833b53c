// Runs tunedata's PDF extractor over a list of PDFs in one process on one thread, and poppler's
// own text pass over the same files (poppler_page_get_text on every page: the floor any
// poppler-based extractor stands on), and prints both timings as JSON.
//
// usage: PDFBenchmark FILE...
// Give files whose /OutputIntents are already hidden (Benchmarks/pdf/bench.py does) so that both
// passes read the same bytes.
import CPoppler
import Foundation
import TuneData

let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: PDFBenchmark FILE...\n".utf8))
    exit(2)
}
let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Opens every file with poppler-glib and calls `body` with each page; returns the page count.
func forEachPopplerPage(_ body: (OpaquePointer) -> Void) -> Int {
    var pages = 0
    for data in files {
        data.withUnsafeBytes { raw in
            let bytes = g_bytes_new(raw.baseAddress, gsize(raw.count))
            defer { g_bytes_unref(bytes) }
            guard let document = poppler_document_new_from_bytes(bytes, nil, nil) else { return }
            defer { g_object_unref(UnsafeMutableRawPointer(document)) }
            for index in 0..<poppler_document_get_n_pages(document) {
                guard let page = poppler_document_get_page(document, index) else { continue }
                body(page)
                g_object_unref(UnsafeMutableRawPointer(page))
                pages += 1
            }
        }
    }
    return pages
}

/// poppler-glib's plain text of every page, nothing kept.
func popplerTextPass() -> Int {
    forEachPopplerPage { page in g_free(poppler_page_get_text(page)) }
}

/// poppler-glib's text plus what layout analysis needs: every character's box and the font runs
/// (`poppler_page_get_text_layout`, `poppler_page_get_text_attributes`), nothing kept.
func popplerLayoutPass() -> Int {
    forEachPopplerPage { page in
        g_free(poppler_page_get_text(page))
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        _ = poppler_page_get_text_layout(page, &rectangles, &count)
        g_free(rectangles)
        if let attributes = poppler_page_get_text_attributes(page) { poppler_page_free_text_attributes(attributes) }
    }
}

/// tunedata's whole PDF extraction: lines, columns, furniture, blocks, headings.
func tunedataPass() -> Int {
    var pages = 0
    let extractor = PDFExtractor()
    for (index, data) in files.enumerated() {
        let source = SourceFile(
            url: URL(fileURLWithPath: paths[index]), displayPath: paths[index], documentID: "\(index)")
        if let document = try? extractor.extract(data, from: source, options: ExtractionOptions()) {
            pages += document.pageCount ?? 0
        }
    }
    return pages
}

// Warm up once (page cache, lazy binding), then the fastest of three passes each.
_ = popplerTextPass()
_ = popplerLayoutPass()
_ = tunedataPass()
var popplerPages = 0
var tunedataPages = 0
let poppler = (0..<3).map { _ in seconds { popplerPages = popplerTextPass() } }.min() ?? 0
let layout = (0..<3).map { _ in seconds { _ = popplerLayoutPass() } }.min() ?? 0
let tunedata = (0..<3).map { _ in seconds { tunedataPages = tunedataPass() } }.min() ?? 0
print(
    "{\"files\": \(files.count), \"poppler_pages\": \(popplerPages), \"poppler_seconds\": \(poppler), "
        + "\"poppler_layout_seconds\": \(layout), "
        + "\"tunedata_pages\": \(tunedataPages), \"tunedata_seconds\": \(tunedata)}")
