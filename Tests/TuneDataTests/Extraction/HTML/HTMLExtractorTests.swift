import Foundation
import Testing
@testable import TuneData

@Suite struct HTMLExtractorTests {
    @Test func articleKeepsMainTextAndDropsFurniture() throws {
        let data = try HTMLTestSupport.fixture("article-with-furniture.html")
        let document = try HTMLExtractor().extract(data, from: HTMLTestSupport.source(), options: .init())
        let expected: [Block] = [
            Block(kind: .heading(level: 1), text: "Tenancy deposits explained"),
            Block(
                kind: .paragraph,
                text:
                    "A landlord who takes a deposit must protect it in a government-approved scheme within 30 days of receiving it."
            ),
            Block(kind: .heading(level: 2), text: "What the landlord must tell you"),
            Block(
                kind: .paragraph,
                text:
                    "The landlord must give the tenant the prescribed information: the scheme's name, how to get the deposit back, and what to do in a dispute."
            ),
            Block(kind: .listItem, text: "the address of the rented property;"),
            Block(kind: .listItem, text: "the amount of the deposit."),
            Block(kind: .tableRow, text: "Scheme | Type"),
            Block(kind: .tableRow, text: "Deposit Protection Service | custodial"),
            Block(
                kind: .quote, text: "Failure to protect a deposit can cost the landlord up to three times its amount."),
            Block(kind: .paragraph, text: "Read the full rules in the Housing Act 2004, sections 212 to 215."),
            Block(kind: .code, text: "Section 213(3)\n  within 30 days"),
        ]
        #expect(document.blocks == expected)
        #expect(document.title == "Tenancy deposits explained")
        #expect(document.metadata["language"] == "en-GB")
        #expect(document.metadata["url"] == "https://news.example.org/tenancy-deposits")
        #expect(document.metadata["date"] == "2024-03-05T09:30:00Z")
        #expect(document.format == .html)
    }

