import Hummingbird
import NIOCore

/// The request context of every Courtesy HTTP server: Hummingbird's basic context, plus the client's
/// address, which the desk's rate limits count failed authentications by.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the connected client (not of whoever is behind a proxy).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
