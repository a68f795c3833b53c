/// Draws the report's charts as inline SVG when the page is built (no script needed to see them).
enum ReportSVG {
    /// Pixels of one bar row, of the label column and of the bar area (the SVG scales to its box).
    static let barRow = 22.0
    static let labelWidth = 250.0
    static let barWidth = 260.0
    /// Characters of a bar label that fit the label column (longer ones keep their end: the file name).
    static let maxLabel = 36
    /// Bins of a histogram: enough to show a shape, few enough to read.
    static let histogramBins = 40
    /// A limit further out than this multiple of the largest value is noted, not drawn to scale
    /// (a 65,536-token limit would squash 200-token examples into one bin).
    static let limitScaleFactor = 1.5

    static func bars(_ chart: ReportBarChart) -> String {
        let bars = chart.shownBars
        let valueWidth = 90.0
        let top = 28.0
        let height = top + Double(max(bars.count, 1)) * barRow + 24
        let width = labelWidth + barWidth + valueWidth
        let scale: (Int) -> Double = { value in
            guard let total = chart.total else { return Double(value) }
            return total > 0 ? Double(value) / Double(total) : 0
        }
        var largest = bars.map { scale(max($0.value, $0.before ?? 0)) }.max() ?? 0
        if let marker = chart.marker { largest = max(largest, marker.value) }
        largest = max(largest, chart.total == nil ? 1 : 0.0001)
        let x: (Double) -> Double = { labelWidth + barWidth * $0 / largest }
        var out = svgOpen(width: width, height: height, label: chart.title)
        out += "<text class=\"title\" x=\"0\" y=\"16\">\(ReportHTML.escape(chart.title))</text>"
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * barRow
            let label = bar.label.count > maxLabel ? "…" + bar.label.suffix(maxLabel - 1) : bar.label
            var group = "<g class=\"bar\"><title>\(ReportHTML.escape(bar.label)): \(bar.value)"
            if let before = bar.before {
                group += " \(ReportHTML.escape(chart.valueName)) of \(before) \(ReportHTML.escape(chart.beforeName))"
            }
            group += "</title>"
            group +=
                "<text class=\"label\" x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 15))\">\(ReportHTML.escape(label))</text>"
            if let before = bar.before, before > bar.value {
                group += rect(
                    x: labelWidth, y: y + 3, width: x(scale(before)) - labelWidth, height: barRow - 6, css: "before")
            }
            group += rect(
                x: labelWidth, y: y + 3, width: x(scale(bar.value)) - labelWidth, height: barRow - 6, css: "s0")
            let shown =
                chart.total.map { percent(bar.value, of: $0) + " (\(bar.value))" }
                ?? bar.before.map { "\(bar.value) of \($0)" } ?? "\(bar.value)"
            group +=
                "<text class=\"value\" x=\"\(f(x(scale(max(bar.value, bar.before ?? 0))) + 4))\" y=\"\(f(y + 15))\">\(shown)</text>"
            group += "</g>"
            if let href = bar.href {
                out += "<a href=\"\(ReportHTML.escape(href))\">\(group)</a>"
            } else {
                out += group
            }
        }
        if let marker = chart.marker {
            let mx = f(x(marker.value))
            out += "<line class=\"marker\" x1=\"\(mx)\" x2=\"\(mx)\" y1=\"\(f(top - 4))\" y2=\"\(f(height - 18))\"/>"
            out +=
                "<text class=\"marker-label\" x=\"\(mx)\" y=\"\(f(height - 4))\">\(ReportHTML.escape(marker.label))</text>"
        }
        if bars.contains(where: { ($0.before ?? 0) > $0.value }) {
            out +=
                "<text class=\"legend\" x=\"\(f(width))\" y=\"16\">\(ReportHTML.escape(chart.valueName)) · <tspan class=\"before-text\">\(ReportHTML.escape(chart.beforeName))</tspan></text>"
        }
        return out + "</svg>"
    }

    static func histogram(_ chart: ReportHistogram) -> String {
        let width = 760.0
        let height = 230.0
        let left = 48.0
        let right = 16.0
        let top = 40.0
        let bottom = 36.0
        let largest = chart.series.flatMap(\.values).max() ?? 0
        var upper = max(largest, 1)
        var limitOnScale = false
        if let limit = chart.limit, Double(limit) <= Double(upper) * limitScaleFactor {
            upper = max(upper, limit)
            limitOnScale = true
        }
        let binWidth = niceStep(Double(upper + 1) / Double(histogramBins))
        let bins = Int((Double(upper) / binWidth).rounded(.down)) + 1
        var counts = chart.series.map { _ in [Int](repeating: 0, count: bins) }
        for (s, series) in chart.series.enumerated() {
            for value in series.values { counts[s][min(bins - 1, Int(Double(max(0, value)) / binWidth))] += 1 }
        }
        let peak = max(counts.flatMap { $0 }.max() ?? 0, 1)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let xAt: (Double) -> Double = { left + plotWidth * $0 / (Double(bins) * binWidth) }
        var out = svgOpen(width: width, height: height, label: chart.title)
        out += "<text class=\"title\" x=\"0\" y=\"16\">\(ReportHTML.escape(chart.title))</text>"
        var legendX = 0.0
        for (s, series) in chart.series.enumerated() {
            out += rect(x: legendX, y: 24, width: 10, height: 10, css: "s\(s)")
            out +=
                "<text class=\"legend-left\" x=\"\(f(legendX + 14))\" y=\"33\">\(ReportHTML.escape(series.name)) (\(series.values.count))</text>"
            legendX += 150
        }
        let seriesCount = Double(max(chart.series.count, 1))
        for (s, binCounts) in counts.enumerated() {
            for (bin, count) in binCounts.enumerated() where count > 0 {
                let x0 = xAt(Double(bin) * binWidth)
                let barWidth = (xAt(binWidth) - left) / seriesCount
                let h = plotHeight * Double(count) / Double(peak)
                let low = Int(Double(bin) * binWidth)
                let high = Int(Double(bin + 1) * binWidth) - 1
                out +=
                    "<g class=\"bar\"><title>\(ReportHTML.escape(chart.series[s].name)): \(count) with \(low)–\(high) \(chart.unit)</title>"
                out += rect(
                    x: x0 + Double(s) * barWidth, y: top + plotHeight - h, width: max(barWidth - 0.5, 0.5), height: h,
                    css: "s\(s)")
                out += "</g>"
            }
        }
        out +=
            "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\"/>"
        out +=
            "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\"/>"
        out += "<text class=\"tick\" x=\"\(f(left - 4))\" y=\"\(f(top + 4))\" text-anchor=\"end\">\(peak)</text>"
        out += "<text class=\"tick\" x=\"\(f(left - 4))\" y=\"\(f(top + plotHeight))\" text-anchor=\"end\">0</text>"
        let tickStep = niceStep(Double(bins) * binWidth / 8)
        var tick = 0.0
        while tick <= Double(bins) * binWidth {
            out +=
                "<text class=\"tick\" x=\"\(f(xAt(tick)))\" y=\"\(f(top + plotHeight + 14))\" text-anchor=\"middle\">\(Int(tick))</text>"
            tick += tickStep
        }
        out +=
            "<text class=\"tick\" x=\"\(f(width - right))\" y=\"\(f(height - 4))\" text-anchor=\"end\">\(ReportHTML.escape(chart.unit)) per example</text>"
        if let limit = chart.limit {
            let label = "\(chart.limitLabel) \(limit.grouped) \(chart.unit)"
            if limitOnScale {
                let lx = f(xAt(Double(limit)))
                out +=
                    "<line class=\"marker\" x1=\"\(lx)\" x2=\"\(lx)\" y1=\"\(f(top - 2))\" y2=\"\(f(top + plotHeight))\"/>"
                out += "<text class=\"marker-label\" x=\"\(lx)\" y=\"\(f(top - 6))\">\(ReportHTML.escape(label))</text>"
            } else {
                let share = largest > 0 ? Double(largest) / Double(limit) * 100 : 0
                let note = "\(label) → off scale (longest example is \(largest), \(String(format1: share)) % of it)"
                out += "<text class=\"limit-note\" x=\"\(f(width - right))\" y=\"33\">\(ReportHTML.escape(note))</text>"
            }
        }
        return out + "</svg>"
    }

    /// 1, 2 or 5 times a power of ten, at least `raw` (and at least 1).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where power * factor >= raw { return power * factor }
        return power * 10
    }

    static func percent(_ value: Int, of total: Int) -> String {
        total > 0 ? String(format1: Double(value) / Double(total) * 100) + " %" : "0 %"
    }

    private static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(ReportHTML.escape(label))\">"
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, css: String) -> String {
        "<rect class=\"\(css)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(width, 0)))\" height=\"\(f(max(height, 0)))\"/>"
    }

    /// A coordinate with at most one decimal (keeps the SVG small and stable).
    private static func f(_ value: Double) -> String {
        String(format1: value)
    }
}

extension String {
    /// `value` with one decimal, the trailing ".0" dropped ("12", "12.5").
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        self = magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

extension Int {
    /// With thousands separators ("65,536"), independent of the locale so pages are reproducible.
    var grouped: String {
        let digits = String(abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return self < 0 ? "-" + out : out
    }
}
