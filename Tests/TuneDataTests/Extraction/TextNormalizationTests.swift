import Foundation
import Testing
@testable import TuneData

@Suite struct TextNormalizationTests {
    @Test func inlineTextIsCollapsedCleanedAndComposed() {
        #expect(
            TextNormalization.normalizeInline("  The\u{00A0}\u{00A0}ﬁrst \t\n of\u{00AD}ﬁce\u{200B}  ")
                == "The first office")
        // e + combining acute becomes é; a line of already-composed text is left as it is.
        #expect(TextNormalization.normalizeInline("Cafe\u{0301} – “naïve” 5 €") == "Caf\u{00E9} – “naïve” 5 €")
        #expect(
            TextNormalization.normalizeInline("\u{2126} ohm, \u{212B} angstrom") == "\u{03A9} ohm, \u{00C5} angstrom")
        #expect(TextNormalization.normalizeInline("한국어 日本語 𝔘") == "한국어 日本語 𝔘")
    }

    @Test func stringAndScalarPathsAgree() {
        let samples = [
            "a\u{0000}b\u{0007}c", "x\u{2028}y", "ĳ and Ĳ", "tab\tand\u{3000}ideographic", "e\u{0301}\u{0327}",
        ]
        for sample in samples {
            #expect(
                TextNormalization.normalizeInline(sample)
                    == TextNormalization.normalizeInline(scalars: sample.unicodeScalars, capacity: 8))
        }
    }

    /// The NFC shortcut is sound: every scalar it calls stable is its own NFC form, has combining
    /// class 0 and is never a later part of another scalar's canonical decomposition.
    @Test func scalarsCalledStableAreLeftAloneByNFC() {
        var laterParts = Set<UInt32>()
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            for part in decomposed.dropFirst() { laterParts.insert(part.value) }
        }
        // Hangul vowel and trailing jamo compose algorithmically.
        laterParts.formUnion(0x1161...0x1175)
        laterParts.formUnion(0x11A8...0x11C2)
        var wrong: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextNormalization.isStableUnderNFC(scalar) else { continue }
            let string = String(scalar)
            if string.precomposedStringWithCanonicalMapping != string
                || scalar.properties.canonicalCombiningClass != .notReordered || laterParts.contains(value)
            {
                wrong.append(String(value, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }
}
