import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP server on 127.0.0.1 and an ephemeral port, started by a test, answering from a closure.
///
/// It records every request it receives, and can answer as a misbehaving provider does: a status
/// with headers, a body cut short before its declared length, or no answer at all.
final class TestHTTPServer: @unchecked Sendable {
    /// A request as received.
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(String, String)]
        var body: Data

        /// The path without the query.
        var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// How to answer a request.
    enum Response: Sendable {
        /// A status, extra headers and a body.
        case answer(status: Int, headers: [(String, String)], body: Data)
        /// Declares `Content-Length` of the whole body, sends only `sent` bytes, then closes.
        case truncated(body: Data, sent: Int)
        /// Never answers (the client's deadline must fire).
        case silence

        static func json(_ object: Any, headers: [(String, String)] = []) -> Response {
            json(200, object, headers: headers)
        }

        static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> Response {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return .answer(status: status, headers: [("Content-Type", "application/json")] + headers, body: data)
        }
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?
    private let lock = NSLock()
    private var recorded: [Request] = []
    private let respond: @Sendable (Request) -> Response

    /// The base URL tunedata is pointed at (`http://127.0.0.1:PORT/v1`).
    private(set) var baseURL = ""

    init(respond: @escaping @Sendable (Request) -> Response) throws {
        self.respond = respond
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: self))
                }
            }
        let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.channel = channel
        baseURL = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/v1"
    }

    /// Every request received so far, in arrival order.
    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func stop() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    fileprivate func handle(_ request: Request) -> Response {
        lock.lock()
        recorded.append(request)
        lock.unlock()
        return respond(request)
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let server: TestHTTPServer
        private var head: HTTPRequestHead?
        private var body = Data()

        init(server: TestHTTPServer) { self.server = server }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = Data()
            case .body(var buffer):
                if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
            case .end:
                guard let head else { return }
                let request = Request(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body)
                write(server.handle(request), context: context)
            }
        }

        private func write(_ response: Response, context: ChannelHandlerContext) {
            switch response {
            case .silence:
                return
            case .answer(let status, let headers, let body):
                var fields = HTTPHeaders(headers)
                fields.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
                let head = HTTPResponseHead(
                    version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .truncated(let body, let sent):
                let fields = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "\(body.count)")])
                let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: fields)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.writeAndFlush(
                    wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body.prefix(sent))))), promise: nil)
                context.close(promise: nil)
            }
        }
    }
}
