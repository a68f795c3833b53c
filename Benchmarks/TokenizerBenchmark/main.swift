// Times single-threaded encoding with the Tokenizer library: one line of figures per input.
//
// usage: TokenizerBenchmark ENCODING FILE... [--repeat N] [--ids]
//   Encodes each file's text (UTF-8, invalid bytes replaced) N times (default 3) and prints, per file,
//   `bytes tokens best_seconds MB/s` (MB = 10^6 bytes, best of N). Seconds are CPU time of the encoding
//   thread, so other processes on a shared machine disturb the figures less. With --ids prints the ids
//   instead, one line per file, for comparison with tiktoken.

import Foundation
import Tokenizer

var arguments = Array(CommandLine.arguments.dropFirst())
var repetitions = 3
var printIDs = false
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let value = Int(arguments[index + 1])
{
    repetitions = max(1, value)
    arguments.removeSubrange(index...(index + 1))
}
if let index = arguments.firstIndex(of: "--ids") {
    printIDs = true
    arguments.remove(at: index)
}
guard arguments.count >= 2, let name = EncodingName(rawValue: arguments[0]) else {
    FileHandle.standardError.write(
        Data("usage: TokenizerBenchmark cl100k_base|o200k_base FILE... [--repeat N] [--ids]\n".utf8))
    exit(2)
}

/// CPU seconds used by the calling thread so far.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let loadStart = threadCPUSeconds()
let encoding = BPEEncoding.shared(name)
let loadSeconds = threadCPUSeconds() - loadStart
if !printIDs { print("# load \(name.rawValue): \(String(format: "%.3f", loadSeconds)) s") }

for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    let text = String(decoding: data, as: UTF8.self)
    if printIDs {
        print(encoding.encode(text).map(String.init).joined(separator: " "))
        continue
    }
    var best = Double.infinity
    var tokens = 0
    for _ in 0..<repetitions {
        let start = threadCPUSeconds()
        tokens = encoding.encode(text).count
        best = min(best, threadCPUSeconds() - start)
    }
    let bytes = text.utf8.count
    print("\(bytes) \(tokens) \(String(format: "%.6f", best)) \(String(format: "%.2f", Double(bytes) / best / 1e6))")
}
