import CourtesyKafka
import Foundation

/// Messages and bytes per second for one run.
struct Rate {
    let messagesPerSecond: Double
    let bytesPerSecond: Double
    /// Process CPU time (all threads, the embedded broker's included) per message.
    let cpuSecondsPerMessage: Double

    init(_ measurement: KafkaBaseline.Measurement, cpu: Duration) {
        let seconds = max(measurement.duration.seconds, 1e-9)
        messagesPerSecond = Double(measurement.messages) / seconds
        bytesPerSecond = Double(measurement.bytes) / seconds
        cpuSecondsPerMessage = cpu.seconds / Double(max(measurement.messages, 1))
    }

    var messages: String { String(format: "%.0f", messagesPerSecond) }
    var megabytes: String { String(format: "%.1f", bytesPerSecond / 1_000_000) }
    var cpuPerMessage: String { String(format: "%.2f µs", cpuSecondsPerMessage * 1e6) }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
