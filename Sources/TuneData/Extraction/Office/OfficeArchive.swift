import Foundation
internal import ZIPFoundation

/// The ZIP container of a DOCX or ODT file, read from memory with every part's inflated size capped.
///
/// The cap is shared by all parts read from one archive (``ExtractionOptions/maxFileBytes``), so a
/// zip bomb (a small file whose parts inflate to gigabytes) stops at the limit with `.tooLarge`
/// rather than exhausting memory; the sizes the archive declares are not trusted.
struct OfficeArchive {
    private let archive: Archive
    /// Bytes that may still be inflated.
    private var budget: Int
    private let limit: Int

    /// Opens `data`; `.corrupt` when it is not a readable ZIP archive.
    init(_ data: Data, limit: Int) throws(ExtractionError) {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw .corrupt("not a ZIP archive")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .corrupt("not a readable ZIP archive")
        }
        budget = limit
        self.limit = limit
    }

    /// Whether the archive holds a part at `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of the part at `path`, `nil` when there is none.
    mutating func read(_ path: String) throws(ExtractionError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var output = Data()
        var remaining = budget
        let outcome: Result<Void, ExtractionError>
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                remaining -= chunk.count
                if remaining < 0 { throw SizeExceeded() }
                output.append(chunk)
            }
            outcome = .success(())
        } catch is SizeExceeded {
            outcome = .failure(.tooLarge(bytes: limit - remaining, limit: limit))
        } catch {
            outcome = .failure(.corrupt("\(path) cannot be inflated"))
        }
        try outcome.get()
        budget = remaining
        return output
    }

    private struct SizeExceeded: Error {}
}
