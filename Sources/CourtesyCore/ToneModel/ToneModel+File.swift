import Crypto
import Foundation

/// The model file, little-endian throughout:
///
/// | bytes | what |
/// |---|---|
/// | 20 | `COURTESY-TONE-MODEL` and a line feed |
/// | 4 | the format version, 1 |
/// | 4 + n | the header's length, then the header (JSON, ``ToneModelDescription``) |
/// | 16 × (4 + rules + 2^bits) | the bias, the offsets, the rule weights, the bucket weights (4 × Float32 each) |
/// | 4 + 8 × t | how many texts it was trained on, then their stable hashes, sorted |
/// | 32 | the SHA-256 of every byte before it |
extension ToneModel {
    /// The first bytes of every model file.
    static let magic = Array("COURTESY-TONE-MODEL\n".utf8)
    /// The format this release writes and reads.
    package static let formatVersion: UInt32 = 1

    /// Reads and checks the model file at `path`.
    /// - Throws: ``ToneModelError``: unreadable, not a model, another format version, corrupt (truncated
    ///   or not matching its checksum), or trained for other labels or features.
    package static func load(path: String) throws(ToneModelError) -> ToneModel {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try ToneModel(fileBytes: bytes, path: path)
    }

    /// Reads and checks a model file's bytes; `path` names it in errors.
    package convenience init(fileBytes bytes: [UInt8], path: String) throws(ToneModelError) {
        guard bytes.count >= Self.magic.count, Array(bytes[..<Self.magic.count]) == Self.magic else {
            throw .notAModel(path: path)
        }
        var reader = ByteReader(bytes: bytes, offset: Self.magic.count)
        guard let version = reader.uint32() else { throw .corrupt(path: path, reason: "it ends inside its header") }
        guard version == Self.formatVersion else {
            throw .unsupportedVersion(path: path, found: version, supported: Self.formatVersion)
        }
        guard bytes.count >= reader.offset + 32 else { throw .corrupt(path: path, reason: "it ends inside its header") }
        let body = bytes[..<(bytes.count - 32)]
        let digest = Array(SHA256.hash(data: body))
        guard digest == Array(bytes[(bytes.count - 32)...]) else {
            throw .corrupt(path: path, reason: "its bytes do not match its SHA-256 checksum (truncated or changed)")
        }
        reader.end = bytes.count - 32
        guard let headerLength = reader.uint32(), let headerBytes = reader.bytes(Int(headerLength)) else {
            throw .corrupt(path: path, reason: "its header is cut short")
        }
        let header: ToneModelDescription
        do {
            header = try JSONDecoder().decode(ToneModelDescription.self, from: Data(headerBytes))
        } catch {
            throw .corrupt(path: path, reason: "its header is not readable: \(error)")
        }
        let labels = Self.tones.map(\.rawValue)
        guard header.labels == labels else {
            throw .incompatible(
                path: path,
                reason: "it was trained for the labels \(header.labels.joined(separator: ", ")); "
                    + "Courtesy's tones are \(labels.joined(separator: ", "))")
        }
        guard header.features == ToneFeatures.name, header.ruleCount == ToneFeatures.ruleCount else {
            throw .incompatible(
                path: path,
                reason: "it reads the features \"\(header.features)\" (\(header.ruleCount) rule values); "
                    + "this Courtesy computes \"\(ToneFeatures.name)\" (\(ToneFeatures.ruleCount))")
        }
        guard (8...24).contains(header.bucketBits) else {
            throw .incompatible(path: path, reason: "\(header.bucketBits) bucket bits is outside 8–24")
        }
        let vectors = 2 + header.ruleCount + (1 << header.bucketBits)
        guard let floats = reader.floats(4 * vectors) else {
            throw .corrupt(path: path, reason: "it holds fewer weights than its header says")
        }
        var lanes = [SIMD4<Float>]()
        lanes.reserveCapacity(vectors)
        for index in 0..<vectors {
            lanes.append(SIMD4(floats[4 * index], floats[4 * index + 1], floats[4 * index + 2], floats[4 * index + 3]))
        }
        guard let textCount = reader.uint32(), let hashes = reader.uint64s(Int(textCount)), reader.offset == reader.end
        else {
            throw .corrupt(path: path, reason: "its list of trained texts does not end where the file does")
        }
        self.init(
            bucketBits: header.bucketBits, weights: Array(lanes[(2 + header.ruleCount)...]),
            ruleWeights: Array(lanes[2..<(2 + header.ruleCount)]), bias: lanes[0], offsets: lanes[1],
            trainedTexts: hashes, description: header, checksum: digest.map { Self.hex($0) }.joined())
    }