    @Test func termsOfServiceSampleKeepsNumberedSections() throws {
        let url = HTMLTestSupport.packageRoot.appendingPathComponent("corpus-samples/terms-of-service.html")
        let document = try HTMLExtractor().extract(
            Data(contentsOf: url), from: HTMLTestSupport.source(), options: .init())
        #expect(document.title == "Terms of Service")
        #expect(document.metadata["date"] == "2025-01-15")
        #expect(document.blocks.first == Block(kind: .heading(level: 1), text: "Terms of Service"))
        let headings = document.blocks.filter { $0.kind == .heading(level: 2) }.map(\.text)
        #expect(
            headings == [
                "1. Acceptance of these Terms", "2. Definitions", "3. Your account", "4. Acceptable use",
                "5. Fees and payment", "6. Limitation of liability", "7. Termination", "8. Governing law",
            ])
        #expect(document.blocks.contains(Block(kind: .tableRow, text: "Professional | 2 TB | €9.50")))
        #expect(document.blocks.contains(Block(kind: .listItem, text: "send unsolicited bulk messages.")))
        #expect(document.blocks.contains(Block(kind: .paragraph, text: "“Content”")))
        let text = document.plainText
        for furniture in ["Pricing", "cookies for analytics", "All rights reserved", "Imprint"] {
            #expect(!text.contains(furniture), "furniture '\(furniture)' leaked into the text")
        }
    }

    @Test func pageWithoutHintsFindsTheDensestContainer() throws {
        let paragraph =
            "The tenant may end the lease early, with one month of notice, when the landlord fails to repair the heating."
        let html = """
            <html><body>
            <div><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></div>
            <div><p>\(paragraph)</p><p>\(paragraph) Again, in writing.</p><p>Short closing line, with a comma.</p></div>
            <div>Copyright 2024 Someone</div>
            </body></html>
            """
        let document = try HTMLTestSupport.extract(html)
        #expect(
            document.blocks.map(\.text) == [
                paragraph, paragraph + " Again, in writing.", "Short closing line, with a comma.",
            ])
    }

    @Test func inlineElementsDoNotSplitParagraphsAndDoubleBreaksDo() throws {
        let html = """
            <html><body><article><p>One <b>bold</b> and <a href="x">linked</a> sentence that is long enough to count as the article body of this page.</p>
            <div>First line<br><br>Second paragraph after a double break, also long enough to be kept in the output text.</div>
            </article></body></html>
            """
        let document = try HTMLTestSupport.extract(html)
        #expect(
            document.blocks.map(\.text) == [
                "One bold and linked sentence that is long enough to count as the article body of this page.",
                "First line",
                "Second paragraph after a double break, also long enough to be kept in the output text.",
            ])
    }

    @Test func leadingDateLineAndDanglingHeadingAreTrimmed() throws {
        let sentence = "The parties agree that this addendum forms part of the lease signed on the same day."
        let html = """
            <html><body><article><p>05.03.2024 09:30</p><p>\(sentence)</p><p>\(sentence)</p>
            <h3>Related posts</h3></article></body></html>
            """
        let document = try HTMLTestSupport.extract(html)
        #expect(document.blocks.map(\.text) == [sentence, sentence])
    }

    @Test func entitiesAndInvisibleCharactersAreNormalised() throws {
        let html =
            "<html><body><p>Caf&eacute; &amp; bar&nbsp;&mdash; co\u{00AD}operate\u{200B} &#8220;now&#8221;</p></body></html>"
        let document = try HTMLTestSupport.extract(html)
        #expect(document.blocks == [Block(kind: .paragraph, text: "Café & bar — cooperate “now”")])
    }

    @Test(
        arguments: [
            ("Terms | Example Corp", "Terms", nil, "Terms"),
            ("Example Corp - Privacy Policy", nil, "Privacy Policy", "Privacy Policy"),
            ("Privacy Policy", nil, "Something else", "Privacy Policy"),
            ("Terms of Use", nil, "Terms", "Terms of Use"),
        ] as [(String, String?, String?, String)])
    func titleDropsSiteNameWhenConfirmed(document: String, openGraph: String?, heading: String?, expected: String) {
        #expect(HTMLMetadata.title(document: document, openGraph: openGraph, heading: heading) == expected)
    }

    @Test func aFileNameInTitleGivesWayToTheOpeningLines() throws {
        let html = """
            <html><head><title>IMMC.COM%282025%2943%20final.ENG.xhtml.1_EN_ACT_part1_v2.docx</title></head>
            <body><p>2025/0024(NLE)</p><p>Proposal for a</p><p>COUNCIL DECISION</p>
            <p>on the position to be taken on behalf of the European Union at the Conference of the Parties.</p>
            <p>This proposal concerns a decision establishing the Union's position at the Conference.</p></body></html>
            """
        #expect(try HTMLTestSupport.extract(html).title == "COUNCIL DECISION")
    }

    @Test func aLicenceSetAsASourceCommentIsProse() {
        let comment = """
            /* Copyright (c) 1998 The OpenSSL Project.
             * ====================================================================
             * Redistribution and use in source and binary forms, with or without
             * modification, are permitted provided that the following conditions
             * are met:
             *
             * 1. Redistributions of source code must retain the above copyright
             *    notice, this list of conditions and the following disclaimer.
             */
            """
        let prose = PreformattedText.prose(comment).map(PreformattedText.paragraphs)
        #expect(
            prose == [
                "Copyright (c) 1998 The OpenSSL Project.",
                "Redistribution and use in source and binary forms, with or without modification, are permitted provided that the following conditions are met:",
                "1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following disclaimer.",
            ])
        #expect(PreformattedText.prose("# build\nmake all\nmake install\n") == nil)
    }

    @Test func hardWrappedProseInPreBecomesParagraphs() throws {
        let html = """
            <html><body><main><h1>Licence</h1><pre>
            1. Grant. The Licensor grants you a limited, NON-
               EXCLUSIVE licence to use the Software on one
               computer at a time.

            2. Restrictions. You may not:
            a) copy the Software except for backup;
            b) rent or lend the Software to anyone else.
            </pre><pre>
            func f() { return x[0] == y; }
            let z = { a: 1 };
            if (a &lt; b) { c = d; }
            </pre></main></body></html>
            """
        let document = try HTMLTestSupport.extract(html)
        #expect(
            document.blocks == [
                Block(kind: .heading(level: 1), text: "Licence"),
                Block(
                    kind: .paragraph,
                    text:
                        "1. Grant. The Licensor grants you a limited, NON-EXCLUSIVE licence to use the Software on one computer at a time."
                ),
                Block(kind: .paragraph, text: "2. Restrictions. You may not:"),
                Block(kind: .paragraph, text: "a) copy the Software except for backup;"),
                Block(kind: .paragraph, text: "b) rent or lend the Software to anyone else."),
                Block(kind: .code, text: "func f() { return x[0] == y; }\nlet z = { a: 1 };\nif (a < b) { c = d; }"),
            ])
    }
}
