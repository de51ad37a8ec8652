import ArgumentParser
import CourtesyCommandSupport
import CourtesyServices
import Foundation
import ServiceLifecycle

struct WebhookSinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook-sink",
        abstract: "A webhook receiver that prints each reply `courtesy publish` posts to it, to try the last mile.",
        discussion: """
            Listens for POST /replies and answers 200 with an id for the post (the same id again for an \
            Idempotency-Key it has seen), printing one line per post. With --secret-file it refuses a post \
            whose Courtesy-Signature does not match (401). It posts nothing anywhere: replace it with your \
            connector to the platforms.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(
        help: ArgumentHelp(
            "The secret the publisher signs with; without it signatures are not checked.", valueName: "file"))
    var secretFile: String?

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, not \(port)")
        }
    }

    func run() async throws {
        let secret = try secretFile.map { try SecretFile.read($0, option: "--secret-file") }
        try PortCheck.ensureFree(host: host, port: port, option: "--port")
        let logger = LogSetup.logger("courtesy.webhook-sink")
        let registry = MetricsSystemSetup.bootstrapPrometheus()
        let sink = try WebhookSink(secret: secret) { post in Console.line(WebhookSinkCommand.describe(post)) }
        let server = OperationalEndpoints(registry: registry, readiness: { true }).server(
            host: host, port: port, logger: logger, routes: sink.add,
            onListening: { port in
                Console.line("webhook: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/replies")
            })
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await ServiceExit.run(logger: logger) { try await group.run() }
    }

    /// One line for a post: where it would go, as whom, and what it says.
    static func describe(_ post: WebhookSink.Post) -> String {
        let key = post.idempotencyKey ?? "no key"
        guard let reply = post.reply else { return "received something that is not a reply (\(key))" }
        let from = reply.account.map { " as \($0)" } ?? ""
        let again = post.isRepeat ? ", a repeat: already \(post.postId)" : ""
        let text = reply.text.count > 100 ? String(reply.text.prefix(99)) + "…" : reply.text
        return "posted on \(reply.platform.rawValue)\(from) in reply to \(reply.inReplyTo) (\(post.postId)\(again)): "
            + "\"\(text.replacingOccurrences(of: "\n", with: " "))\""
    }
}
