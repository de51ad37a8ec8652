/// One hostile (or merely unusual) reply text an approver might send the desk, and whether the desk
/// must accept it.
public struct HostileEdit: Sendable {
    /// A short name for failure messages, e.g. `edit-lone-variation-selector`.
    public let name: String
    /// The text, exactly as sent.
    public let text: String
    /// The raw value of the platform it is meant for (`x`, `email`...).
    public let platform: String
    /// Whether the desk must accept it (`false`: refuse it with `422 invalid_input`).
    public let accepted: Bool

    public init(_ name: String, _ text: String, platform: String = "x", accepted: Bool = false) {
        self.name = name
        self.text = text
        self.platform = platform
        self.accepted = accepted
    }
}
