import HostileCorpus

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if COURTESY_FUZZING
    import CFuzzDriver
#endif

/// The entry point. Built for fuzzing (`COURTESY_FUZZING`, `-sanitize=fuzzer`) it hands over to libFuzzer
/// with ``fuzzMention(_:_:)``; otherwise it runs files through the fuzz checks, to replay a crash, or
/// writes the seed corpus.
///
/// `CourtesyFuzz FILE…` checks each file; `CourtesyFuzz --seeds DIRECTORY` writes the hostile corpus there,
/// one file per event, for libFuzzer to start from.
@main
enum FuzzReplay {
    static func main() {
        #if COURTESY_FUZZING
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzMention))
        #else
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "--seeds", arguments.count == 2 {
                writeSeeds(to: arguments[1])
                return
            }
            guard !arguments.isEmpty else {
                print("usage: CourtesyFuzz FILE… | CourtesyFuzz --seeds DIRECTORY")
                exit(64)
            }
            for path in arguments {
                guard let bytes = read(path) else {
                    print("cannot read \(path)")
                    exit(66)
                }
                bytes.withUnsafeBytes { MentionFuzzer.check($0) }
                print("ok: \(path) (\(bytes.count) bytes)")
            }
        #endif
    }

    /// The hostile corpus, without the events over 8 KiB (the fuzz run's input size).
    private static func writeSeeds(to directory: String) {
        mkdir(directory, 0o755)
        var written = 0
        for hostile in HostileMention.corpus where hostile.bytes.count <= 8_192 {
            let path = "\(directory)/\(hostile.name)"
            guard let file = fopen(path, "wb") else { continue }
            _ = hostile.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
            written += 1
        }
        print("\(written) seeds in \(directory)")
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }
}
