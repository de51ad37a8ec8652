import CourtesyCore
import Hummingbird
import NIOCore

/// The request context of every Courtesy HTTP server: Hummingbird's basic context, plus the client's
/// address, which the desk's rate limits count failed authentications by, and the approver a desk request
/// was authenticated as. Bodies are read by the desk's strict decoder, up to 256 KiB.
package struct ServiceRequestContext: RequestContext, DeskRequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The address of the connected client (not of whoever is behind a proxy).
    package let remoteAddress: SocketAddress?
    package var approver: Approver?

    package init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    package var requestDecoder: DeskRequestDecoder { DeskRequestDecoder() }

    package var maxUploadSize: Int { DeskRoutes.maximumBodyBytes }
}
