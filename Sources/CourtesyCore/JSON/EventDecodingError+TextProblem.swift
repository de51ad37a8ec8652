extension EventDecodingError {
    /// The error for a recorded text that breaks a rule of ``ReplyTextPolicy``.
    init(_ problem: TextProblem, field: String, offset: Int?) {
        switch problem {
        case .tooManyBytes(let size, let limit):
            self.init(.textTooLong(size: size, limit: limit), field: field, offset: offset)
        default:
            self.init(.invalidValue(problem.description), field: field, offset: offset)
        }
    }
}
