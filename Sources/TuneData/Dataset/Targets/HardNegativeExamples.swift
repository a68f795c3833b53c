/// Generated examples paired with a hard negative: the answer the same template gave for another
/// passage of the same document, used as the rejected answer of a preference record.
///
/// The partner of an example is the next passage (in passage order, wrapping round) of the same
/// document answered by the same template; included examples and examples that already carry a
/// rejected answer are left as they are. Only positions are kept; answers are read on demand.
struct HardNegativeExamples: ExampleCollection {
    let base: any ExampleCollection
    /// For each position, the position whose answer is its rejected one.
    let partner: [Int?]

    init(base: any ExampleCollection, labels: [ExampleLabel], isIncluded: (Int) -> Bool) {
        self.base = base
        var partner = [Int?](repeating: nil, count: labels.count)
        let groups = Dictionary(grouping: labels.indices.filter { !isIncluded($0) }) {
            "\(labels[$0].provenance.documentID)\u{0}\(labels[$0].provenance.template)"
        }
        for members in groups.values where members.count > 1 {
            let ordered = members.sorted {
                (labels[$0].provenance.passageIndex, labels[$0].provenance.variant, $0)
                    < (labels[$1].provenance.passageIndex, labels[$1].provenance.variant, $1)
            }
            for (position, index) in ordered.enumerated() {
                let passage = labels[index].provenance.passageIndex
                // The next member from a different passage, wrapping round.
                let candidates = ordered[(position + 1)...] + ordered[..<position]
                partner[index] = candidates.first { labels[$0].provenance.passageIndex != passage }
            }
        }
        self.partner = partner
    }

    var count: Int { base.count }

    func label(at index: Int) -> ExampleLabel { base.label(at: index) }

    func example(at index: Int) -> Example {
        var example = base.example(at: index)
        if example.rejected == nil, let other = partner[index] {
            example.rejected = base.example(at: other).promptAndAnswer.answer
        }
        return example
    }
}
