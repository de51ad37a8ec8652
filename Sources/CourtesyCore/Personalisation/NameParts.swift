/// The words that name the person in a display name.
struct NameParts: Equatable {
    /// The words, given name first (titles not yet removed).
    var words: [String]
    /// Whether the surname was written apart, before a comma ("Smith, Jane").
    var surnameGivenApart: Bool
    /// The word written before the comma in "Smith, Jane".
    var apartWord: String?
}
