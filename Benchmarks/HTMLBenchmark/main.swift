// Runs tunedata's HTML extractor over a list of pages on one thread, writes the extracted text
// as JSON for the Python scorer and prints timings: libxml2's bare parse versus full extraction.
//
// usage: HTMLBenchmark LIST_FILE OUTPUT_JSON
//   LIST_FILE    one path per line (uncompressed HTML)
//   OUTPUT_JSON  {"path": "extracted text" | null, ...}
import CLibXML2
import Foundation
import TuneData

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: HTMLBenchmark LIST_FILE OUTPUT_JSON\n".utf8))
    exit(2)
}
let paths = try String(contentsOfFile: arguments[1], encoding: .utf8)
    .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
let pages = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
let totalBytes = pages.reduce(0) { $0 + $1.count }

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

xmlInitParser()
let parseOptions = Int32(
    bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

// Bare parse: libxml2 builds and frees the tree, nothing else (libxml2 guesses the encoding).
var parsed = 0
let parseTime = seconds {
    for page in pages {
        page.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            if let document = htmlReadMemory(base, Int32(raw.count), nil, nil, parseOptions) {
                parsed += 1
                xmlFreeDoc(document)
            }
        }
    }
}

// Full extraction: encoding detection, parse, copy, main-content detection, blocks.
let extractor = HTMLExtractor()
var outputs: [String: String?] = [:]
var failures: [String: Int] = [:]
let extractTime = seconds {
    for (path, page) in zip(paths, pages) {
        let source = SourceFile(url: URL(fileURLWithPath: path), displayPath: path, documentID: path)
        do {
            let document = try extractor.extract(page, from: source, options: ExtractionOptions())
            outputs[path] = document.plainText
        } catch {
            outputs[path] = .some(nil)
            failures[(error as? ExtractionError)?.reasonKey ?? "other", default: 0] += 1
        }
    }
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
try encoder.encode(outputs).write(to: URL(fileURLWithPath: arguments[2]))
let summary: [String: Any] = [
    "pages": pages.count, "bytes": totalBytes, "parse_seconds": parseTime, "extract_seconds": extractTime,
    "parsed": parsed, "failures": failures,
]
let json = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
