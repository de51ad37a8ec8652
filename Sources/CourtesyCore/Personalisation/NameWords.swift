/// Hand-written word lists that keep the name extractor from greeting a title, a brand or a phrase.
///
/// All entries are lowercase. They are facts about English and Spanish usage, written for Courtesy.
enum NameWords {
    /// Titles and honorifics dropped before the given name ("Dr. Jane Smith" → "Jane").
    static let titles: Set<String> = [
        "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord", "prof", "professor",
        "rev", "reverend", "pastor", "fr", "father", "sister", "brother", "rabbi", "imam", "sheikh", "capt",
        "captain", "sgt", "sergeant", "lt", "col", "colonel", "gen", "hon", "judge", "coach", "chef", "officer",
        "sr", "sra", "srta", "dra", "señor", "señora", "señorita", "doña", "herr", "frau", "mme", "mlle",
        "monsieur", "madame", "dott", "ing", "lic", "auntie", "aunty", "aunt", "uncle", "mr.", "mrs.", "st",
    ]

    /// Titles that are also given names: dropped only when a known given name follows ("Don José").
    static let ambiguousTitles: Set<String> = ["don", "dom", "madam", "major", "bishop", "deacon"]

    /// Words that mark an organisation, a team or an account that is not one person.
    static let organisation: Set<String> = [
        "official", "news", "team", "support", "help", "helpdesk", "service", "services", "customer", "care",
        "inc", "llc", "ltd", "limited", "plc", "gmbh", "corp", "corporation", "company", "co", "group", "media",
        "radio", "tv", "magazine", "club", "foundation", "charity", "bank", "hotel", "hotels", "restaurant", "cafe",
        "bar", "bot", "fan", "fans", "fanpage", "updates", "deals", "careers", "jobs", "hq", "global", "agency",
        "studio", "studios", "records", "tech", "labs", "capital", "partners", "consulting", "network", "daily",
        "weekly", "times", "post", "journal", "press", "blog", "shop", "store", "boutique", "beauty", "salon",
        "airline", "airlines", "airways", "air", "church", "school", "university", "college",
        "academy", "institute", "association", "society", "council", "city", "county", "state", "government",
        "police", "department", "dept", "office", "usa", "uk", "online", "app", "games", "gaming", "sports",
        "fc", "palace", "united", "association", "brand", "brands", "marketing", "solutions", "systems", "digital",
        "podcast", "show", "channel", "official_", "account", "alerts", "info", "community", "collective", "crew",
        "family", "household", "estate", "realty", "insurance", "motors", "auto", "pizza", "coffee", "kitchen",
        "bakery", "market", "mart", "express", "delivery", "logistics", "noticias", "oficial", "tienda",
        "atención", "cliente", "clientes", "equipo", "soporte", "grupo", "empresa",
    ]

    /// Words that make a display name a phrase rather than a person's name ("The Best", "Jane from Ohio").
    static let phrase: Set<String> = [
        "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "from", "with", "my", "your", "our", "his",
        "her", "their", "is", "are", "was", "be", "i", "im", "i'm", "you", "we", "they", "it", "this", "that",
        "not", "no", "yes", "just", "only", "all", "anonymous", "anon", "user", "guest", "unknown", "nobody",
        "someone", "el", "los", "las", "un", "una", "mi", "tu", "su", "hi", "hello", "hey", "hola",
    ]

    /// Words that join several people or a person and others ("Jane & Bob", "Jane y Pedro").
    static let conjunctions: Set<String> = ["&", "+", "and", "y", "e", "und", "et", "och", "og", "en", "n", "'n'"]

    /// Name particles that may appear between a given name and a surname without making a phrase.
    static let particles: Set<String> = [
        "de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "do", "di", "du", "la", "le", "bin",
        "bint", "ibn", "al", "ben", "mac", "st", "ter", "ten", "af", "zu",
    ]

    /// Suffixes after a comma that do not start a given name ("Jane Smith, PhD").
    static let suffixes: Set<String> = [
        "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "rn", "cpa", "dds", "jd", "msc", "bsc", "ma",
        "ba", "obe", "mbe", "cbe", "frcs", "pe",
    ]

    /// Given names that are also everyday words: accepted only with a surname-like word after them,
    /// so "Will Smith" is Will but "Summer" or "Hope" alone greets without a name.
    static let wordLikeNames: Set<String> = [
        "will", "may", "june", "april", "august", "hope", "joy", "faith", "grace", "love", "sky", "summer",
        "autumn", "winter", "angel", "star", "sunny", "happy", "lucky", "honey", "dawn", "rich", "chase", "cash",
        "hunter", "miles", "guy", "art", "rose", "ruby", "amber", "lily", "daisy", "holly", "ivy", "iris", "jade",
        "pearl", "olive", "crystal", "destiny", "precious", "trinity", "river", "storm", "rain", "paris",
        "london", "georgia", "virginia", "jordan", "sydney", "dakota", "india", "asia", "brook", "sage", "nova",
        "luna", "harmony", "melody", "serenity", "liberty", "justice", "glory", "victory", "royal", "noble",
        "rocky", "dusty", "buddy", "ace", "chance", "cliff", "dale", "glen", "sol", "mar", "paz", "luz", "cruz",
        "mercedes", "estrella", "cielo", "mercy", "patience", "charity", "unity", "bliss", "echo", "rebel",
        "bear", "fox", "wolf", "hawk", "raven",
    ]

    /// Words that look like a surname position but are ordinary words, so they do not vouch for a
    /// word-like given name ("Summer Vibes", "Hope Springs Eternal").
    static let ordinaryWords: Set<String> = [
        "vibes", "springs", "eternal", "time", "times", "day", "days", "night", "nights", "light", "lights",
        "dreams", "dreamer", "season", "sale", "sales", "collection", "beauty", "fashion", "home", "house",
        "garden", "city", "town", "valley", "beach", "island", "lake", "creek", "park", "road", "street",
        "avenue", "boulevard", "hill", "hills", "mountain", "forest", "wood", "woods", "field", "fields",
        "rising", "shining", "forever", "always", "again", "now", "today", "tomorrow", "yesterday", "soon",
        "later", "here", "there", "everywhere", "up", "down", "out", "over", "more", "less", "plus", "pro",
        "max", "mini", "lite", "one", "two", "three", "first", "last", "next", "new", "old", "big", "little",
        "small", "great", "good", "bad", "better", "best", "worst", "true", "false", "free", "wild", "sweet",
        "cool", "hot", "cold", "warm", "dark", "bright", "blue", "red", "green", "black", "white", "gold",
        "silver", "pink", "purple", "yellow", "orange", "grey", "gray", "brown",
    ]
}
