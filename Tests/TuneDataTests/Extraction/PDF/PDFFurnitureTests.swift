import Testing
@testable import TuneData

/// Running headers, footers and page numbers that are not where margin rules look, and the body
/// lines that look like them but must stay.
@Suite struct PDFFurnitureTests {
    private func line(_ text: String, y: Double, x: Double = 72, width: Double = 468, size: Double = 10) -> PDFLine {
        PDFLine(text: text, box: PDFBox(x0: x, y0: y, x1: x + width, y1: y + size), fontSize: size, isBold: false)
    }

    private func page(_ number: Int, _ lines: [PDFLine]) -> PDFPage {
        PDFPage(number: number, width: 612, height: 792, lines: lines, hasImages: false)
    }

    /// The texts each page keeps.
    private func kept(_ pages: [PDFPage]) -> [[String]] {
        zip(pages, PDFRunningLines.furniture(in: pages)).map { page, drop in
            page.lines.indices.filter { !drop.contains($0) }.map { page.lines[$0].text }
        }
    }

    /// Body text flowing around an original page break printed mid-page, as EDGAR prints do.
    private func bodyAround(_ furniture: [String], page number: Int, at y: Double) -> [PDFLine] {
        var lines = [
            line("Text of page \(number) before the break runs to the end of the original", y: y - 40),
            line("page \(number), and then the page furniture of the original follows it.", y: y - 28),
        ]
        for (offset, text) in furniture.enumerated() {
            lines.append(line(text, y: y + Double(offset) * 12, x: 250, width: 120))
        }
        lines.append(
            line(
                "The next original page starts after a blank line on page \(number).",
                y: y + Double(furniture.count) * 12 + 16))
        return lines
    }

    @Test func aDocumentCodeUnderTheLastLineOfAFewPagesGoes() {
        // Exhibit pages of a 12-page filing: the firm's number sits under wherever the text ends.
        let exhibits = (10...12).map { number in
            page(
                number,
                [
                    line("Exhibit \(number) text ends at a different height on page \(number).", y: 100),
                    line("DB2/ 26356633.19", y: 100 + Double(number) * 20, width: 60),
                ])
        }
        let body = (1...9).map { number in
            page(number, [line("The body of the agreement on page \(number) reads on.", y: 100)])
        }
        let kept = kept(body + exhibits)
        #expect(kept.suffix(3).map(\.count) == [1, 1, 1])
        #expect(!kept.joined().contains("DB2/ 26356633.19"))
        // A heading's number is not a code ("Exhibit 10.1" has three digits), nor is a row with neighbours.
        #expect(!PDFRunningLines.isDocumentCode("Exhibit 10.1 Supply Agreement"))
        #expect(PDFRunningLines.isDocumentCode("NYDOCS01/1234567.1"))
    }

    @Test func aStandardFormsCopyrightAndFormNumberGoWhereverTheyFall() {
        // An escrow agent's form: its stamp sits under the text of some pages, the two parts on one row.
        let stamped = (4...6).map { number in
            page(
                number,
                [
                    line("Clause \(number) of the escrow terms ends here.", y: 100 + Double(number) * 25),
                    line("STD001Y2K.UK", y: 200 + Double(number) * 30, x: 13, width: 52),
                    line("(C) NCC Escrow International Limited 1997", y: 200 + Double(number) * 30, x: 181, width: 176),
                    line("\(number - 3) of 3", y: 200 + Double(number) * 30, x: 500, width: 30),
                ])
        }
        let plain = (1...3).map { page($0, [line("Schedule text on page \($0) of the escrow form.", y: 100)]) }
        #expect(kept(plain + stamped).suffix(3).map(\.count) == [1, 1, 1])
        #expect(PDFRunningLines.isFormStamp("© 2019 Acme Forms"))
        #expect(PDFRunningLines.isFormStamp("Version 1: August 1997"))
        #expect(!PDFRunningLines.isFormStamp("(C) [***]"))
        #expect(!PDFRunningLines.isFormStamp("Agreement"))
    }

