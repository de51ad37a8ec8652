import Foundation

/// Finds and runs the built `courtesy` and `courtesy-lab` binaries and external tools.
enum Tool {
    /// The `courtesy` binary built beside the test bundle.
    static var courtesy: URL { built("courtesy") }

    /// The `courtesy-lab` binary (benchmarks and chaos) built beside the test bundle.
    static var courtesyLab: URL { built("courtesy-lab") }

    private static func built(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The path of `name` on `PATH`, if installed.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// What a finished process said.
struct ProcessResult {
    let status: Int32
    let output: String
    let error: String
}

extension Process {
    /// Runs `executable` to completion, feeding `input`, killing it after `timeout`.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        input: String? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input {
            // A child that exits before reading all of it breaks the pipe; its exit status says why, and the
            // legacy write(_:) would trap here instead.
            try? standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        }
        try? standardInput.fileHandleForWriting.close()
        // Blocking reads, so on a Dispatch thread: a task would hold one of the few threads of Swift's
        // cooperative pool for as long as the process runs, and stall every other test.
        let reader = Task {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        returning: (
                            output.fileHandleForReading.readDataToEndOfFile(),
                            error.fileHandleForReading.readDataToEndOfFile()
                        ))
                }
            }
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let status = await process.exited()
        let (stdout, stderr) = await reader.value
        return ProcessResult(
            status: status,
            output: String(decoding: stdout, as: UTF8.self),
            error: String(decoding: stderr, as: UTF8.self)
        )
    }
}

extension Process {
    /// Suspends until the process has exited, without blocking a thread of the cooperative pool, and returns
    /// what `terminationStatus` would: the exit code, or the signal that ended it; -1 when nobody can tell.
    /// Read the status from here: `terminationStatus` traps while Foundation thinks the process runs, and
    /// a trap ends every test in the bundle.
    @discardableResult
    func exited() async -> Int32 {
        let grace = ContinuousClock.now + .seconds(5)
        while isRunning {
            if ContinuousClock.now > grace, let status = exitedUnnoticed() { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // Reaped by now: returns at once.
        waitUntilExit()
        return terminationStatus
    }

    /// Blocks until the process has exited: `waitUntilExit()` for a process Foundation saw end.
    func waitForExit() {
        let grace = ContinuousClock.now + .seconds(5)
        while isRunning {
            if ContinuousClock.now > grace && exitedUnnoticed() != nil { return }
            usleep(20_000)
        }
        waitUntilExit()
    }

    /// Whether the process has ended although Foundation has not noticed. With many children started
    /// from several threads, swift-corelibs-foundation can miss one's exit and leave it a zombie that
    /// `isRunning` and `waitUntilExit()` wait on for ever (a CI run hung so, spinning in the loop
    /// tests' clean-up); asked after a grace period, the kernel says, and reaps it. Returns its exit code
    /// or signal when it has ended (-1 when it was reaped elsewhere), `nil` while it runs.
    private func exitedUnnoticed() -> Int32? {
        var status: Int32 = 0
        let reaped = waitpid(processIdentifier, &status, WNOHANG)
        if reaped == -1 && errno == ECHILD { return -1 }
        guard reaped == processIdentifier else { return nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }
}
