import Foundation

/// Resident memory of this process, from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// The peak resident set size so far (`VmHWM`), in bytes; 0 where `/proc` is missing.
    static func peakResidentBytes() -> Int { field("VmHWM:") }

    /// The resident set size now (`VmRSS`), in bytes; 0 where `/proc` is missing.
    static func residentBytes() -> Int { field("VmRSS:") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap
            { Int($0) }
            return (kilobytes ?? 0) * 1024
        }
        return 0
    }
}
