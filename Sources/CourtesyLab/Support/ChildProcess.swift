import Foundation

/// A `courtesy` service run as a child process: `chaos` kills it with SIGKILL, stops it with SIGSTOP and
/// starts it again, as a crash or a frozen host would; `bench pipeline` measures its memory on its own.
final class ChildProcess: @unchecked Sendable {
    // Everything mutable is guarded by `lock`.
    private let lock = NSLock()
    private var process: Process?
    private var lines: LineCollector?
    private var starts = 0

    let name: String
    private let arguments: [String]
    private let logDirectory: URL

    init(name: String, arguments: [String], logDirectory: URL) {
        self.name = name
        self.arguments = arguments
        self.logDirectory = logDirectory
    }

    /// The `courtesy` beside the running `courtesy-lab`, so children are the same build.
    static let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("courtesy")

    /// Starts the child; its standard error goes to a log file, one per start.
    func start() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw ChildProcessError(
                description:
                    "\(Self.executable.path) is missing: build both executables (swift build --product courtesy)")
        }
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        let log = lock.withLock { () -> URL in
            starts += 1
            return logDirectory.appendingPathComponent("\(name)-\(starts).log")
        }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        let lines = LineCollector(output.fileHandleForReading)
        try process.run()
        lock.withLock {
            self.process = process
            self.lines = lines
        }
    }

    /// The first line the current run printed that starts with `prefix`, without the prefix.
    func line(after prefix: String) -> String? {
        lock.withLock { lines }?.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// The child's resident memory now, from /proc, or `nil` when it is not running.
    var residentBytes: Int? { memoryField("VmRSS:") }

    /// The most resident memory the child has had so far, from /proc, or `nil` when it is not running.
    var peakResidentBytes: Int? { memoryField("VmHWM:") }

    private func memoryField(_ name: String) -> Int? {
        guard let process = lock.withLock({ process }), process.isRunning else { return nil }
        return ProcessMemory.field(name, of: String(process.processIdentifier))
    }

    /// Sends `signal` to the child.
    func signal(_ signal: Int32) {
        guard let process = lock.withLock({ process }), process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// SIGKILL, then waits for the process to be gone.
    func killNow() {
        guard let process = lock.withLock({ process }) else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERM, waiting up to `timeout` for a clean exit before SIGKILL.
    func stop(timeout: Duration = .seconds(15)) async {
        guard let process = lock.withLock({ process }) else { return }
        if process.isRunning {
            kill(process.processIdentifier, SIGCONT)
            process.terminate()
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        killNow()
    }
}

/// Why a child process could not be started.
struct ChildProcessError: Error, CustomStringConvertible {
    let description: String
}
