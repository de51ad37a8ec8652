/// What a person may do at the desk.
package enum ApproverRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// May list, show and decide (approve, edit, reject).
    case approver
    /// May list and show, not decide.
    case viewer

    /// Whether this role may record decisions.
    package var mayDecide: Bool {
        self == .approver
    }
}
