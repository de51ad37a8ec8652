import Logging
import Metrics
import NIOCore
import NIOHTTPTypes

/// Closes an HTTP/1 connection whose client is too slow: a head, a body or the next request that does
/// not arrive before its deadline, or a response it stops reading (``HTTPConnectionLimits``). It sits after the HTTP decoder and sees
/// every request and response part; `channelReadComplete` tells it that bytes of a new request arrived
/// while the connection was idle.
final class HTTPConnectionTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var timeouts: HTTPConnectionTimeouts
    private var deadline: Scheduled<Void>?
    private var started = false
    private let listener: String
    private let logger: Logger

    /// - Parameter listener: the `listener` label of the server's connection metrics.
    init(limits: HTTPConnectionLimits, listener: String, logger: Logger) {
        timeouts = HTTPConnectionTimeouts(limits: limits)
        self.listener = listener
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: apply(timeouts.headArrived(), context: context)
        case .body: break
        case .end: apply(timeouts.requestEnded(), context: context)
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        apply(timeouts.bytesArrived(), context: context)
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        apply(
            context.channel.isWritable ? timeouts.sendingResumed() : timeouts.sendingStalled(), context: context)
        context.fireChannelWritabilityChanged()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            apply(timeouts.responseEnded(), context: context)
        }
        context.write(data, promise: promise)
    }

    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        apply(timeouts.opened(), context: context)
    }

    private func apply(_ action: HTTPConnectionTimeouts.Action, context: ChannelHandlerContext) {
        switch action {
        case .keep:
            return
        case .cancel:
            deadline?.cancel()
            deadline = nil
        case .schedule(let phase, let after):
            deadline?.cancel()
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(after)) { [self] in
                deadline = nil
                expire(phase, context: context)
            }
        }
    }

    private func expire(_ phase: HTTPConnectionPhase, context: ChannelHandlerContext) {
        logger.debug(
            "closing a slow HTTP connection",
            metadata: ["phase": "\(phase.rawValue)", "peer": "\(context.channel.remoteAddress?.description ?? "?")"])
        Counter(
            label: ServiceMetricName.httpConnectionsTimedOut,
            dimensions: [("listener", listener), ("phase", phase.rawValue)]
        ).increment()
        context.close(promise: nil)
    }
}
