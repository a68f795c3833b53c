/// `--shard K/N`: the K-th (1-based) of N deterministic slices of the inputs, chosen by a hash of
/// each file's path so that every machine agrees on the slices without talking to the others.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            return nil
        }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// True when the file at `path` belongs to this shard.
    public func contains(path: String) -> Bool {
        // A hash stable across runs, machines and Swift versions (unlike `Hasher`).
        Int(FastHash.hash(path) % UInt64(count)) == index - 1
    }
}
