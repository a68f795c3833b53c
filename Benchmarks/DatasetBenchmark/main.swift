// Measurements of the Dataset stage's duplicate filters. See Benchmarks/dataset/README.md.
//
//   DatasetBenchmark throughput [N]        exact + near-duplicate filters over N synthetic examples
//   DatasetBenchmark neardup DIR [t [p]]   precision/recall of near-duplicate detection on perturbed
//                                          ~150-word passages of the .txt files in DIR
import Foundation
import TuneData

/// Synthetic examples made on demand from their index, so the benchmark holds no text.
///
/// Every 20 examples, one (i % 20 == 7) repeats example i − 3 with different case and punctuation
/// (an exact duplicate after folding) and one (i % 20 == 13) repeats example i − 5 with one word of
/// its answer replaced (a near-duplicate, Jaccard ≈ 0.89).
struct SyntheticExamples: Sendable {
    let vocabulary: [String]
    let vocabularyBytes: [[UInt8]]

    init() {
        let syllables = [
            "ka", "lo", "mi", "re", "tu", "sa", "ne", "po", "di", "fa", "gu", "be", "zo", "hi", "ur", "an",
        ]
        var rng = SplitMix64(seed: 42)
        vocabulary = (0..<8000).map { _ in
            (0..<Int.random(in: 2...4, using: &rng)).map { _ in syllables.randomElement(using: &rng) ?? "a" }.joined()
        }
        vocabularyBytes = vocabulary.map { Array($0.utf8) }
    }

    enum Kind { case original, exactCopy, nearCopy }

    func kind(_ index: Int) -> Kind {
        switch index % 20 {
        case 7 where index >= 3: .exactCopy
        case 13 where index >= 5: .nearCopy
        default: .original
        }
    }

    func texts(_ index: Int) -> (user: String, answer: String) {
        switch kind(index) {
        case .original:
            let b = base(index)
            return (String(decoding: b.user, as: UTF8.self), String(decoding: b.answer, as: UTF8.self))
        case .exactCopy:
            // Upper case and extra punctuation: the same text after folding.
            let b = base(index - 3)
            let user = b.user.map { $0 >= 0x61 && $0 <= 0x7a ? $0 - 0x20 : $0 }
            let answer = b.answer.flatMap { $0 == 0x20 ? [0x2c, 0x20, 0x20] : [$0] }
            return (String(decoding: user, as: UTF8.self), String(decoding: answer, as: UTF8.self))
        case .nearCopy:
            let b = base(index - 5, replacingWord: 40)
            return (String(decoding: b.user, as: UTF8.self), String(decoding: b.answer, as: UTF8.self))
        }
    }

    private func base(_ index: Int, replacingWord replaced: Int = -1) -> (user: [UInt8], answer: [UInt8]) {
        var rng = SplitMix64(seed: UInt64(index) &* 0x2545_f491_4f6c_dd1d)
        var user: [UInt8] = Array("What does clause \(index) say about".utf8)
        for _ in 0..<3 {
            user.append(0x20)
            user += vocabularyBytes[Int(rng.next() % UInt64(vocabularyBytes.count))]
        }
        user.append(0x3f)
        var answer: [UInt8] = []
        answer.reserveCapacity(800)
        for position in 0..<80 {
            if position > 0 { answer.append(0x20) }
            let word = vocabularyBytes[Int(rng.next() % UInt64(vocabularyBytes.count))]
            if position == replaced {
                answer.append(contentsOf: "replacement".utf8)
            } else {
                answer.append(contentsOf: word)
            }
        }
        return (user, answer)
    }

    func example(_ index: Int) -> Example {
        let t = texts(index)
        return Example(
            messages: [
                Message(role: .system, content: "You answer questions about contracts."),
                Message(role: .user, content: t.user), Message(role: .assistant, content: t.answer),
            ],
            provenance: Provenance(
                source: "synthetic", documentID: "d\(index / 50)", pages: [], section: nil, template: "t",
                variant: 1, passageIndex: index))
    }
}

