/// The JSON type of the next value, as seen from its first byte.
package enum JSONValueKind: String, Sendable, Hashable {
    case object
    case array
    case string
    case number
    case bool = "boolean"
    case null
}