    /// The model as its file's bytes: the same model always gives the same bytes.
    package func fileBytes() -> [UInt8] {
        Self.fileBytes(
            description: description, bias: bias, offsets: offsets, ruleWeights: ruleWeights, weights: weights,
            trainedTexts: trainedTexts)
    }

    /// The model of these parts, with its checksum: what reading its file would give.
    static func assemble(
        description: ToneModelDescription, bias: SIMD4<Float>, offsets: SIMD4<Float>, ruleWeights: [SIMD4<Float>],
        weights: [SIMD4<Float>], trainedTexts: [UInt64]
    ) -> ToneModel {
        let bytes = fileBytes(
            description: description, bias: bias, offsets: offsets, ruleWeights: ruleWeights, weights: weights,
            trainedTexts: trainedTexts)
        return ToneModel(
            bucketBits: description.bucketBits, weights: weights, ruleWeights: ruleWeights, bias: bias,
            offsets: offsets, trainedTexts: trainedTexts, description: description,
            checksum: Array(bytes.suffix(32)).map { hex($0) }.joined())
    }

    static func fileBytes(
        description: ToneModelDescription, bias: SIMD4<Float>, offsets: SIMD4<Float>, ruleWeights: [SIMD4<Float>],
        weights: [SIMD4<Float>], trainedTexts: [UInt64]
    ) -> [UInt8] {
        var bytes = magic
        append(formatVersion, to: &bytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = Array((try? encoder.encode(description)) ?? Data("{}".utf8))
        append(UInt32(header.count), to: &bytes)
        bytes += header
        bytes.reserveCapacity(bytes.count + 16 * (2 + ruleWeights.count + weights.count) + 8 * trainedTexts.count + 40)
        for vector in [bias, offsets] + ruleWeights + weights {
            for lane in 0..<4 { append(vector[lane].bitPattern, to: &bytes) }
        }
        append(UInt32(trainedTexts.count), to: &bytes)
        for hash in trainedTexts { append(hash, to: &bytes) }
        bytes += Array(SHA256.hash(data: bytes))
        return bytes
    }

    /// Writes the model to `path`: to a temporary file beside it, then renamed over it.
    package func write(to path: String) throws(ToneModelError) {
        let temporary = path + ".partial"
        do {
            try Data(fileBytes()).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

/// Reads little-endian values from a model file's bytes, up to `end`.
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    var end: Int

    init(bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = offset
        end = bytes.count
    }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, offset + count <= end else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint32() -> UInt32? {
        guard let slice = bytes(4) else { return nil }
        return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func floats(_ count: Int) -> [Float]? {
        guard let slice = bytes(4 * count) else { return nil }
        var values = [Float]()
        values.reserveCapacity(count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let bits =
                UInt32(slice[index]) | UInt32(slice[index + 1]) << 8 | UInt32(slice[index + 2]) << 16
                | UInt32(slice[index + 3]) << 24
            values.append(Float(bitPattern: bits))
            index += 4
        }
        return values
    }

    mutating func uint64s(_ count: Int) -> [UInt64]? {
        guard let slice = bytes(8 * count) else { return nil }
        var values = [UInt64]()
        values.reserveCapacity(count)
        var index = slice.startIndex
        while index < slice.endIndex {
            var value: UInt64 = 0
            for byte in 0..<8 { value |= UInt64(slice[index + byte]) << (8 * UInt64(byte)) }
            values.append(value)
            index += 8
        }
        return values
    }
}
