import Foundation
import Testing
@testable import TuneData

@Suite struct DocumentKindTests {
    @Test(arguments: [
        (
            "MASTER SUPPLY AGREEMENT",
            "This Master Supply Agreement is made by and between Acme Inc. and Beta LLC. WHEREAS, the parties wish to agree as follows. IN WITNESS WHEREOF the parties have signed.",
            DocumentKind.contract
        ),
        (
            "Regulation (EU) 2016/679",
            "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION, HAVE ADOPTED THIS REGULATION:\nArticle 1\nSubject-matter\nArticle 2\nMaterial scope",
            .regulation
        ),
        (
            "",
            "UNITED STATES COURT OF APPEALS FOR THE EIGHTH CIRCUIT\nNo. 22-1801\nUnited States v. Haitao Xiang\nThe judgment of the district court is AFFIRMED.",
            .opinion
        ),
        (
            "Sencha Software License Agreement",
            "BY DOWNLOADING THE SOFTWARE YOU AGREE to these terms. Licensor grants Licensee a licence. THE SOFTWARE IS PROVIDED AS IS.",
            .policy
        ),
        ("Instructions for Form 1040-NR", "Line 10a. Enter your total ordinary dividends.", .other),
        // A dataset's README quotes clauses and licence terms to explain its labels: documentation.
        (
            "CUAD v1 README",
            "Category: License Grant. Description: Does the contract contain a license granted by one party to its counterparty? The Licensor grants the Licensee a license. You agree to the terms of use.",
            .other
        ),
    ])
    func detectsTheKindFromTheText(title: String, text: String, kind: DocumentKind) {
        #expect(DocumentKind.detect(title: title.isEmpty ? nil : title, text: text) == kind)
    }

    @Test func opinionCaptionGivesCaseNameCourtDocketAndDecision() {
        let opening =
            "UNITED STATES COURT OF APPEALS FOR THE EIGHTH CIRCUIT\nNo. 22-1801\nUnited States v. Haitao Xiang, Defendant"
        let caption = OpinionCaption(title: nil, opening: opening)
        #expect(caption.caseName == "United States v. Haitao Xiang")
        #expect(caption.court == "United States Court of Appeals for the Eighth Circuit")
        #expect(caption.docket == "22-1801")
        #expect(
            OpinionCaption.decisions(in: "We have considered the arguments.\n\nThe judgment is AFFIRMED.")
                == ["The judgment is AFFIRMED."])
    }

    @Test func templatesLoadAKindConditionAndRejectAnUnknownKind() throws {
        let yaml =
            "name: t\nkinds: [opinion]\nuser: \"What did the court decide in {{document.case_name}}?\"\nassistant: \"{{passage.text}}\"\n"
        #expect(try TemplateLoader.parse(yaml, file: "t.yaml").kinds == ["opinion"])
        #expect(throws: TemplateError.self) {
            try TemplateLoader.parse(yaml.replacingOccurrences(of: "opinion", with: "novel"), file: "t.yaml")
        }
    }
}

/// A README among the contracts is documentation, named by its file when it has no title.
@Suite struct ReadmeKindTests {
    @Test func aReadmeFileIsOtherHoweverLegalItsWords() {
        let clause =
            "This Agreement is made by and between Acme Corp. (\"Acme\") and Beta LLC (\"Beta\"). IN WITNESS WHEREOF, the parties have executed this Agreement."
        let readme = Document(
            id: "r1", source: "contracts/CUAD_v1_README.txt", format: .text, title: nil,
            blocks: [Block(kind: .paragraph, text: "An example of the “Parties” answer: " + clause)])
        #expect(DocumentKind.detect(readme) == .other)
        var contract = readme
        contract.source = "contracts/supply.txt"
        contract.blocks = [Block(kind: .paragraph, text: clause)]
        #expect(DocumentKind.detect(contract) != .other)
    }
}
