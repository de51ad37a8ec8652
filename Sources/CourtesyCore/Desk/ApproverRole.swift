/// What a person may do at the desk.
public enum ApproverRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// May list, show and decide (approve, edit, reject).
    case approver
    /// May list and show, not decide.
    case viewer

    /// Whether this role may record decisions.
    public var mayDecide: Bool {
        self == .approver
    }
}
