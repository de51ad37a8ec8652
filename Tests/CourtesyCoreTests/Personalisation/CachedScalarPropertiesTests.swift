import Testing

@testable import CourtesyCore

@Suite("Cached scalar properties")
struct CachedScalarPropertiesTests {
    @Test("The cache answers as the standard library does, inside and outside the cached range")
    func sameAnswers() {
        let samples = Array(0..<0x1000) + [0x3164, 0x1F338, 0x2728, 0x1D409, 0xFF2A, 0xE000, 0x10FFFF]
        for value in samples {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(CachedScalarProperties.generalCategory(scalar) == scalar.properties.generalCategory)
            #expect(CachedScalarProperties.isWhitespace(scalar) == scalar.properties.isWhitespace)
            #expect(CachedScalarProperties.isUppercase(scalar) == scalar.properties.isUppercase)
        }
    }
}
