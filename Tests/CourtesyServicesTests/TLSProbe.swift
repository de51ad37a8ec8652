import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// A TLS client for the tests: handshakes with a server, asks `GET /healthz`, and reports the status
/// line and the certificate the server presented.
final class TLSProbe: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What one connection saw.
    struct Result: Sendable {
        let statusLine: String
        let peer: NIOSSLCertificate?
    }

    private let answer: EventLoopPromise<Result>
    private var received = ""
    private var peer: NIOSSLCertificate?
    private var answered = false

    private init(answer: EventLoopPromise<Result>) {
        self.answer = answer
    }

    /// Connects to `port` on the loopback, trusting only `roots`, with `localhost` as the server's name.
    static func probe(port: Int, trusting roots: [NIOSSLCertificate]) async throws -> Result {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(roots)
        let context = try NIOSSLContext(configuration: configuration)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let answer = loop.makePromise(of: Result.self)
        do {
            _ = try await ClientBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                        try channel.pipeline.syncOperations.addHandler(TLSProbe(answer: answer))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
        } catch {
            answer.fail(error)
        }
        return try await answer.futureResult.get()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event {
            peer = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
            let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: request)), promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        received += buffer.readString(length: buffer.readableBytes) ?? ""
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !answered {
            answered = true
            answer.fail(error)
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !answered {
            answered = true
            let line = received.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
            answer.succeed(Result(statusLine: line, peer: peer))
        }
        context.fireChannelInactive()
    }
}
