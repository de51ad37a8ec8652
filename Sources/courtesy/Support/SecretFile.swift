import ArgumentParser
import CourtesyServices
import Foundation

/// The webhook secret in the file an option names, without the trailing newline editors and `echo` leave.
enum SecretFile {
    static func read(_ path: String, option: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(option) \(path)")
        }
        let secret = WebhookSignature.secret(fromFile: Array(data))
        guard !secret.isEmpty else { throw ValidationError("\(option) \(path) is empty") }
        return secret
    }
}
