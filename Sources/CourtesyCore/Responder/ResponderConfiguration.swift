/// Where a ``Responder`` gets its parts: every setting has a default, and every file is optional.
///
/// The same value builds the responder for `courtesy draft`, the benchmarks and the tests
/// (``Responder/init(configuration:clock:)``), so they all draft alike.
package struct ResponderConfiguration: Sendable, Hashable {
    /// The environment variable naming a roster file when none is given explicitly.
    package static let rosterEnvironmentVariable = "COURTESY_ROSTER"
    /// The environment variable naming a brands file when none is given explicitly.
    package static let brandsEnvironmentVariable = "COURTESY_BRANDS"
    /// The environment variable naming a tone model when none is given explicitly.
    package static let toneModelEnvironmentVariable = "COURTESY_TONE_MODEL"

    /// A classifier configuration file (JSON) to use instead of the shipped one.
    package var classifierConfiguration: String?
    /// A base valence lexicon (VADER format) to use instead of the shipped one.
    package var lexicon: String?
    /// Where the reply templates are read from.
    package var templates: TemplateLocation
    /// The agent roster file; `nil` drafts every reply for the team, unsigned (see ``Responder/teamAgent``).
    package var roster: String?
    /// The brand's identifier formats and products for ``FactExtractor`` (docs/facts.md); `nil` uses
    /// only the built-in patterns.
    package var facts: String?
    /// The brands' profiles (docs/brands.md); `nil` has none, and each mention's own words decide.
    package var brands: String?
    /// A tone model from `courtesy train` (``ToneModel``) that chooses the tone instead of the rules; `nil`
    /// uses the rules alone.
    package var toneModel: String?
    /// Limits on the events read.
    package var limits: EventLimits

    /// A configuration; the defaults are the shipped classifier and templates, no roster and standard limits.
    package init(
        classifierConfiguration: String? = nil, lexicon: String? = nil, templates: TemplateLocation = .bundled,
        roster: String? = nil, facts: String? = nil, limits: EventLimits = .standard
    ) {
        self.facts = facts
        self.classifierConfiguration = classifierConfiguration
        self.lexicon = lexicon
        self.templates = templates
        self.roster = roster
        self.limits = limits
    }
}
