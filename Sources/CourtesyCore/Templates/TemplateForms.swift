import CourtesyLocking
import Mustache

/// A variant's forms, compiled through Mustache the first time a reply needs each one.
///
/// A variant with eight optional values has 256 forms, and five languages of variants took most of a
/// second to compile at start-up, in every process, for forms most replies never use. The parsed
/// template is kept instead, so a broken template still fails at load, and each form is made once,
/// under a lock, then shared: once it exists the lock is held for one array read. (Publishing each form
/// through an atomic reference instead measured slower in `templates bench`.)
final class TemplateForms: Sendable {
    private struct State {
        /// The form of each combination made so far.
        var forms: [TemplateForm?]
        /// The forms made so far by their text, so that combinations that render alike share one.
        var byText: [String: TemplateForm] = [:]
    }

    private let template: MustacheTemplate
    private let variables: [TemplateVariable]
    private let state: Locked<State>

    init(template: MustacheTemplate, variables: [TemplateVariable]) {
        self.template = template
        self.variables = variables
        state = Locked(State(forms: Array(repeating: nil, count: 1 << variables.count)))
    }

    /// How many combinations there are: two to the number of variables.
    var count: Int { 1 << variables.count }

    /// The form of combination `index` (bit `i` is `variables[i]`'s presence), made if it is the first use.
    func form(at index: Int) -> TemplateForm {
        let template = self.template
        let variables = self.variables
        return state.withLock { state in
            if let form = state.forms[index] { return form }
            let text = TemplateCompiler.placeholderText(of: template, variables: variables, index: index)
            let form = state.byText[text] ?? TemplateForm(placeholderText: text)
            state.byText[text] = form
            state.forms[index] = form
            return form
        }
    }

    /// Every form, in combination order.
    var all: [TemplateForm] {
        (0..<count).map(form(at:))
    }
}
