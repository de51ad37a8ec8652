import Foundation
import Testing

@testable import CourtesyCore

@Suite("Fact configuration")
struct FactConfigurationTests {
    static let acme = """
        # Acme's facts
        identifier order "Acme order number" AC-[0-9]{6}

        identifier booking "Acme booking code" after=booking,reserva,Buchung [0-9]{8}
        identifier tracking "Acme parcel" \\#?PX[0-9]{7}
        product "Galaxy S24"
        product "Pixel 8"
        product "Crème Brûlée Maker"
        product "3310"
        """

    private func extractor(_ text: String = Self.acme) throws -> FactExtractor {
        FactExtractor(configuration: try FactConfiguration(text: text, source: "acme.facts"))
    }

    @Test("a file's identifier formats and products, in order")
    func parsing() throws {
        let configuration = try FactConfiguration(text: Self.acme, source: "acme.facts")
        #expect(configuration.identifierFormats.map(\.kind) == [.order, .booking, .tracking])
        #expect(
            configuration.identifierFormats.map(\.label) == ["Acme order number", "Acme booking code", "Acme parcel"])
        #expect(configuration.identifierFormats[0].pattern == "AC-[0-9]{6}")
        #expect(configuration.identifierFormats[1].keywords == ["booking", "reserva", "Buchung"])
        #expect(configuration.products == ["Galaxy S24", "Pixel 8", "Crème Brûlée Maker", "3310"])
        #expect(FactConfiguration().identifierFormats.isEmpty && FactConfiguration().products.isEmpty)
    }

    @Test("a brand's identifiers, on word boundaries, with their keywords where required")
    func identifiers() throws {
        let extractor = try extractor()
        #expect(factPairs("my AC-123456 never came", extractor: extractor) == ["order=AC123456"])
        #expect(factPairs("XAC-123456 and AC-1234567", extractor: extractor).isEmpty)
        #expect(factPairs("booking 12345678 is wrong", extractor: extractor) == ["booking=12345678"])
        #expect(factPairs("reserva número 12345678", extractor: extractor) == ["booking=12345678"])
        #expect(factPairs("Buchung: 12345678", extractor: extractor) == ["booking=12345678"])
        #expect(factPairs("call 12345678 now", extractor: extractor).isEmpty)
        #expect(factPairs("parcel #PX1234567 lost", extractor: extractor) == ["tracking=PX1234567"])
        let fact = try #require(extractor.facts(in: "my AC-123456 never came").first)
        #expect(fact.value == "AC-123456")
        #expect(fact.span == 3..<12)
    }

    @Test("not inside handles, links or e-mail addresses")
    func skipped() throws {
        let extractor = try extractor()
        for text in [
            "@AC-123456", "see https://acme.example/AC-123456", "acme.example/o/AC-123456", "me@AC-123456.example",
            "visit www.galaxy-s24.example", "@Galaxy",
        ] {
            #expect(extractor.facts(in: text).isEmpty, "\(text)")
        }
    }

    @Test("a brand's format wins where it overlaps a built-in fact")
    func customWins() throws {
        let extractor = try extractor("identifier tracking \"Acme parcel\" AC-[0-9]{6}")
        #expect(
            factPairs("order AC-123456 and order 55120", extractor: extractor) == [
                "tracking=AC123456", "order=55120",
            ])
        #expect(factPairs("order AC-123456", extractor: FactExtractor()) == ["order=AC123456"])
    }

    @Test("products: case and Latin accents aside, any spacing, on word boundaries, as configured")
    func products() throws {
        let extractor = try extractor()
        let facts = extractor.facts(in: "my galaxy  s24 and my Pixel 8 broke, so did the creme brulee maker")
        #expect(facts.map(\.value) == ["Galaxy S24", "Pixel 8", "Crème Brûlée Maker"])
        #expect(facts.allSatisfy { $0.kind == .product && $0.normalised == $0.value })
        #expect(facts.first?.span == 3..<14)
        #expect(extractor.facts(in: "Galaxy S245 and Pixel 80 and MyPixel 8").isEmpty)
        #expect(extractor.facts(in: "my old 3310 died").map(\.value) == ["3310"])
        #expect(extractor.facts(in: "order 3310 is late").map(\.kind) == [.product])
    }

    @Test("one configured extractor shared by many tasks gives each the same facts")
    func sharedAcrossTasks() async throws {
        let extractor = try extractor()
        let texts = [
            "my AC-123456 never came", "booking 12345678 is wrong", "my galaxy s24 broke", "order #48213 is late",
            "parcel #PX1234567 lost since Monday",
        ]
        let expected = texts.map { extractor.facts(in: $0) }
        let results = await withTaskGroup(of: [[Fact]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var last: [[Fact]] = []
                    for _ in 0..<200 {
                        last = texts.map { extractor.facts(in: $0) }
                    }
                    return last
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("literal prefixes that let a text skip a format's search")
    func literalPrefixes() {
        typealias Format = FactConfiguration.IdentifierFormat
        #expect(Format.literalPrefix(of: "AC-[0-9]{6}") == Array("AC-".utf8))
        #expect(Format.literalPrefix(of: "\\#?PX[0-9]{7}") == nil)
        #expect(Format.literalPrefix(of: "PX\\-[0-9]+") == Array("PX-".utf8))
        #expect(Format.literalPrefix(of: "ABC?D") == Array("AB".utf8))
        #expect(Format.literalPrefix(of: "(?i)ac-[0-9]+") == nil)
        #expect(Format.literalPrefix(of: "AC-1|BD-2") == nil)
        #expect(Format.literalPrefix(of: "[0-9]{8}") == nil)
        #expect(Format.literalPrefix(of: "A\\d+") == nil)
    }

    @Test("case-insensitive patterns still match")
    func caseInsensitive() throws {
        let extractor = try extractor("identifier order \"Acme\" (?i)ac-[0-9]{6}")
        #expect(factPairs("ac-123456 and AC-654321", extractor: extractor) == ["order=AC123456", "order=AC654321"])
    }

    @Test(
        "a bad line names its number and what is wrong",
        arguments: [
            ("identifier parcel \"X\" [0-9]+", 1, FactConfigurationError.Problem.unknownKind("parcel")),
            ("identifier amount \"X\" [0-9]+", 1, .unknownKind("amount")),
            ("identifier", 1, .unknownKind("")),
            ("identifier order", 1, .missingLabel),
            ("# c\n\nidentifier order X [0-9]+", 3, .unquoted("X")),
            ("identifier order \"X [0-9]+", 1, .unterminatedQuote),
            ("identifier order \"  \" [0-9]+", 1, .emptyName),
            ("identifier order \"X\"", 1, .missingPattern),
            ("identifier order \"X\" after=order", 1, .missingPattern),
            ("identifier order \"X\" AC-[0-9", 1, .badPattern(pattern: "AC-[0-9", reason: "expected ']'")),
            ("identifier order \"X\" [0-9]*", 1, .patternMatchesEmpty(pattern: "[0-9]*")),
            ("identifier order \"X\" after=order,,x [0-9]+", 1, .badKeyword("")),
            ("identifier order \"X\" after=order-no [0-9]+", 1, .badKeyword("order-no")),
            (
                "product \"Galaxy S24\"\r\nproduct \"galaxy  s24\"", 2,
                .duplicateProduct(name: "galaxy  s24", firstLine: 1)
            ),
            ("product Galaxy", 1, .unquoted("Galaxy")),
            ("product \"Galaxy\" extra", 1, .trailingText("extra")),
            ("product \"-Galaxy\"", 1, .productStart("-Galaxy")),
            ("product \"\"", 1, .emptyName),
            ("products \"x\"", 1, .unknownDirective("products")),
        ])
    func errors(text: String, line: Int, problem: FactConfigurationError.Problem) {
        #expect(throws: FactConfigurationError(source: "acme.facts", line: line, problem: problem)) {
            try FactConfiguration(text: text, source: "acme.facts")
        }
    }

    @Test("errors read as path:line: problem")
    func descriptions() {
        let error = FactConfigurationError(source: "/etc/courtesy/acme.facts", line: 3, problem: .unknownKind("parcel"))
        #expect(
            error.description
                == "/etc/courtesy/acme.facts:3: unknown kind \"parcel\"; use order, booking, flight, tracking or case")
        let duplicate = FactConfigurationError(
            source: "acme.facts", line: 9, problem: .duplicateProduct(name: "Pixel 8", firstLine: 4))
        #expect(duplicate.description == "acme.facts:9: product \"Pixel 8\" is already listed on line 4")
        let unreadable = FactConfigurationError(source: "x.facts", line: nil, problem: .unreadable(reason: "gone"))
        #expect(unreadable.description == "x.facts: cannot read the file: gone")
    }

    @Test("loading a file: its path in errors, a missing file without a line")
    func loading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID()).facts")
        try Data((Self.acme + "\r\nproduct \"Pixel 8\"\r\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            throws: FactConfigurationError(
                source: url.path, line: 10, problem: .duplicateProduct(name: "Pixel 8", firstLine: 7))
        ) {
            try FactConfiguration.load(from: url)
        }
        try Data(Self.acme.utf8).write(to: url)
        #expect(try FactConfiguration.load(from: url).products.count == 4)

        let missing = URL(fileURLWithPath: "/nonexistent/acme.facts")
        do throws(FactConfigurationError) {
            _ = try FactConfiguration.load(from: missing)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.source == "/nonexistent/acme.facts")
            #expect(error.line == nil)
            guard case .unreadable = error.problem else {
                Issue.record("\(error)")
                return
            }
        }
    }
}
