/// A piece of a compiled form as the responder writes it into a draft event: a stretch of the form's
/// escaped text, or a value.
///
/// Unlike ``TemplateSegment`` it holds no string, so walking a form's pieces per reply copies no
/// reference.
enum TemplatePiece: Sendable, Hashable {
    /// The escaped text up to this offset in ``TemplateForm/escapedText``, from where the previous
    /// text piece ended.
    case text(end: Int)
    case value(TemplateVariable)
}
