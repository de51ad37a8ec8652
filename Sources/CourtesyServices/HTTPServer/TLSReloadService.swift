import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads a server's certificate and key each time the process receives SIGHUP, until shutdown.
/// A file that cannot be used is logged and the previous certificate stays in use.
package struct TLSReloadService: Service {
    private let store: TLSCertificateStore
    private let signals: UnixSignalsSequence
    private let logger: Logger

    /// Traps SIGHUP at once, before the server listens, so that a SIGHUP sent as soon as the server
    /// answers reloads the certificate instead of ending the process (SIGHUP's default).
    package init(store: TLSCertificateStore, logger: Logger) async {
        self.store = store
        self.logger = logger
        signals = await UnixSignalsSequence(trapping: .sighup)
    }

    package func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            store.reloadLogging(to: logger)
        }
    }
}
