import CourtesyLocking
import Mustache
import Synchronization

/// A variant's forms, compiled through Mustache the first time a reply uses the variant.
///
/// A variant with eight optional values has 256 forms, and five languages of variants took most of a
/// second to compile at start-up, in every process, for variants most runs never use. The parsed
/// template is kept instead, so a broken template still fails at load; the first reply that picks the
/// variant compiles all its forms, and every later reply reads them after one atomic load of a flag.
/// (Reading through a lock, or through an `AtomicLazyReference`, cost 0.13–0.2 µs a reply in
/// `courtesy-lab bench core`.)
final class TemplateForms: @unchecked Sendable {
    // Safe to share: `forms` is written once, holding `lock`, before `ready` is stored with release
    // ordering, and read only after `ready` is loaded true with acquire ordering; it never changes again.
    private var forms: [TemplateForm] = []
    private let ready = Atomic<Bool>(false)
    private let lock = Locked(())
    private let template: MustacheTemplate
    private let variables: [TemplateVariable]

    init(template: MustacheTemplate, variables: [TemplateVariable]) {
        self.template = template
        self.variables = variables
    }

    /// How many combinations there are: two to the number of variables.
    var count: Int { 1 << variables.count }

    /// The form of combination `index` (bit `i` is `variables[i]`'s presence).
    @inline(__always)
    func form(at index: Int) -> TemplateForm {
        if ready.load(ordering: .acquiring) { return forms[index] }
        return compileOnce()[index]
    }

    /// Every form, in combination order.
    var all: [TemplateForm] {
        ready.load(ordering: .acquiring) ? forms : compileOnce()
    }

    /// Compiles every form the first time; a thread that finds them made meanwhile uses those.
    private func compileOnce() -> [TemplateForm] {
        lock.withLock { _ in
            if !ready.load(ordering: .acquiring) {
                var byText: [String: TemplateForm] = [:]
                forms = (0..<count).map { index in
                    let text = TemplateCompiler.placeholderText(of: template, variables: variables, index: index)
                    if let form = byText[text] { return form }
                    let form = TemplateForm(placeholderText: text)
                    byText[text] = form
                    return form
                }
                ready.store(true, ordering: .releasing)
            }
        }
        return forms
    }
}
