/// MinHash signatures of texts over word shingles.
///
/// A text is folded (``WordFolding``: lower case, punctuation and whitespace removed) and cut into
/// overlapping shingles of `shingleSize` words; each shingle is hashed to 64 bits. Each of the
/// `permutations` hash functions is `a·h + b mod 2³²` over the shingle hash folded to 32 bits (a
/// odd, so a bijection; 32-bit lanes because 64-bit vector multiplies are slow on x86-64), and the
/// signature keeps the minimum per function. The share of equal signature positions of two
/// texts estimates the Jaccard similarity of their shingle sets. Stored signatures keep 16 bits of
/// each (re-mixed) minimum: two unequal minima agree by chance once in 65,536, which biases the
/// estimate by less than 0.00002.
public struct MinHasher: Sendable {
    public let permutations: Int
    public let shingleSize: Int
    private let multipliers: [SIMD16<UInt32>]
    private let addends: [SIMD16<UInt32>]

    /// - Parameters:
    ///   - permutations: number of hash functions, a multiple of 16.
    ///   - shingleSize: words per shingle; texts shorter than that form one shingle.
    ///   - seed: picks the hash functions; signatures are comparable only under the same seed.
    public init(permutations: Int = 128, shingleSize: Int = 5, seed: UInt64 = 0x7475_6e65_6461_7461) {
        precondition(permutations > 0 && permutations % 16 == 0, "permutations must be a multiple of 16")
        self.permutations = permutations
        self.shingleSize = max(1, shingleSize)
        var state = seed
        func next() -> UInt64 {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            return FastHash.mix(state)
        }
        var multipliers: [SIMD16<UInt32>] = []
        var addends: [SIMD16<UInt32>] = []
        for _ in 0..<(permutations / 16) {
            var a = SIMD16<UInt32>()
            var b = SIMD16<UInt32>()
            for lane in 0..<16 {
                a[lane] = UInt32(truncatingIfNeeded: next()) | 1
                b[lane] = UInt32(truncatingIfNeeded: next())
            }
            multipliers.append(a)
            addends.append(b)
        }
        self.multipliers = multipliers
        self.addends = addends
    }

    /// Hashes of the text's word shingles (possibly repeated; empty for a text without words).
    public func shingleHashes(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        WordFolding.forEachWord(in: text) { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            words.append(h)
        }
        return shingles(ofWordHashes: words)
    }

    /// Shingle hashes from a sequence of word hashes.
    func shingles(ofWordHashes words: [UInt64]) -> [UInt64] {
        if words.isEmpty { return [] }
        let size = min(shingleSize, words.count)
        var result: [UInt64] = []
        result.reserveCapacity(words.count - size + 1)
        for start in 0...(words.count - size) {
            var h: UInt64 = UInt64(size)
            for offset in 0..<size { h = FastHash.combine(h, words[start + offset]) }
            result.append(h)
        }
        return result
    }

    /// The full 32-bit signature of a set of shingle hashes (all `UInt32.max` when empty).
    public func signature(ofShingles shingles: [UInt64]) -> [UInt32] {
        let groups = permutations / 16
        var minima = [SIMD16<UInt32>](repeating: SIMD16(repeating: .max), count: groups)
        minima.withUnsafeMutableBufferPointer { minima in
            multipliers.withUnsafeBufferPointer { a in
                addends.withUnsafeBufferPointer { b in
                    for shingle in shingles {
                        let h = SIMD16<UInt32>(repeating: UInt32(truncatingIfNeeded: shingle ^ (shingle >> 32)))
                        for group in 0..<groups {
                            let value = a[group] &* h &+ b[group]
                            let current = minima[group]
                            minima[group] = current.replacing(with: value, where: value .< current)
                        }
                    }
                }
            }
        }
        var result: [UInt32] = []
        result.reserveCapacity(permutations)
        for group in minima { for lane in 0..<16 { result.append(group[lane]) } }
        return result
    }

    /// The stored 16-bit form of a signature, written into `output` (`permutations` values).
    ///
    /// - Returns: `false` when the text has no words (the signature is then meaningless).
    @discardableResult
    public func compactSignature(of text: String, into output: UnsafeMutableBufferPointer<UInt16>) -> Bool {
        let shingles = shingleHashes(of: text)
        let full = signature(ofShingles: shingles)
        for (index, value) in full.enumerated() {
            output[index] = UInt16(truncatingIfNeeded: FastHash.mix(UInt64(value)))
        }
        return !shingles.isEmpty
    }

    /// The compact signature as an array.
    public func compactSignature(of text: String) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: permutations)
        _ = result.withUnsafeMutableBufferPointer { compactSignature(of: text, into: $0) }
        return result
    }

    /// The share of positions where two signatures agree: the estimated Jaccard similarity.
    public static func estimatedSimilarity(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Double
    {
        var equal = 0
        for index in 0..<a.count where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    /// The exact Jaccard similarity of two texts' shingle sets (for measurements and tests).
    public func exactSimilarity(_ a: String, _ b: String) -> Double {
        let first = Set(shingleHashes(of: a))
        let second = Set(shingleHashes(of: b))
        let union = first.union(second).count
        return union == 0 ? 1 : Double(first.intersection(second).count) / Double(union)
    }
}
