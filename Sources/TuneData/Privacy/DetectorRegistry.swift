import Foundation

/// Every detector the privacy stage and `scan` run, in one list: adding a detector is a new entry here.
public struct DetectorRegistry: Sendable {
    let detectors: [any PrivacyDetector]

    /// All detectors.
    public static let standard = DetectorRegistry(
        detectors: ContactDetectors.all + IdentityDetectors.all + FinancialDetectors.all + NetworkDetectors.all
            + AddressDetector.all + SecretDetectors.all)

    /// No detectors: the privacy stage finds nothing (the cost benchmark's baseline).
    public static let empty = DetectorRegistry(detectors: [])

    /// CPU seconds each detector takes over `texts` (for the cost benchmark), by a name for it.
    public func profile(_ texts: [String]) -> [(String, Double)] {
        let scanned = texts.map(ScannedText.init)
        return detectors.enumerated().map { index, detector in
            let start = DispatchTime.now().uptimeNanoseconds
            for text in scanned { _ = detector.findings(in: text) }
            let name = (detector as? PatternDetector).map { "\($0.type.rawValue) #\(index)" } ?? "\(index)"
            return (name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
    }

    /// The registry restricted to detectors of `types`.
    public func restricted(to types: Set<FindingType>) -> DetectorRegistry {
        DetectorRegistry(detectors: detectors.filter { !$0.types.isDisjoint(with: types) })
    }

    /// Every finding in `text`, in text order; where two overlap the more specific kind is kept
    /// (then the longer value).
    public func findings(in text: String) -> [PrivacyFinding] {
        guard !text.isEmpty else { return [] }
        return findings(in: ScannedText(text))
    }

    func findings(in text: ScannedText) -> [PrivacyFinding] {
        let all = detectors.flatMap { $0.findings(in: text) }
        guard all.count > 1 else { return all }
        let ranked = all.sorted {
            ($0.type.precedenceRank, -$0.range.count, $0.range.lowerBound)
                < ($1.type.precedenceRank, -$1.range.count, $1.range.lowerBound)
        }
        var kept: [PrivacyFinding] = []
        for finding in ranked where !kept.contains(where: { $0.range.overlaps(finding.range) }) {
            kept.append(finding)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
