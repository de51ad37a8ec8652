import CourtesyCommandSupport
import Foundation

/// Collects the ports the demo's servers listen on, and prints what a person needs once both are known.
actor DemoPorts {
    private let bootstrap: String
    private let token: String
    private var responder: Int?
    private var desk: Int?

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

    private func announceIfReady() {
        guard let responder, let desk else { return }
        let deskURL = "http://127.0.0.1:\(desk)"
        let executable = DemoPorts.executablePath()
        Console.line(
            """

            Courtesy demo: mentions → responder → drafts → desk → your decision → replies.

              desk:               \(deskURL)  (ready once it has read the topics: \(deskURL)/readyz)
              responder metrics:  http://127.0.0.1:\(responder)/metrics
              desk metrics:       \(deskURL)/metrics
              Kafka (embedded):   \(bootstrap)  e.g. kcat -b \(bootstrap) -C -t courtesy.replies

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
