import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// Hummingbird's HTTP/1 child channel behind a connection cap and, when given a certificate store,
/// TLS with the store's current certificate.
///
/// A connection over the cap is closed before any handler is added: it costs the server a file
/// descriptor for a moment, and the refusal is counted. TLS is set up per connection from
/// ``TLSCertificateStore/context``, so a reloaded certificate serves the next connection.
struct GuardedHTTPChannel: ServerChildChannel {
    /// A connection that was admitted, or one that was refused and is closing.
    enum Value: ServerChildChannelValue {
        case admitted(HTTP1Channel.Value)
        case refused(any Channel)

        var channel: any Channel {
            switch self {
            case .admitted(let value): value.channel
            case .refused(let channel): channel
            }
        }
    }

    let base: HTTP1Channel
    let gate: ConnectionGate
    let tls: TLSCertificateStore?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard gate.admit() else {
            channel.close(promise: nil)
            return channel.eventLoop.makeSucceededFuture(.refused(channel))
        }
        channel.closeFuture.whenComplete { [gate] _ in gate.release() }
        let secured: EventLoopFuture<Void>
        if let tls {
            secured = channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls.context))
            }
        } else {
            secured = channel.eventLoop.makeSucceededVoidFuture()
        }
        return secured.flatMap { base.setup(channel: channel, logger: logger) }
            .map { .admitted($0) }
            .flatMapErrorThrowing { error in
                channel.close(promise: nil)
                throw error
            }
    }

    func handle(value: Value, logger: Logger) async {
        switch value {
        case .admitted(let admitted):
            await base.handle(value: admitted, logger: logger)
        case .refused:
            return
        }
    }
}
