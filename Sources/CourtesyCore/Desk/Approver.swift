/// A person known to the desk: the name every decision records, and what they may do.
///
/// It holds no token and no token hash, so it is safe to log and to put in error messages.
package struct Approver: Sendable, Hashable, CustomStringConvertible {
    /// The name decisions record, e.g. `Sam Rivera`; unique in an ``ApproverDirectory``.
    package var name: String
    /// What they may do.
    package var role: ApproverRole

    /// Creates an approver.
    package init(name: String, role: ApproverRole) {
        self.name = name
        self.role = role
    }

    /// The name and role, e.g. `Sam Rivera (approver)`.
    package var description: String { "\(name) (\(role.rawValue))" }
}
