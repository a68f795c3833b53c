import Foundation

/// Writes a file so that readers see either the old contents or the new, never a half-written file.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let temporary = temporaryURL(for: url)
        try data.write(to: temporary)
        try moveIntoPlace(temporary, url)
    }

    /// Writes one line per item, encoding and flushing in batches so the whole file is never in memory.
    static func write<Item>(lines items: [Item], to url: URL, encode: (Item) throws -> Data) throws {
        let temporary = temporaryURL(for: url)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var buffer = Data()
        do {
            for item in items {
                buffer.append(try encode(item))
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        try moveIntoPlace(temporary, url)
    }

    private static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    private static func moveIntoPlace(_ temporary: URL, _ url: URL) throws {
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}
