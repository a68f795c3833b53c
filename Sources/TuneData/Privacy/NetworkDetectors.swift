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
    /// Section numbers look the same ("13.2.1.1"), so an address whose octets are all small is
    /// taken only with a sign of a network: a network word shortly before or after, a preposition
    /// right before (legal text puts section numbers at line starts, after punctuation, headings
    /// or "Section", never after "from"), a URL scheme or `@` before, or a port or prefix length
    /// after. One written after "Section", "§", "Article", "Rule" is never taken.
    static let ipv4 = PatternDetector(
        .ipAddress,
        #"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)"#,
        anchors: Anchors(before: 4, after: 18) { Anchors.shapes("d.d", in: $0) },
        check: { candidate in
            let octets = candidate.value.split(separator: ".").compactMap { Int($0) }
            if followsSectionWord(candidate) { return nil }
            if octets.allSatisfy({ $0 <= largestSectionNumber }) && !showsNetwork(candidate) { return nil }
            return candidate.range
        })

    /// Section numbers rarely run past this; an address with every octet at or below it needs a
    /// sign of a network (see ``showsNetwork(_:)``).
    static let largestSectionNumber = 40

    /// Whether the text around a small-octet candidate says it is a network address.
    static func showsNetwork(_ candidate: PatternDetector.Candidate) -> Bool {
        let text = candidate.text
        let before = text.before(candidate.range.lowerBound, count: 32)
        if before.hasSuffix("://") || before.hasSuffix("@") || before.hasSuffix("[") { return true }
        let words = before.lowercased().split { !$0.isLetter }.map(String.init)
        if words.contains(where: networkWords.contains) { return true }
        // The word right before, as written (a capitalised heading word is an index entry).
        if let last = before.split(whereSeparator: \.isWhitespace).last, prepositions.contains(String(last)) {
            return true
        }
        let end = candidate.range.upperBound
        let after = text.substring(end..<min(text.length, end + 24))
        if after.first == ":" || after.first == "/", after.dropFirst().first?.isNumber == true { return true }
        return after.lowercased().split { !$0.isLetter }.prefix(3).contains { networkWords.contains(String($0)) }
    }

    /// Lower-case words after which a dotted number is a place, not a reference.
    static let prepositions: Set<String> = ["from", "via", "at"]

    /// Whole words only ("from" and "address" are not among them: section numbers follow both).
    static let networkWords: Set<String> = [
        "ip", "ipv4", "server", "host", "gateway", "dns", "subnet", "router", "login", "logged", "connected", "port",
        "client", "remote", "proxy", "vpn", "firewall", "forwarded", "ping", "http", "https", "ssh", "tcp", "udp",
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
    /// Needs eight groups or a `::` with at least two groups, so a time (10:30:00) or a verse
    /// (3:16) never passes; the last 32 bits may be written as a dotted quad (`::ffff:192.0.2.1`).
    /// A colon that ends a sentence after the address is not part of it.
    static let ipv6 = PatternDetector(
        .ipAddress,
        #"(?<![0-9A-Fa-f:.\w])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![0-9A-Fa-f:\w]|\.\d)"#,
        anchors: Anchors(before: 40, after: 48) { Anchors.colonPairs(in: $0) },
        check: { candidate in
            var value = candidate.value
            if value.hasSuffix(":") && !value.hasSuffix("::") { value.removeLast() }
            let groups = value.split(separator: ":", omittingEmptySubsequences: true)
            guard groups.count == 8 || (value.contains("::") && groups.count >= 2) || value.contains(".") else {
                return nil
            }
            var address = in6_addr()
            guard inet_pton(AF_INET6, value, &address) == 1 else { return nil }
            return candidate.range.lowerBound..<(candidate.range.lowerBound + value.utf16.count)
        })
}
