/// Why a tone model file cannot be used.
package enum ToneModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file does not start as a Courtesy tone model does.
    case notAModel(path: String)
    /// The file is in a format version this Courtesy does not read.
    case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
    /// The file is truncated or its bytes do not match its checksum.
    case corrupt(path: String, reason: String)
    /// The model was trained for other classes, or on features this Courtesy does not compute.
    case incompatible(path: String, reason: String)
    /// The model cannot be written.
    case unwritable(path: String, reason: String)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the tone model \(path): \(reason)"
        case .notAModel(let path): "\(path) is not a Courtesy tone model (it does not start with the model header)"
        case .unsupportedVersion(let path, let found, let supported):
            "\(path) is a tone model of format version \(found); this Courtesy reads version \(supported): "
                + "train it again with this release's `courtesy train`"
        case .corrupt(let path, let reason): "the tone model \(path) is corrupt: \(reason); train it again"
        case .incompatible(let path, let reason): "the tone model \(path) cannot be used: \(reason)"
        case .unwritable(let path, let reason): "cannot write the tone model \(path): \(reason)"
        }
    }
}
