import CourtesyLocking
import NIOCore

/// Counts the bytes a client connection receives, reading only once told to.
final class ReadCounter: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let count = Locked(0)

    /// Bytes received so far.
    var bytes: Int { count.withLock { $0 } }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let received = unwrapInboundIn(data).readableBytes
        count.withLock { $0 += received }
    }

    /// Turns reading on for `channel`, which was made with `autoRead` off.
    static func startReading(_ channel: any Channel) async throws {
        try await channel.setOption(.autoRead, value: true)
    }
}
