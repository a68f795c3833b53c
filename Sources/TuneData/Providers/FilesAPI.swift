internal import Crypto
public import Foundation

/// When a file goes through the Uploads API instead of one Files API request, and in what parts.
public struct UploadThresholds: Sendable {
    /// The Files API takes files up to 512 MB in one request.
    public static let filesAPILimit = 512 * 1024 * 1024
    /// The Uploads API takes parts of at most 64 MB.
    public static let uploadsPartSize = 64 * 1024 * 1024

    /// Files larger than this go through the Uploads API.
    public var singleRequestLimit: Int
    /// The size of each part but the last.
    public var partSize: Int

    public init(singleRequestLimit: Int = filesAPILimit, partSize: Int = uploadsPartSize) {
        self.singleRequestLimit = singleRequestLimit
        self.partSize = max(1, partSize)
    }
}

extension APIClient {
    /// The purpose fine-tuning files are uploaded with.
    static let fineTunePurpose = "fine-tune"

    /// Uploads a file for fine-tuning: the Files API up to the limit, the Uploads API in parts above it.
    public func uploadFile(
        at url: URL, thresholds: UploadThresholds = UploadThresholds(),
        boundary: String = MultipartForm.randomBoundary()
    ) async throws -> RemoteFile {
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        if size > thresholds.singleRequestLimit {
            return try await uploadInParts(at: url, size: size, partSize: thresholds.partSize, boundary: boundary)
        }
        let data = try Data(contentsOf: url)
        var form = MultipartForm(boundary: boundary)
        form.addField(name: "purpose", value: Self.fineTunePurpose)
        form.addFile(name: "file", filename: url.lastPathComponent, contentType: "application/jsonl", data: data)
        let encoded = form.encoded()
        let body = try await send(
            Request(
                method: "POST", path: "/files", body: encoded, contentType: form.contentType,
                timeout: deadline(forSending: encoded.count)))
        return try decode(body, as: RemoteFile.self, path: "/files")
    }

    /// The Uploads API: create, add parts in order, complete with the whole file's MD5.
    func uploadInParts(at url: URL, size: Int, partSize: Int, boundary: String) async throws -> RemoteFile {
        let created = try await json(
            "POST", "/uploads",
            body: CreateUploadBody(
                filename: url.lastPathComponent, purpose: Self.fineTunePurpose, bytes: size, mimeType: "text/jsonl"),
            as: RemoteUpload.self)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var md5 = Insecure.MD5()
        var partIDs: [String] = []
        while let chunk = try handle.read(upToCount: partSize), !chunk.isEmpty {
            md5.update(data: chunk)
            var form = MultipartForm(boundary: boundary)
            form.addFile(name: "data", filename: "blob", contentType: "application/octet-stream", data: chunk)
            let path = "/uploads/\(created.id)/parts"
            let encoded = form.encoded()
            let body = try await send(
                Request(
                    method: "POST", path: path, body: encoded, contentType: form.contentType,
                    timeout: deadline(forSending: encoded.count)))
            partIDs.append(try decode(body, as: RemoteUploadPart.self, path: path).id)
        }
        let digest = md5.finalize().lowercaseHex
        let completed = try await json(
            "POST", "/uploads/\(created.id)/complete", body: CompleteUploadBody(partIDs: partIDs, md5: digest),
            as: RemoteUpload.self)
        guard let file = completed.file else {
            throw ProviderError.invalidResponse(
                path: "/uploads/\(created.id)/complete", reason: "status \(completed.status) and no file")
        }
        return file
    }

    /// The stored file with this id, or nil when the provider no longer has it.
    public func file(id: String) async throws -> RemoteFile? {
        do {
            return try await json("GET", "/files/\(id)", as: RemoteFile.self)
        } catch ProviderError.notFound {
            return nil
        }
    }
}
