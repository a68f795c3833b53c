/// How a contract renews, read from the sentence that states its renewal term.
///
/// "shall automatically renew for successive one-year terms" renews by itself; "The Company may renew
/// this Agreement … by providing a written notice" renews at one party's option; "may be renewed for
/// an additional one year term upon mutual written agreement of the Parties" renews only if both
/// agree. An answer of "Yes, it renews for one year" is right for the first only.
enum RenewalMode: Equatable {
    case automatic
    case atOption
    case byAgreement

    init(sentence: String) {
        if sentence.firstMatch(of: Self.agreement) != nil {
            self = .byAgreement
        } else if sentence.firstMatch(of: Self.automatically) == nil, sentence.firstMatch(of: Self.option) != nil {
            self = .atOption
        } else {
            self = .automatic
        }
    }

    /// Both parties must agree, or the other must approve: "upon mutual written agreement",
    /// "if the parties so agree", "subject to VerticalNet's approval".
    nonisolated(unsafe) private static let agreement =
        /(?i)\bmutual(?:ly)?\b[^.;]{0,30}?\b(?:agree\w*|consent\w*)|\bby (?:the )?(?:written )?agreement of (?:both|the) parties|\bif (?:both|the) parties (?:so )?agree|\bupon the (?:written )?agreement of the parties|\bsubject to [^.;]{0,40}?\b(?:approval|consent)\b/
    nonisolated(unsafe) private static let automatically = /(?i)\bautomatic(?:ally)?\b/
    /// One party chooses: "may renew", "may be extended", "shall have the option to extend".
    nonisolated(unsafe) private static let option =
        /(?i)\bmay (?:elect to |at its option )?(?:renew|extend)\b|\bmay be (?:renewed|extended)\b|\b(?:option|right) to (?:renew|extend)\b/
}
