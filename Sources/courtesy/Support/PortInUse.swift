/// A port to listen on that something else holds.
struct PortInUse: Error, CustomStringConvertible {
    let description: String
}
