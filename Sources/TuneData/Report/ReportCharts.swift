/// A horizontal bar chart: one bar per name, optionally beside its count before a step (drawn lighter).
public struct ReportBarChart: Sendable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Int
        /// The count before the step the chart judges (before balancing), drawn behind the bar.
        public var before: Int?
        /// Where a click on the bar goes (usually a filter link).
        public var href: String?

        public init(label: String, value: Int, before: Int? = nil, href: String? = nil) {
            self.label = label
            self.value = value
            self.before = before
            self.href = href
        }
    }

    /// A vertical line across the bars: a cap, a limit.
    public struct Marker: Sendable, Hashable {
        /// In the chart's unit: a count, or a share (0...1) when the chart has a ``total``.
        public var value: Double
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public var bars: [Bar]
    /// When set, bars are drawn and labelled as a share of this total.
    public var total: Int?
    public var marker: Marker?
    /// Bars beyond this many (the smallest) are summed into one "(N others)" bar.
    public var maxBars: Int
    /// What a bar's value and its lighter "before" count are, for the legend and the tooltips.
    public var valueName = "kept"
    public var beforeName = "before balancing and dedup"

    /// Bars are sorted by value, largest first.
    public init(title: String, bars: [Bar], total: Int? = nil, marker: Marker? = nil, maxBars: Int = 20) {
        self.title = title
        self.bars = bars.sorted {
            ($0.before ?? $0.value, $0.value, $1.label) > ($1.before ?? $1.value, $1.value, $0.label)
        }
        self.total = total
        self.marker = marker
        self.maxBars = maxBars
    }

    /// The bars drawn: the largest `maxBars - 1` and one for the rest, when there are more.
    var shownBars: [Bar] {
        guard bars.count > maxBars else { return bars }
        let rest = bars.dropFirst(maxBars - 1)
        let before = rest.contains { $0.before != nil } ? rest.reduce(0) { $0 + ($1.before ?? $1.value) } : nil
        return Array(bars.prefix(maxBars - 1))
            + [Bar(label: "(\(rest.count) others)", value: rest.reduce(0) { $0 + $1.value }, before: before)]
    }
}

/// How values of one or more series are distributed, with an optional limit line.
public struct ReportHistogram: Sendable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Int]

        public init(name: String, values: [Int]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var series: [Series]
    /// What a value counts ("tokens").
    public var unit: String
    /// A limit on each value (the target's per-example token limit), drawn as a line.
    public var limit: Int?
    public var limitLabel: String

    public init(title: String, series: [Series], unit: String, limit: Int? = nil, limitLabel: String = "limit") {
        self.title = title
        self.series = series
        self.unit = unit
        self.limit = limit
        self.limitLabel = limitLabel
    }
}
