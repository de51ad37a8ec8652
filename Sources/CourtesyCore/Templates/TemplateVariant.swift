/// One wording of a reply, compiled for each combination of the values it uses as replies need it.
struct TemplateVariant: Sendable, Hashable {
    /// The line in the file where the variant starts.
    let line: Int
    /// The variant as written, for messages and duplicate checks.
    let source: String
    /// The variables the variant uses, in ``TemplateVariable/allCases`` order.
    let variables: [TemplateVariable]
    /// The forms, one per combination of ``variables``, each compiled on first use.
    let compiled: TemplateForms

    /// Every form, one per combination of ``variables``: bit `i` of the index is `variables[i]`'s
    /// presence. Compiles those not used yet, which `templates check` wants and a reply does not.
    var forms: [TemplateForm] { compiled.all }

    /// Two variants are the same when they are written the same at the same line.
    static func == (lhs: TemplateVariant, rhs: TemplateVariant) -> Bool {
        lhs.line == rhs.line && lhs.source == rhs.source
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(source)
    }

    /// The mask of every variable the variant uses.
    var usedMask: Int { variables.reduce(0) { $0 | $1.bit } }

    /// The form for the values present in `mask`; variables the variant does not use are ignored.
    func form(for mask: Int) -> TemplateForm {
        compiled.form(at: formIndex(for: mask))
    }

    /// The index into ``forms`` of a presence mask.
    func formIndex(for mask: Int) -> Int {
        var index = 0
        for (position, variable) in variables.enumerated() where mask & variable.bit != 0 {
            index |= 1 << position
        }
        return index
    }

    /// The presence mask a form index stands for.
    func mask(forFormIndex index: Int) -> Int {
        var mask = 0
        for (position, variable) in variables.enumerated() where index & (1 << position) != 0 {
            mask |= variable.bit
        }
        return mask
    }
}
