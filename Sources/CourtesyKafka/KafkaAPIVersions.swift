import CRdKafka
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The protocol versions a broker supports, asked directly with an ApiVersions request (version 0, which every
/// broker answers), independently of librdkafka: so that `courtesy kafka-check` can tell a broker it cannot
/// reach from one whose answers this librdkafka cannot read.
package struct KafkaAPIVersions: Sendable, Equatable {
    package struct Range: Sendable, Equatable {
        package let key: Int16
        package let minimum: Int16
        package let maximum: Int16

        /// The request's name, for the ones Courtesy's clients send.
        package var name: String { Self.names[key] ?? "API \(key)" }

        private static let names: [Int16: String] = [
            0: "Produce", 1: "Fetch", 2: "ListOffsets", 3: "Metadata", 8: "OffsetCommit", 9: "OffsetFetch",
            10: "FindCoordinator", 11: "JoinGroup", 12: "Heartbeat", 13: "LeaveGroup", 14: "SyncGroup",
            15: "DescribeGroups", 16: "ListGroups", 17: "SaslHandshake", 18: "ApiVersions", 19: "CreateTopics",
            20: "DeleteTopics", 21: "DeleteRecords", 22: "InitProducerId", 23: "OffsetForLeaderEpoch",
            24: "AddPartitionsToTxn", 25: "AddOffsetsToTxn", 26: "EndTxn", 28: "TxnOffsetCommit",
            32: "DescribeConfigs", 33: "AlterConfigs", 36: "SaslAuthenticate", 37: "CreatePartitions",
            42: "DeleteGroups", 44: "IncrementalAlterConfigs", 47: "OffsetDelete", 60: "DescribeCluster",
        ]
    }

    package let ranges: [Range]

    /// The version of librdkafka this process runs, as librdkafka says (`LD_LIBRARY_PATH` may swap it).
    package static var librdkafkaVersion: String { String(cString: rd_kafka_version_str()) }

    /// Asks the first broker of `bootstrapServers` (`host:port[,...]`). Blocks up to `timeout`: call it off
    /// the cooperative pool.
    package static func fetch(bootstrapServers: String, timeout: Duration) throws(KafkaError) -> KafkaAPIVersions {
        let first = bootstrapServers.split(separator: ",").first.map(String.init) ?? bootstrapServers
        let address = first.split(separator: "://").last.map(String.init) ?? first
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw .configuration("cannot read a host and port from \"\(first)\"")
        }
        let host = String(address[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let socket = try connect(host: host, port: port, timeout: timeout)
        defer { close(socket) }
        // Size, then: api key 18, version 0, correlation id 1, client id "courtesy".
        let clientID = Array("courtesy".utf8)
        var request: [UInt8] = []
        append(Int16(18), to: &request)
        append(Int16(0), to: &request)
        append(Int32(1), to: &request)
        append(Int16(clientID.count), to: &request)
        request += clientID
        var framed: [UInt8] = []
        append(Int32(request.count), to: &framed)
        framed += request
        guard framed.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == framed.count
        else { throw failure("cannot send an ApiVersions request to \(first)") }
        let size = try Int(readInt32(try receive(socket, 4, from: first)))
        guard (10...1_000_000).contains(size) else { throw failure("\(first) answered ApiVersions with \(size) bytes") }
        let body = try receive(socket, size, from: first)
        // Correlation id, error code, then the array of (key, min, max).
        let error = readInt16(body[4..<6])
        guard error == 0 else { throw failure("\(first) answered ApiVersions with error code \(error)") }
        let count = Int(readInt32(body[6..<10]))
        guard count >= 0, 10 + count * 6 <= body.count else { throw failure("\(first) sent a malformed answer") }
        let ranges = (0..<count).map { index in
            let start = body.startIndex + 10 + index * 6
            return Range(
                key: readInt16(body[start..<(start + 2)]), minimum: readInt16(body[(start + 2)..<(start + 4)]),
                maximum: readInt16(body[(start + 4)..<(start + 6)]))
        }
        return KafkaAPIVersions(ranges: ranges.sorted { $0.key < $1.key })
    }

    private static func connect(host: String, port: Int, timeout: Duration) throws(KafkaError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let found else {
            throw failure("cannot resolve \(host)")
        }
        defer { freeaddrinfo(found) }
        var candidate: UnsafeMutablePointer<addrinfo>? = found
        while let info = candidate {
            let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if socket >= 0 {
                var limit = timeval(
                    tv_sec: Int(timeout.components.seconds),
                    tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
                _ = setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                _ = setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return socket }
                close(socket)
            }
            candidate = info.pointee.ai_next
        }
        throw failure("cannot connect to \(host):\(port)")
    }

    private static func receive(_ socket: Int32, _ count: Int, from broker: String) throws(KafkaError) -> ArraySlice<
        UInt8
    > {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + filled, count - filled, 0) }
            guard read > 0 else { throw failure("\(broker) closed the connection or did not answer in time") }
            filled += read
        }
        return buffer[...]
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes += $0 }
    }

    private static func readInt16(_ bytes: ArraySlice<UInt8>) -> Int16 {
        bytes.reduce(0) { $0 << 8 | Int16($1) }
    }

    private static func readInt32(_ bytes: ArraySlice<UInt8>) -> Int32 {
        bytes.reduce(0) { $0 << 8 | Int32($1) }
    }

    private static func failure(_ message: String) -> KafkaError {
        KafkaError(kind: .connection, message: message, isRetriable: true)
    }
}
