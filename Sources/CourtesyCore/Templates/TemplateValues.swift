/// The sanitised values of one reply, by variable; `nil` is absent.
///
/// A struct of optionals rather than a dictionary or array: a reply's values are made once per draft
/// on the hot path, and this costs no allocation.
struct TemplateValues: Sendable, Hashable {
    var customer: String?
    var agent: String?
    var topic: String?
    var order: String?
    var booking: String?
    var flight: String?
    var tracking: String?
    var `case`: String?
    var duration: String?
    var amount: String?
    var reference: String?
    var previous: String?
    /// A flag: present or absent, with no text.
    var repeated = false
    var askFor: String?
    var safety = false
    var staff: String?
    var mixed = false

    subscript(variable: TemplateVariable) -> String? {
        get {
            switch variable {
            case .customer: customer
            case .agent: agent
            case .topic: topic
            case .order: order
            case .booking: booking
            case .flight: flight
            case .tracking: tracking
            case .case: self.case
            case .duration: duration
            case .amount: amount
            case .reference: reference
            case .previous: previous
            case .repeated: repeated ? "" : nil
            case .askFor: askFor
            case .safety: safety ? "" : nil
            case .staff: staff
            case .mixed: mixed ? "" : nil
            }
        }
        set {
            switch variable {
            case .customer: customer = newValue
            case .agent: agent = newValue
            case .topic: topic = newValue
            case .order: order = newValue
            case .booking: booking = newValue
            case .flight: flight = newValue
            case .tracking: tracking = newValue
            case .case: self.case = newValue
            case .duration: duration = newValue
            case .amount: amount = newValue
            case .reference: reference = newValue
            case .previous: previous = newValue
            case .repeated: repeated = newValue != nil
            case .askFor: askFor = newValue
            case .safety: safety = newValue != nil
            case .staff: staff = newValue
            case .mixed: mixed = newValue != nil
            }
        }
    }

    /// The presence mask (``TemplateVariable/bit``) of the values.
    var mask: Int {
        var mask = 0
        for variable in TemplateVariable.allCases where self[variable] != nil { mask |= variable.bit }
        return mask
    }
}
