import Foundation

/// Resident memory of a process, from `/proc/PID/status` (Linux).
enum ProcessMemory {
    /// The peak resident set size so far (`VmHWM`), in bytes; 0 where `/proc` is missing.
    static func peakResidentBytes(of process: String = "self") -> Int { field("VmHWM:", of: process) ?? 0 }

    /// The resident set size now (`VmRSS`), in bytes; 0 where `/proc` is missing.
    static func residentBytes(of process: String = "self") -> Int { field("VmRSS:", of: process) ?? 0 }

    /// A `kB` field of the process's status file, in bytes, or `nil` when the process or the field is gone.
    static func field(_ name: String, of process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap
            { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