    @Test func floatingFooterGroupsAndDecoratedPageNumbersGo() {
        let pages = (1...4).map { number in
            page(
                number,
                bodyAround(
                    ["Cargill Confidential", "- \(number) -", "* Confidential treatment requested"], page: number,
                    at: 200 + Double(number) * 60))
        }
        for (number, texts) in kept(pages).enumerated() {
            #expect(
                texts == [
                    "Text of page \(number + 1) before the break runs to the end of the original",
                    "page \(number + 1), and then the page furniture of the original follows it.",
                    "The next original page starts after a blank line on page \(number + 1).",
                ])
        }
    }

    @Test func floatingTitleBesideItsPageNumberGoes() {
        let pages = (1...4).map { number in
            var lines = bodyAround(["Intellectual Property Agreement"], page: number, at: 300 + Double(number) * 20)
            lines.append(line("\(number)", y: 300 + Double(number) * 20, x: 530, width: 6))
            return page(number, lines)
        }
        #expect(kept(pages).allSatisfy { $0.count == 3 && !$0.contains("Intellectual Property Agreement") })
    }

    @Test func floatingTitleWithItsPageNumberOnTheNextRowGoes() {
        let pages = (1...4).map { number in
            var lines = bodyAround(["Intellectual Property Agreement"], page: number, at: 300 + Double(number) * 20)
            // The page number sits on its own row right under the title, flush right.
            lines.insert(line("\(number)", y: 300 + Double(number) * 20 + 11, x: 530, width: 6), at: 3)
            lines[4].box.y0 += 12
            lines[4].box.y1 += 12
            return page(number, lines)
        }
        for (number, texts) in kept(pages).enumerated() {
            #expect(
                texts == [
                    "Text of page \(number + 1) before the break runs to the end of the original",
                    "page \(number + 1), and then the page furniture of the original follows it.",
                    "The next original page starts after a blank line on page \(number + 1).",
                ])
        }
    }

    @Test func floatingFooterRowWithLabelsAndPageNumberGoes() {
        // "AZUL–ATR   Amendment N° 1   Page 3/4" on one row, the agreement's title under it.
        let pages = (1...4).map { number in
            let y = 300 + Double(number) * 20
            return page(
                number,
                [
                    line("Text of page \(number) before the break runs to the end of the original", y: y - 40),
                    line("page \(number), and then the page furniture of the original follows it.", y: y - 28),
                    line("AZUL–ATR", y: y, x: 50, width: 41), line("Amendment N° 1", y: y, x: 274, width: 58),
                    line("Page \(number)/4", y: y, x: 517, width: 28),
                    line("Global Maintenance Agreement", y: y + 12, x: 250, width: 107),
                    line("The next original page starts after a blank line on page \(number).", y: y + 40),
                ])
        }
        #expect(
            kept(pages).allSatisfy {
                $0.count == 3 && !$0.contains { $0.contains("Amendment") || $0.contains("Agreement") }
            })
    }

    @Test func legendTouchingTextAfterItsPageNumberGoesWhereItGoesElsewhere() {
        let legend = "Confidential Treatment has been requested with respect to the omitted portions."
        let pages = (1...4).map { number in
            var lines = bodyAround(["Page \(number) of 4", legend], page: number, at: 300)
            if number == 4 {
                // A file number printed right under the legend: the group is not set apart here.
                lines.append(line("DB2/ 26356633.19", y: 325, x: 50, width: 56))
            }
            return page(number, lines)
        }
        #expect(kept(pages).allSatisfy { !$0.contains(legend) && !$0.contains { $0.hasPrefix("Page ") } })
        #expect(kept(pages)[3].contains("DB2/ 26356633.19"))
    }

    @Test func headerPushedDownOnTheFirstPageGoesButACaptionTouchingTextStays() {
        let header = "CONFIDENTIAL TREATMENT REQUESTED"
        let name = "Richard S Barreras, Jr."
        let pages = (1...4).map { number in
            var lines = [line(header, y: 40, x: 389, width: 156), line(name, y: 52, x: 73, width: 98, size: 8)]
            if number == 1 {
                // Three height bands lower than elsewhere: the margin rule does not match it.
                lines = [
                    line("Exhibit 99.1", y: 40, x: 504, width: 41), line(header, y: 100, x: 389, width: 156),
                    line(name, y: 120, x: 73, width: 98, size: 8), line("In re", y: 128, x: 41, width: 17, size: 8),
                ]
            }
            lines.append(line("Body text of page \(number) starts well below the header.", y: 180))
            return page(number, lines)
        }
        #expect(
            kept(pages)[0] == [
                "Exhibit 99.1", "Richard S Barreras, Jr.", "In re", "Body text of page 1 starts well below the header.",
            ])
        #expect(kept(pages).dropFirst().allSatisfy { $0.count == 1 })
    }

    @Test func bareNumbersMidPageStay() {
        let pages = (1...4).map { number in
            page(
                number,
                (1...2).map { line("Opening terms of schedule \(number), clause \($0).", y: 240 + Double($0) * 20) } + [
                    line("Fee schedule \(number) lists the following amount:", y: 300),
                    line("\(number * 7)", y: 330, x: 300, width: 12),
                    line("which is payable each month in arrears under schedule \(number).", y: 360),
                ]
                    + (1...3).map {
                        line("Further terms of schedule \(number), clause \($0).", y: 380 + Double($0) * 20)
                    })
        }
        #expect(kept(pages).allSatisfy { $0.count == 8 })
    }

    @Test func repeatedParagraphsFormsAndTableHeadersStay() {
        let paragraph = [
            "If the Supplier fails to deliver such units during the twelve (12) month",
            "period following the launch, the Supplier agrees to deliver them later,",
            "in equivalent quantity and quality, as mutually agreed upon by the parties,",
            "until such units have been delivered.",
        ]
        let pages = (1...4).map { number in
            var lines = paragraph.enumerated().map { line($0.element, y: 200 + Double($0.offset) * 12) }
            lines += [
                line("___________________________", y: 300, width: 150), line("Signature", y: 312, width: 50),
                line("Signer number \(number)", y: 340, width: 100),
                line("Service Name", y: 400, width: 80), line("Fee (USD)", y: 400, x: 400, width: 60),
                line("Hosting, row \(number)", y: 430, width: 80), line("\(number)00", y: 430, x: 400, width: 30),
            ]
            return page(number, lines)
        }
        #expect(zip(kept(pages), pages).allSatisfy { $0.count == $1.lines.count })
    }

    @Test func headerStartingInsideTheMarginGoesEvenWhenItEndsBelowIt() {
        // 18% of 792 points is 142.6: the header starts above that line and ends below it.
        let pages = (1...4).map { number in
            page(
                number,
                [
                    line("Opinion of the Court", y: 137, x: 263, width: 86, size: 11),
                    line("Body text of the opinion on page \(number) continues here.", y: 170),
                ])
        }
        #expect(kept(pages).allSatisfy { $0.count == 1 && !$0.contains("Opinion of the Court") })
    }

    @Test func pageNumberOnARowOfRunningTextGoes() {
        let pages = (1...4).map { number in
            page(
                number,
                [
                    line("Cite as: 569 U. S. ____ (2013)", y: 40, width: 150),
                    line("\(number)", y: 40, x: 530, width: 6),
                    line("Body text of the opinion on page \(number) continues here.", y: 170),
                ])
        }
        #expect(
            kept(pages).enumerated().allSatisfy { $1 == ["Body text of the opinion on page \($0 + 1) continues here."] }
        )
    }

    @Test func pageNumberCentredOnANarrowTextColumnGoes() {
        // Text printed from plain text: a column from 13 to 357 points on a 612-point page.
        let pages = (1...2).map { number in
            page(
                number,
                [
                    line(
                        "Products of such entity are not restricted from promotion.", y: 230, x: 13, width: 344, size: 6
                    ),
                    line("\(number + 10)", y: 259, x: 181, width: 9, size: 6),
                ])
        }
        #expect(kept(pages).allSatisfy { $0 == ["Products of such entity are not restricted from promotion."] })
    }

    @Test func sectionNumbersAtPageTopsStayButRepeatedDatesGo() {
        let pages = (1...4).map { number in
            page(
                number,
                [
                    line("\(number + 3).2", y: 40, width: 20),
                    line(
                        "\(["Notices", "Payments", "Assignment", "Waiver"][number - 1]) shall be in writing.", y: 40,
                        x: 110, width: 300),
                    line("4.5.2016", y: 760, width: 40),
                ])
        }
        #expect(
            kept(pages)
                == zip(4...7, ["Notices", "Payments", "Assignment", "Waiver"]).map {
                    ["\($0).2", "\($1) shall be in writing."]
                })
    }

    @Test func decoratedPageNumbers() {
        #expect(PDFRunningLines.isDecoratedPageNumber("- 4 -"))
        #expect(PDFRunningLines.isDecoratedPageNumber("-4-"))
        #expect(PDFRunningLines.isDecoratedPageNumber("Page 3 of 60"))
        #expect(!PDFRunningLines.isDecoratedPageNumber("4"))
        #expect(!PDFRunningLines.isDecoratedPageNumber("Page 3 of the Agreement"))
    }
}
