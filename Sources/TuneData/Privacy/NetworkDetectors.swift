#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// IPv4 and IPv6 addresses.
enum NetworkDetectors {
    static let all: [any PrivacyDetector] = [ipv4, ipv6]

    /// Four dotted octets 0–255 without leading zeros.
    ///
    /// Section numbers look the same ("13.2.1.1"),
    /// so an address whose octets are all small is taken only after a network word ("IP",
    /// "server", "host"), and one written after "Section", "§", "Article", "Rule" never.
    static let ipv4 = PatternDetector(
        .ipAddress,
        #"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)"#,
        anchors: Anchors(before: 4, after: 18) { Anchors.shapes("d.d", in: $0) },
        check: { candidate in
            let octets = candidate.value.split(separator: ".").compactMap { Int($0) }
            if followsSectionWord(candidate) { return nil }
            if octets.allSatisfy({ $0 <= largestSectionNumber }) {
                let context = candidate.text.before(candidate.range.lowerBound, count: 32).lowercased()
                let words = context.split { !$0.isLetter }.map(String.init)
                guard words.contains(where: networkWords.contains) else { return nil }
            }
            return candidate.range
        })

    /// Section numbers rarely run past this; an address with every octet at or below it needs a network word.
    static let largestSectionNumber = 40

    /// Whole words only ("from" and "address" are not among them: section numbers follow both).
    static let networkWords: Set<String> = [
        "ip", "ipv4", "server", "host", "gateway", "dns", "subnet", "router", "login", "logged", "connected",
    ]

    /// Words after which a dotted number is a reference, not an address.
    static let sectionWords: Set<String> = [
        "section", "sections", "§", "§§", "article", "clause", "rule", "paragraph", "item", "note", "version", "v.",
        "sec.", "art.", "para.", "no.",
    ]

    /// Whether the word right before the candidate is one of ``sectionWords``.
    static func followsSectionWord(_ candidate: PatternDetector.Candidate) -> Bool {
        let before = candidate.text.before(candidate.range.lowerBound, count: 16).lowercased()
        guard let word = before.split(whereSeparator: \.isWhitespace).last else { return false }
        return sectionWords.contains(String(word))
    }

    /// Hex groups and colons, confirmed by the system's own parser (`inet_pton`).
    ///
    /// Needs eight groups
    /// or a `::` with at least two groups, so a time (10:30:00) or a verse (3:16) never passes.
    static let ipv6 = PatternDetector(
        .ipAddress, #"(?<![0-9A-Fa-f:.\w])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:\w])"#,
        anchors: Anchors([":"], before: 40, after: 42),
        accept: { value in
            let groups = value.split(separator: ":", omittingEmptySubsequences: true)
            guard groups.count == 8 || (value.contains("::") && groups.count >= 2) else { return false }
            var address = in6_addr()
            return inet_pton(AF_INET6, value, &address) == 1
        })
}
