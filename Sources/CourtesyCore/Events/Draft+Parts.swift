extension Draft {
    /// The customer a draft answers.
    public struct Customer: Sendable, Hashable {
        /// The first name the reply greets, or `nil` for a greeting without a name.
        public var name: String?
        /// The customer's handle without `@`, if the platform has handles.
        public var handle: String?

        /// Creates a customer.
        public init(name: String?, handle: String?) {
            self.name = name
            self.handle = handle
        }
    }

    /// The agent who signs a draft.
    public struct Agent: Sendable, Hashable {
        /// The agent's id in the roster.
        public var id: String
        /// The name the reply is signed with.
        public var name: String

        /// Creates an agent reference.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Which template, and which of its variants, a draft was rendered from.
    public struct TemplateChoice: Sendable, Hashable {
        /// The template's name, e.g. `complaint.x.en`.
        public var name: String
        /// The index of the variant used.
        public var variant: Int

        /// Creates a template choice.
        public init(name: String, variant: Int) {
            self.name = name
            self.variant = variant
        }
    }
}
