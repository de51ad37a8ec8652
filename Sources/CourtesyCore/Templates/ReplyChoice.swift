/// A reply decided but not yet written: the template set, the variant, the compiled form for the
/// values present, and the sanitised values.
///
/// ``text`` makes the reply as a `String`; ``write(to:)`` writes it as a JSON string straight into an
/// event, from fragments escaped when the templates were loaded, and gives the same characters.
struct ReplyChoice {
    let set: TemplateSet
    /// The variant's index in the set, from 0.
    let index: Int
    let form: TemplateForm
    let values: TemplateValues
    /// The language of the templates used.
    let language: String

    /// The reply text.
    var text: String { form.render(values) }

    /// The reply's length in UTF-8 bytes, without making it.
    var utf8Count: Int { form.utf8Count(values) }

    /// The most bytes ``write(to:)`` writes.
    var maximumJSONCount: Int { form.maximumJSONCount(values) }

    /// Writes the reply as a quoted, escaped JSON string.
    func write(to json: inout UnsafeJSONOutput) {
        form.write(values, to: &json)
    }
}
