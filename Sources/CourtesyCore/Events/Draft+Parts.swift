extension Draft {
    /// The customer a draft answers.
    package struct Customer: Sendable, Hashable {
        /// The first name the reply greets, or `nil` for a greeting without a name.
        package var name: String?
        /// The customer's handle without `@`, if the platform has handles.
        package var handle: String?

        /// Creates a customer.
        package init(name: String?, handle: String?) {
            self.name = name
            self.handle = handle
        }
    }

    /// The agent who signs a draft.
    package struct Agent: Sendable, Hashable {
        /// The agent's id in the roster.
        package var id: String
        /// The name the reply is signed with.
        package var name: String

        /// Creates an agent reference.
        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Which template, and which of its variants, a draft was rendered from.
    package struct TemplateChoice: Sendable, Hashable {
        /// The template's name, e.g. `complaint.x.en`.
        package var name: String
        /// The index of the variant used.
        package var variant: Int

        /// Creates a template choice.
        package init(name: String, variant: Int) {
            self.name = name
            self.variant = variant
        }
    }
}
