import CourtesyCommandSupport
import Foundation

/// Collects the ports the demo's servers listen on, and prints what a person needs once both are known.
actor DemoPorts {
    private let bootstrap: String
    private let token: String
    private var responder: Int?
    private var desk: Int?
    private var sink: Int?
    private var publisher: Int?
    private var sinkWaiters: [CheckedContinuation<Int, Never>] = []

    init(bootstrap: String, token: String) {
        self.bootstrap = bootstrap
        self.token = token
    }

    func set(responder port: Int) {
        responder = port
        announceIfReady()
    }

    func set(desk port: Int) {
        desk = port
        announceIfReady()
    }

    func set(publisher port: Int) {
        publisher = port
        announceIfReady()
    }

    func set(sink port: Int) {
        sink = port
        for waiter in sinkWaiters { waiter.resume(returning: port) }
        sinkWaiters = []
        announceIfReady()
    }

    /// The port of the built-in webhook receiver, once it listens.
    func sinkPort() async -> Int {
        if let sink { return sink }
        return await withCheckedContinuation { sinkWaiters.append($0) }
    }

    private func announceIfReady() {
        guard let responder, let desk, let sink, let publisher else { return }
        let deskURL = "http://127.0.0.1:\(desk)"
        let executable = DemoPorts.executablePath()
        Console.line(
            """

            Courtesy demo: mentions → responder → drafts → desk → your decision → replies → publisher → posts.

              desk:               \(deskURL)  (ready once it has read the topics: \(deskURL)/readyz)
              responder metrics:  http://127.0.0.1:\(responder)/metrics
              desk metrics:       \(deskURL)/metrics
              publisher metrics:  http://127.0.0.1:\(publisher)/metrics
              posts:              http://127.0.0.1:\(sink)/replies  (a built-in receiver: each post is printed here)
              Kafka (embedded):   \(bootstrap)  e.g. kcat -b \(bootstrap) -C -t courtesy.replies

            To run another service on this broker, e.g. `courtesy publish --webhook URL`:

              export KAFKA_BOOTSTRAP=\(bootstrap)

            In another terminal, review the drafts as the demo approver:

              export COURTESY_DESK_URL=\(deskURL) COURTESY_TOKEN=\(token)
              \(executable) review next

            Sample mentions arrive for as long as this runs. Ctrl-C stops it.
            """)
    }

    /// How to run this very binary from another terminal: `courtesy` if that is what PATH finds.
    private static func executablePath() -> String {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("courtesy")
            if candidate.resolvingSymlinksInPath().path == own { return "courtesy" }
        }
        return own
    }
}
