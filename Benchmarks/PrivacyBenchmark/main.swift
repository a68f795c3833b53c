// The CPU the privacy stage adds to the per-document stages of `convert`.
//
// Runs extract → chunk → privacy → render over the CUAD contracts (../shared/corpus/legal-pdf/cuad/pdf)
// on one thread, alternately with every detector and with none (`DetectorRegistry.empty`), for
// several interleaved rounds, and prints the median process CPU time of each and their ratio.
// Usage: swift run -c release PrivacyBenchmark [ROUNDS] [FOLDER] [--pii report|redact|drop]

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import TuneData

func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let arguments = Array(CommandLine.arguments.dropFirst())
let positional = arguments.filter { !$0.hasPrefix("--") && !["report", "redact", "drop"].contains($0) }
let rounds = positional.first.flatMap(Int.init) ?? 3
let folder = positional.dropFirst().first ?? "../shared/corpus/legal-pdf/cuad/pdf"
let mode =
    arguments.firstIndex(of: "--pii").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    .flatMap(PrivacyOptions.PersonalDataMode.init(rawValue:)) ?? .report
guard FileManager.default.fileExists(atPath: folder) else {
    print("skipped: \(folder) is absent")
    exit(0)
}
let files = InputDiscovery.discover([folder]).files
if arguments.contains("--profile") {
    let extractors = Extractors()
    let texts = files.compactMap { try? extractors.extract($0) }.map { $0.blocks.map(\.text).joined(separator: "\n") }
    print("\(texts.reduce(0) { $0 + $1.utf8.count }) bytes of text")
    for (name, seconds) in DetectorRegistry.standard.profile(texts).sorted(by: { $0.1 > $1.1 }) {
        print(String(format: "%-28@ %.3f s", name as NSString, seconds))
    }
    exit(0)
}
var processor = DocumentProcessor(
    extractors: Extractors(), chunker: Chunker(options: ChunkingOptions()), templates: try TemplateSet.shipped(),
    seed: 0)
let options = PrivacyOptions(pii: mode)
var with: [Double] = []
var without: [Double] = []
var examples = (with: 0, without: 0)
for round in 0..<rounds {
    // Alternate which goes first, so neither always runs on a warmer cache.
    for detect in round % 2 == 0 ? [false, true] : [true, false] {
        processor.privacy = PrivacyStage(options: options, registry: detect ? .standard : .empty)
        let start = cpuSeconds()
        var count = 0
        for file in files { count += processor.process(file).exampleCount }
        let seconds = cpuSeconds() - start
        if detect {
            with.append(seconds)
            examples.with = count
        } else {
            without.append(seconds)
            examples.without = count
        }
    }
}
let ratio = median(with) / median(without)
print("files \(files.count), rounds \(rounds), --pii \(mode.rawValue)")
print(String(format: "without detection  median CPU %.2f s  (%d examples)", median(without), examples.without))
print(String(format: "with detection     median CPU %.2f s  (%d examples)", median(with), examples.with))
print(String(format: "added by detection %+.1f%% (target ≤ 10%%)", (ratio - 1) * 100))
