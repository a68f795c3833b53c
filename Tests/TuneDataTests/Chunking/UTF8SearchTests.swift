import Testing

@testable import TuneData

@Suite struct UTF8SearchTests {
    @Test(arguments: [
        ("IBM Confidential sow0501.lwp Page 33", ".lwp", true),
        ("Page 1 │ of", "│", true),
        ("§ 12 applies", "§", true),
        ("ends with the needle", "needle", true),
        ("needle at the start", "needle", true),
        ("short", "a longer needle", false),
        ("no match here", "-----", false),
        ("", "x", false),
        ("anything", "", true),
    ])
    func findsByteSubstrings(text: String, needle: String, found: Bool) {
        #expect(text.containsBytes(needle) == found)
        // The same answer from a substring, as the furniture cues pass them.
        #expect(("<" + text + ">").dropFirst().dropLast().containsBytes(needle) == found)
    }

    @Test(arguments: [
        ("NOW, THEREFORE, WHEREAS the parties", "whereas", true),
        ("In Witness Whereof", "in witness whereof", true),
        ("witness", "in witness whereof", false),
        ("CONFIDENTIAL TREATMENT", "treatment", true),
        ("Ünïcode text with ÉLAN", "élan", false),
    ])
    func foldsOnlyASCIICase(text: String, needle: String, found: Bool) {
        #expect(text.containsASCIICaseInsensitive(needle) == found)
    }

    /// The byte search must agree with `String.contains` for the ASCII needles the cues use.
    @Test func agreesWithCharacterSearchOnASCIINeedles() {
        let texts = [
            "“Audit Costs” shall have the meaning set forth in Section 6.5.",
            "By: ____ Name: Jane Doe Title: CEO", "café ..... 12\nrésumé . . . . . 14", "a\r\nb -----",
        ]
        for text in texts {
            for needle in [".....", ". . . . .", "__", "-----", "Source:", "meaning", "Name", "\r\n", "é"] {
                #expect(text.containsBytes(needle) == text.contains(needle), "\(needle) in \(text)")
            }
        }
    }
}
