/// Reads RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes,
/// LF or CRLF record ends. A bare CR is kept as data rather than taken for a line break.
package enum CSVReader {
    /// Splits `bytes` into records of fields.
    ///
    /// A quote inside an unquoted field is kept as a literal character; a quoted field that never
    /// closes is an error naming the line where it opened.
    package static func records(_ bytes: [UInt8]) throws(EvaluationError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        let count = bytes.count
        var fieldStarted = false

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }

        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") && !fieldStarted && field.isEmpty {
                let openedOn = line
                index += 1
                var closed = false
                while index < count {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\"") {
                        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(inner)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if inner == 0x0A {
                        line += 1
                    }
                    field.append(inner)
                    index += 1
                }
                guard closed else {
                    throw EvaluationError.malformedCSV(line: openedOn, reason: "unterminated quoted field")
                }
                fieldStarted = true
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
                index += 1
            case 0x0A:
                endField()
                records.append(record)
                record.removeAll(keepingCapacity: true)
                line += 1
                index += 1
            case 0x0D where index + 1 < count && bytes[index + 1] == 0x0A:
                index += 1
            default:
                field.append(byte)
                fieldStarted = true
                index += 1
            }
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
