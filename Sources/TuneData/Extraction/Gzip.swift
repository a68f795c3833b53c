import CZlib
import Foundation

/// Decompression of gzip (`.gz`) input, so benchmark pages and archived filings read directly.
enum Gzip {
    /// True when `data` starts with the gzip magic bytes.
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// Inflates a gzip stream (several members are concatenated, as `gunzip` does).
    /// - Parameter limit: the largest output accepted, so a zip bomb cannot exhaust memory.
    static func decompress(_ data: Data, limit: Int) throws(ExtractionError) -> Data {
        var stream = z_stream()
        // 15 window bits + 32: detect the gzip header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("cannot initialise gzip decoder")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var status: Int32 = Z_OK
        let result: Result<Void, ExtractionError> = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: UInt8.self).baseAddress else { return .failure(.empty) }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunkSize - Int(stream.avail_out)
                }
                if status == Z_STREAM_END, stream.avail_in > 0 {
                    output.append(contentsOf: chunk[0..<produced])
                    inflateReset(&stream)
                    status = Z_OK
                    continue
                }
                guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else {
                    return .failure(.corrupt("gzip stream damaged"))
                }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return .failure(.tooLarge(bytes: output.count, limit: limit)) }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            } while status != Z_STREAM_END
            return .success(())
        }
        try result.get()
        return output
    }
}
