/// A fact of a contract with a short answer, and the sentence it was read from.
public struct ContractFact: Sendable, Hashable, Codable {
    /// Which fact (``ContractFact/Name``).
    public var name: Name
    /// The short answer as the document writes it ("the State of New York", "thirty (30) days").
    public var value: String
    /// The sentence that states it, verbatim.
    public var sentence: String
    /// The passage holding the sentence (examples about the fact are built there).
    public var passageIndex: Int
    /// Whether `sentence` is a title line ("GAS TRANSPORTATION AGREEMENT") rather than a sentence of
    /// the text: an answer quotes it as the document's title, not as a provision.
    public var isTitle: Bool

    public init(name: Name, value: String, sentence: String, passageIndex: Int, isTitle: Bool = false) {
        self.name = name
        self.value = value
        self.sentence = sentence
        self.passageIndex = passageIndex
        self.isTitle = isTitle
    }

    /// The facts tunedata looks for; the raw value is the template variable's name after `fact.`.
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        case parties
        case documentName = "document_name"
        case agreementDate = "agreement_date"
        case effectiveDate = "effective_date"
        case expirationDate = "expiration_date"
        case term
        case renewalTerm = "renewal_term"
        case renewalNotice = "renewal_notice"
        case governingLaw = "governing_law"
        case terminationNotice = "termination_notice"
        case curePeriod = "cure_period"
        case liabilityCap = "liability_cap"
        case nonCompeteDuration = "non_compete_duration"

        /// What the value is, for the variable table.
        public var meaning: String {
            switch self {
            case .parties: "the parties with their defined short names (\"Acme Corp. (“Acme”)\")"
            case .documentName: "the name the agreement gives itself (\"Distributor Agreement\")"
            case .agreementDate: "the date the agreement is made, as written"
            case .effectiveDate: "the date it takes effect (the agreement date when it says no other)"
            case .expirationDate: "the date it expires, when it names one"
            case .term: "the length of the (initial) term (\"five (5) years\")"
            case .renewalTerm: "the length of each renewal (\"successive one (1) year\")"
            case .renewalNotice: "notice needed to stop a renewal (\"ninety (90) days\")"
            case .governingLaw: "the governing law's jurisdiction (\"the State of New York\")"
            case .terminationNotice: "notice for termination without cause (\"thirty (30) days\")"
            case .curePeriod: "the time to cure a breach (\"thirty (30) days\")"
            case .liabilityCap: "the cap on liability (\"the fees paid in the prior twelve months\")"
            case .nonCompeteDuration: "how long the non-compete lasts (\"two (2) years\")"
            }
        }
    }
}

/// A party to a contract as its preamble names it.
public struct ContractParty: Sendable, Hashable, Codable {
    /// The name as written ("Acme Corp.").
    public var name: String
    /// The defined short name ("Acme"), if the preamble gives one.
    public var shortName: String?

    public init(name: String, shortName: String?) {
        self.name = name
        self.shortName = shortName
    }

    /// The name with its short name in parentheses, or the bare name.
    public var display: String {
        shortName.map { "\(name) (“\($0)”)" } ?? name
    }
}
