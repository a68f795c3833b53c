import Foundation

/// Credentials: private-key blocks, the published key formats of AWS, Google, GitHub, Slack,
/// OpenAI and Stripe, JWTs, `password: ...` assignments, and high-entropy values assigned to a
/// key/token/secret word.
enum SecretDetectors {
    static let all: [any PrivacyDetector] = [
        privateKey, awsAccessKey, awsSecretKey, googleAPIKey, githubToken, slackToken, slackWebhook, openAIKey,
        stripeKey, jwt, password, keywordToken,
    ]

    /// A PEM private key, from its BEGIN line to its END line (or to the end of its base64 body
    /// when the END line is missing).
    static let privateKey = PatternDetector(
        .privateKey,
        #"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,20000}?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s]*[A-Za-z0-9+/=])"#,
        anchors: Anchors(["-----begin"], before: 0, after: 25_000), accept: { _ in true })

    /// AWS access key ids: a four-letter type prefix and 16 base-32 characters.
    static let awsAccessKey = PatternDetector(
        .awsAccessKey,
        #"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z2-7]{16}(?![A-Za-z0-9])"#,
        anchors: Anchors(awsPrefixes, before: 1, after: 24), accept: { _ in true })

    /// Forty base-64 characters assigned to an AWS secret-key name.
    static let awsSecretKey = PatternDetector(
        .awsSecretKey,
        #"(?:aws|amazon)[\w .-]{0,25}?(?:secret|private)[\w .-]{0,15}?["']?[ \t]*(?:[:=]|=>)[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#,
        group: 1, caseInsensitive: true, anchors: Anchors(["aws", "amazon"], before: 0, after: 140),
        accept: { TextChecks.mixesCharacterClasses($0, required: 3) && TextChecks.entropy($0) >= 4.0 })

    static let awsPrefixes = [
        "akia", "asia", "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva", "aroa", "apka", "asca",
    ]

    static let googleAPIKey = PatternDetector(
        .googleAPIKey, #"(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])"#, anchors: Anchors(["aiza"], before: 1, after: 44),
        accept: { _ in true })

    /// Personal, OAuth, user-to-server, server and refresh tokens (`ghp_` ...) and fine-grained
    /// personal access tokens (`github_pat_`).
    static let githubToken = PatternDetector(
        .githubToken, #"(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{60,240})(?![\w])"#,
        anchors: Anchors(["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], before: 1, after: 260),
        accept: { TextChecks.mixesCharacterClasses($0, required: 3) })

    static let slackToken = PatternDetector(
        .slackToken, #"(?<![\w-])xox(?:[abposr]|e\.x[a-z]*)-[0-9A-Za-z-]{10,250}"#,
        anchors: Anchors(["xox"], before: 1, after: 260),
        accept: { TextChecks.digits($0).count >= 6 })

    static let slackWebhook = PatternDetector(
        .slackToken, #"https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"#,
        anchors: Anchors(["hooks.slack"], before: 8, after: 200), accept: { _ in true })

    /// `sk-` keys: legacy (48 characters) and project/service-account/admin keys.
    static let openAIKey = PatternDetector(
        .openAIKey, #"(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,200}(?![\w-])"#,
        anchors: Anchors(["sk-"], before: 1, after: 220),
        accept: { TextChecks.mixesCharacterClasses($0, required: 3) && TextChecks.entropy($0) >= 3.5 })

    /// Stripe secret and restricted keys (publishable `pk_` keys are public by design).
    static let stripeKey = PatternDetector(
        .stripeKey, #"(?<![\w])(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247}(?![\w])"#,
        anchors: Anchors(["sk_", "rk_"], before: 1, after: 270),
        accept: { TextChecks.mixesCharacterClasses($0, required: 2) })

    /// Three base64url segments whose first decodes to a JSON object naming an algorithm.
    static let jwt = PatternDetector(
        .jwt, #"(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![\w-])"#,
        anchors: Anchors(["eyj"], before: 1, after: 4000),
        accept: { value in
            guard let header = value.split(separator: ".").first, let data = base64URLDecoded(String(header)),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return false }
            return object["alg"] != nil || object["typ"] != nil
        })

    static func base64URLDecoded(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    /// The value of `password: VALUE`, `passwd = VALUE`, `password is VALUE`.
    ///
    /// Prose
    /// ("password: the User shall choose one") is kept out by asking the value to look like a
    /// password: a digit or a symbol in it, or eight letters of mixed case.
    static let password = PatternDetector(
        .password,
        #"(?:\b|(?<=_))(?:password|passwd|pwd|passphrase|passcode)\b["']?[ \t]*(?:[:=]|=>|\bis\b)[ \t]*["']?([^\s"'`,;<>\[\]{}()]{4,128})"#,
        group: 1, caseInsensitive: true,
        anchors: Anchors(["pass", "pwd"], before: 1, after: 180),
        check: { candidate in
            var value = Substring(candidate.value)
            while let last = value.last, ".:".contains(last) { value = value.dropLast() }
            guard value.count >= 4, !placeholderWords.contains(value.lowercased()),
                !value.allSatisfy({ "*xX•#.-_".contains($0) })
            else { return nil }
            let hasSymbolOrDigit = value.contains { $0.isNumber || (!$0.isLetter && !$0.isWhitespace) }
            guard hasSymbolOrDigit || (value.count >= 8 && TextChecks.mixesCharacterClasses(String(value))) else {
                return nil
            }
            return candidate.range.lowerBound..<(candidate.range.lowerBound + value.utf16.count)
        })

    static let placeholderWords: Set<String> = [
        "none", "null", "nil", "empty", "required", "optional", "redacted", "hidden", "changeme", "example",
        "password", "secret", "your_password", "yourpassword", "n/a",
    ]

    /// A long, random-looking value assigned to a key/token/secret name.
    static let keywordToken = PatternDetector(
        .secretToken,
        #"(?:\b|(?<=_))(?:api[_ -]?key|apikey|access[_ -]?key|secret(?:[_ -]?key)?|client[_ -]?secret|auth[_ -]?token|access[_ -]?token|bearer|token|private[_ -]?key|credentials?|key)s?\b["']?[ \t]*(?:[:=]|=>|\bis\b)?[ \t]*["']?([A-Za-z0-9+/_.=-]{20,512})"#,
        group: 1, caseInsensitive: true,
        anchors: Anchors(["key", "token", "secret", "bearer", "credential"], before: 12, after: 560),
        check: { candidate in
            var value = Substring(candidate.value)
            while let last = value.last, ".=-".contains(last) { value = value.dropLast() }
            let token = String(value)
            // Digits and letters; or, with no digits, a long run of mixed case that no word has.
            let entropy = TextChecks.entropy(token)
            let random =
                TextChecks.digits(token).count >= 2
                ? TextChecks.mixesCharacterClasses(token, required: 2) && entropy >= minimumTokenEntropy
                : token.count >= 24 && TextChecks.mixesCharacterClasses(token, required: 2) && entropy >= 4.0
            guard token.count >= minimumTokenLength, random else { return nil }
            return candidate.range.lowerBound..<(candidate.range.lowerBound + token.utf16.count)
        })

    /// Shortest value taken as a token: shorter runs are part numbers and references.
    static let minimumTokenLength = 20
    /// Bits per character a random base-62/64 value shows at 20+ characters (English words and
    /// repeated digits stay well below 3.5).
    static let minimumTokenEntropy = 3.5
}