func seconds(_ duration: Duration) -> String {
    let c = duration.components
    return String(format: "%.2f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
}

func throughput(count: Int) {
    let data = SyntheticExamples()
    let clock = ContinuousClock()
    var exactMatches: [ExactDuplicateFilter.Match] = []
    let exactTime = clock.measure {
        exactMatches = ExactDuplicateFilter(includeAnswers: true).matches(count: count) { data.example($0) }
    }
    let dropped = Set(exactMatches.map(\.index))
    let survivors = (0..<count).filter { !dropped.contains($0) }
    var nearMatches: [NearDuplicateFilter.Match] = []
    let filter = NearDuplicateFilter(threshold: 0.8)
    let nearTime = clock.measure {
        nearMatches = filter.matches(count: survivors.count) { position in
            let t = data.texts(survivors[position])
            return t.user + "\n" + t.answer
        }
    }
    let generateTime = clock.measure {
        var bytes = 0
        for index in 0..<count { let t = data.texts(index); bytes &+= t.user.utf8.count + t.answer.utf8.count }
        if bytes == 42 { print("") }
    }
    let expectedExact = (0..<count).count { data.kind($0) == .exactCopy }
    let expectedNear = (0..<count).count { data.kind($0) == .nearCopy }
    let nearFound = nearMatches.count {
        data.kind(survivors[$0.index]) == .nearCopy && survivors[$0.original] == survivors[$0.index] - 5
    }
    print("examples: \(count) (80-word answers, 12-word questions)")
    print(
        "banding: \(filter.bands) bands x \(filter.rows) rows, \(filter.hasher.permutations) permutations, threshold 0.8"
    )
    print("exact duplicates: \(exactMatches.count) found, \(expectedExact) planted; time \(seconds(exactTime))")
    print(
        "near duplicates: \(nearMatches.count) found, \(nearFound) of \(expectedNear) planted pairs; time \(seconds(nearTime))"
    )
    print("(text generation alone, included in both times: \(seconds(generateTime)) per pass)")
}

/// Perturbations of a passage at a chosen strength.
struct Perturber {
    var rng: SplitMix64
    let vocabulary: [String]

    mutating func perturb(_ text: String, strength: Double) -> String {
        var sentences = text.split(separator: ".", omittingEmptySubsequences: true).map {
            $0.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        let total = sentences.reduce(0) { $0 + $1.count }
        let operations = Int((strength * Double(total)).rounded())
        for _ in 0..<operations {
            let kind = rng.next() % 6
            let s = Int(rng.next() % UInt64(sentences.count))
            guard !sentences[s].isEmpty else { continue }
            let w = Int(rng.next() % UInt64(sentences[s].count))
            switch kind {
            case 0 where sentences[s].count > 1:  // swap adjacent words
                let v = w + 1 < sentences[s].count ? w + 1 : w - 1
                sentences[s].swapAt(w, v)
            case 1:  // renumber: change or insert a number
                sentences[s][w] =
                    sentences[s][w].first?.isNumber == true ? String(rng.next() % 100) : "\(rng.next() % 100)"
            case 2:  // substitute a word
                sentences[s][w] = vocabulary[Int(rng.next() % UInt64(vocabulary.count))]
            case 3 where sentences[s].count > 1:  // delete a word
                sentences[s].remove(at: w)
            case 4 where sentences.count > 1:  // reorder two sentences
                let t = Int(rng.next() % UInt64(sentences.count))
                sentences.swapAt(s, t)
            default:  // whitespace and case: invisible after folding
                sentences[s][w] = sentences[s][w].uppercased() + "  "
            }
        }
        return sentences.map { $0.joined(separator: " ") }.joined(separator: ". ") + "."
    }
}

func passages(in directory: URL, words perPassage: Int) -> [String] {
    let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
        .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    var result: [String] = []
    for file in files {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
        let words = text.split(whereSeparator: \.isWhitespace)
        var start = 0
        while start + perPassage <= words.count {
            result.append(words[start..<(start + perPassage)].joined(separator: " "))
            start += perPassage
        }
    }
    return result
}

func nearDuplicateQuality(directory: URL, threshold: Double, permutations: Int) {
    let originals = passages(in: directory, words: 150)
    guard !originals.isEmpty else {
        print("no .txt passages under \(directory.path)")
        exit(1)
    }
    let vocabulary = Array(Set(originals.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
    var perturber = Perturber(rng: SplitMix64(seed: 7), vocabulary: vocabulary)
    // One variant per passage, strength spread evenly over 0...12% of the words edited.
    let variants = originals.enumerated().map { index, text in
        perturber.perturb(text, strength: 0.12 * Double(index % 25) / 24)
    }
    let filter = NearDuplicateFilter(threshold: threshold, hasher: MinHasher(permutations: permutations))
    let hasher = filter.hasher
    let items = originals + variants
    let matches = filter.matches(count: items.count) { items[$0] }
    let dropped = Dictionary(uniqueKeysWithValues: matches.map { ($0.index, $0) })

    // Precision: every drop judged by the exact Jaccard of the pair it was matched on.
    let dropSimilarities = matches.map { hasher.exactSimilarity(items[$0.index], items[$0.original]) }
    let correctDrops = dropSimilarities.count { $0 >= threshold }
    let nearMisses = dropSimilarities.count { $0 >= threshold - 0.05 }
    // Recall: variants whose exact Jaccard with their (kept) original is at or above the threshold.
    var positives = 0, found = 0
    var bins = [(total: Int, found: Int)](repeating: (0, 0), count: 10)
    for (index, variant) in variants.enumerated() where dropped[index] == nil {
        let j = hasher.exactSimilarity(originals[index], variant)
        let wasDropped = dropped[originals.count + index] != nil
        let bin = min(9, Int(j * 10))
        bins[bin].total += 1
        if wasDropped { bins[bin].found += 1 }
        if j >= threshold {
            positives += 1
            if wasDropped { found += 1 }
        }
    }
    let originalDrops = matches.count { $0.index < originals.count }
    // Accuracy of the signature estimate against the exact Jaccard, over all (original, variant) pairs.
    var sumError = 0.0, sumSquared = 0.0
    for (original, variant) in zip(originals, variants) {
        let a = hasher.compactSignature(of: original), b = hasher.compactSignature(of: variant)
        let estimate = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in MinHasher.estimatedSimilarity(x, y) }
        }
        let error = estimate - hasher.exactSimilarity(original, variant)
        sumError += error
        sumSquared += error * error
    }
    let pairs = Double(originals.count)
    print(
        String(
            format: "signature estimate vs exact Jaccard: mean error %+.4f, RMS error %.4f", sumError / pairs,
            (sumSquared / pairs).squareRoot()))
    print("passages: \(originals.count) of 150 words from \(directory.lastPathComponent); one perturbed variant each")
    print(
        "banding: \(filter.bands) bands x \(filter.rows) rows of \(permutations) permutations, threshold \(threshold)")
    print("drops: \(matches.count) (\(originalDrops) originals that were near-duplicates of other passages)")
    print(
        String(
            format: "precision: %d/%d = %.4f (drops whose exact Jaccard >= threshold)", correctDrops, matches.count,
            matches.isEmpty ? 1 : Double(correctDrops) / Double(matches.count)))
    print(
        String(
            format: "drops with exact Jaccard >= %.2f: %d/%d; lowest exact Jaccard of a drop: %.3f", threshold - 0.05,
            nearMisses, matches.count, dropSimilarities.min() ?? 1))
    print(
        String(
            format: "recall: %d/%d = %.4f (variants with exact Jaccard >= threshold that were dropped)", found,
            positives,
            positives == 0 ? 1 : Double(found) / Double(positives)))
    print("detection rate by exact Jaccard of variant and original:")
    for (bin, counts) in bins.enumerated() where counts.total > 0 {
        print(
            String(
                format: "  [%.1f, %.1f): %5d variants, %5d dropped (%.3f)", Double(bin) / 10, Double(bin + 1) / 10,
                counts.total, counts.found, Double(counts.found) / Double(counts.total)))
    }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "throughput":
    throughput(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
case "neardup":
    guard let directory = arguments.dropFirst().first else {
        print("usage: DatasetBenchmark neardup DIR [threshold [permutations]]")
        exit(2)
    }
    nearDuplicateQuality(
        directory: URL(fileURLWithPath: directory),
        threshold: arguments.dropFirst(2).first.flatMap { Double($0) } ?? 0.8,
        permutations: arguments.dropFirst(3).first.flatMap { Int($0) } ?? 128)
default:
    print("usage: DatasetBenchmark throughput [N] | neardup DIR [threshold [permutations]]")
    exit(2)
}
