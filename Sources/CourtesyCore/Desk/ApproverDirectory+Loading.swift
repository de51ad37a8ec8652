import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ApproverDirectory {
    /// The directory in a JSON file (format in docs/desk.md).
    ///
    /// A file that its group or other users may write is refused before it is read: whoever can write
    /// it can make themselves an approver.
    /// - Throws: ``ApproverDirectoryError`` saying what is wrong and where.
    package static func load(path: String) throws(ApproverDirectoryError) -> ApproverDirectory {
        try checkNotWritableByOthers(path: path)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ApproverDirectoryError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try ApproverDirectory(json: Array(data))
    }

    /// Refuses a file (or the file a link leads to) that its group or other users may write.
    static func checkNotWritableByOthers(path: String) throws(ApproverDirectoryError) {
        var info = stat()
        // stat follows links: a Kubernetes secret's file is a link into a directory the kubelet owns.
        guard stat(path, &info) == 0 else {
            throw ApproverDirectoryError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let mode = Int(info.st_mode) & 0o777
        if mode & 0o022 != 0 {
            throw ApproverDirectoryError.writableByOthers(path: path, mode: mode)
        }
    }

    /// The directory in JSON text:
    /// `{"approvers": [{"name": "Sam Rivera", "role": "approver", "tokenSHA256": "<64 hex digits>"}]}`.
    ///
    /// Unknown members are refused, since a misspelt one would silently lose a setting; a `token`
    /// member is refused with a reminder to store its hash instead.
    /// - Throws: ``ApproverDirectoryError`` saying what is wrong and where.
    package init(json bytes: [UInt8]) throws(ApproverDirectoryError) {
        let entries: [(approver: Approver, tokenSHA256: String)]
        do throws(EventDecodingError) {
            entries = try JSONReader.read(bytes) {
                (reader) throws(EventDecodingError) -> [(approver: Approver, tokenSHA256: String)] in
                let entries = try Self.readRoot(&reader)
                try reader.expectEnd()
                return entries
            }
        } catch {
            throw Self.configurationError(error)
        }
        try self.init(entries)
    }

    private static func readRoot(
        _ reader: inout JSONReader
    ) throws(EventDecodingError) -> [(approver: Approver, tokenSHA256: String)] {
        var entries: [(approver: Approver, tokenSHA256: String)]?
        try reader.beginObject(field: "(root)")
        var first = true
        while let key = try reader.nextKey(first: &first, field: "(root)") {
            guard key == "approvers" else { throw unknownMember(key, in: "(root)", at: reader.offset) }
            guard entries == nil else { throw EventDecodingError(.duplicateField, field: key, offset: reader.offset) }
            var list: [(approver: Approver, tokenSHA256: String)] = []
            try reader.beginArray(field: key)
            var firstElement = true
            while try reader.nextElement(first: &firstElement, field: key) {
                list.append(try readApprover(&reader, path: "approvers[\(list.count)]"))
            }
            entries = list
        }
        guard let entries else { throw EventDecodingError(.missingField, field: "approvers") }
        return entries
    }

    private static func readApprover(
        _ reader: inout JSONReader, path: String
    ) throws(EventDecodingError) -> (approver: Approver, tokenSHA256: String) {
        var name: String?
        var role: ApproverRole?
        var hash: String?
        try reader.beginObject(field: path)
        var first = true
        while let key = try reader.nextKey(first: &first, field: path) {
            let field = path + "." + key
            let start = reader.offset
            switch key {
            case "name":
                guard name == nil else { throw EventDecodingError(.duplicateField, field: field, offset: start) }
                name = try reader.readNonEmptyString(field: field)
            case "role":
                guard role == nil else { throw EventDecodingError(.duplicateField, field: field, offset: start) }
                role = try reader.readEnum(ApproverRole.self, field: field)
            case "tokenSHA256":
                guard hash == nil else { throw EventDecodingError(.duplicateField, field: field, offset: start) }
                // Read without echoing: a plain token pasted here by mistake must not reach an error message.
                guard try reader.peekKind(field: field) == .string else {
                    throw EventDecodingError(.invalidValue("must be a string of 64 hex digits"), field: field)
                }
                hash = try reader.readString(field: field)
            case "token":
                throw EventDecodingError(
                    .invalidValue(
                        "store the token's SHA-256 as \"tokenSHA256\" (courtesy desk hash-token), never the token"),
                    field: field)
            default:
                throw unknownMember(key, in: path, at: start)
            }
        }
        guard let name else { throw EventDecodingError(.missingField, field: path + ".name") }
        guard let role else { throw EventDecodingError(.missingField, field: path + ".role") }
        guard let hash else { throw EventDecodingError(.missingField, field: path + ".tokenSHA256") }
        return (Approver(name: name, role: role), hash)
    }

    private static func unknownMember(_ key: String, in path: String, at offset: Int) -> EventDecodingError {
        EventDecodingError(
            .invalidValue("unknown member \"\(key.prefix(40))\""), field: path == "(root)" ? nil : path, offset: offset)
    }

    private static func configurationError(_ error: EventDecodingError) -> ApproverDirectoryError {
        if case .invalidValue(let problem) = error.kind, let field = error.field {
            return ApproverDirectoryError.invalidValue(path: field, problem: problem)
        }
        return ApproverDirectoryError.invalidJSON(error.description)
    }
}
