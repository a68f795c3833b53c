import Foundation

/// The sections above a dataset report's table: the run summary, the plots, the documents, and any
/// manifest section a later stage added (quality, privacy, target...), shown generically.
struct DatasetReportSummary {
    /// Top-level manifest keys drawn by the summary itself; any other key gets its own box.
    static let knownManifestKeys: Set<String> = [
        "tool", "inputs", "passages", "figurePassages", "definitions", "examples", "dataset", "validation", "files",
        "documents", "configuration",
    ]
    /// Keys of the manifest's `dataset` object drawn by the summary.
    static let knownDatasetKeys: Set<String> = [
        "generatedIn", "includedIn", "examplesIn", "droppedCounts", "dropped", "before", "after", "trainExamples",
        "validationExamples", "trainDocuments", "validationDocuments", "trainTokens", "trainAssistantTokens",
        "tokenLimit", "estimate", "warnings",
    ]
    /// Rows of one generic box: enough to read, few enough to stay a summary.
    static let maxGenericRows = 200

    var subtitle: String
    var sections: [ReportSection]

    init(manifest: ManifestView, rows: DatasetReportRows) {
        let dropped = manifest.counts("examples", "dropped")
        let droppedTotal = dropped.values.reduce(0, +)
        let version = manifest.string("tool", "version") ?? TuneDataVersion.current
        subtitle =
            "tunedata \(version) · \(manifest.model) · \(rows.keptCount.grouped) examples kept, \(droppedTotal.grouped) dropped"
        sections = [
            ReportSection(
                id: "summary", title: "Summary",
                items: Self.summary(manifest, dropped: dropped, notListed: rows.dropsNotListed)),
            ReportSection(id: "plots", title: "Plots", items: Self.plots(manifest, rows: rows, dropped: dropped)),
            ReportSection(id: "documents", title: "Documents", items: Self.documents(manifest)),
        ]
        let findings = Self.findings(manifest, rows: rows)
        if !findings.isEmpty { sections.append(ReportSection(id: "findings", title: "Findings", items: findings)) }
    }

    private static func summary(_ m: ManifestView, dropped: [String: Int], notListed: [String: Int]) -> [ReportItem] {
        var inputs = [
            ReportFact("inputs seen", (m.int("inputs", "seen") ?? 0).grouped),
            ReportFact("converted", (m.int("inputs", "converted") ?? 0).grouped),
            ReportFact(
                "skipped", (m.int("inputs", "skipped") ?? 0).grouped, isWarning: (m.int("inputs", "skipped") ?? 0) > 0),
        ]
        for (reason, count) in m.counts("inputs", "skippedByReason").sorted(by: { $0.key < $1.key }) {
            inputs.append(ReportFact("  skipped: \(reason)", count.grouped, isWarning: true))
        }
        inputs += [
            ReportFact("pages", (m.int("inputs", "pages") ?? 0).grouped),
            ReportFact("passages", (m.int("passages") ?? 0).grouped),
            ReportFact("  of them mostly figures", (m.int("figurePassages") ?? 0).grouped),
            ReportFact("definitions", (m.int("definitions") ?? 0).grouped),
        ]
        var examples = [
            ReportFact("generated", (m.int("examples", "generated") ?? 0).grouped),
            ReportFact("included", (m.int("examples", "included") ?? 0).grouped),
            ReportFact(
                "train",
                "\((m.int("examples", "train") ?? 0).grouped) from \((m.int("dataset", "trainDocuments") ?? 0).grouped) documents",
                href: ReportHTML.filterLink("split", "train")),
            ReportFact(
                "validation",
                "\((m.int("examples", "validation") ?? 0).grouped) from \((m.int("dataset", "validationDocuments") ?? 0).grouped) documents",
                href: ReportHTML.filterLink("split", "validation")),
            ReportFact("dropped", dropped.values.reduce(0, +).grouped, isWarning: !dropped.isEmpty),
        ]
        for (reason, count) in dropped.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            // Ungrounded examples are counted per document and never reach dropped.jsonl.
            let href = reason == "ungrounded" ? nil : ReportHTML.filterLink("reason", reason)
            let unlisted = notListed[reason] ?? 0
            let value =
                unlisted > 0
                ? "\(count.grouped) (the table lists the first \((count - unlisted).grouped); all are in dropped.jsonl)"
                : count.grouped
            examples.append(ReportFact("  dropped: \(reason)", value, href: href, isWarning: true))
        }
        let limit = m.int("dataset", "tokenLimit") ?? 0
        var tokens = [
            ReportFact("model", m.model),
            ReportFact("per-example limit", "\(limit.grouped) tokens"),
        ]
        let stats = m.object("dataset", "trainTokens")
        if let count = stats["count"] as? Int, count > 0 {
            let n: (String) -> String = { key in
                (stats[key] as? NSNumber).map { String(format1: $0.doubleValue) } ?? "–"
            }
            tokens.append(
                ReportFact(
                    "train tokens", "min \(n("min")) · median \(n("median")) · p95 \(n("p95")) · max \(n("max"))"))
            tokens.append(
                ReportFact(
                    "assistant tokens median",
                    n("median") == "–"
                        ? "–"
                        : String(
                            format1: (m.object("dataset", "trainAssistantTokens")["median"] as? NSNumber)?.doubleValue
                                ?? 0)))
        }
        for (key, value) in m.object("dataset", "estimate").sorted(by: { $0.key < $1.key }) {
            if let text = DatasetFolderContents.text(value) {
                let number = (value as? NSNumber).map {
                    $0.doubleValue == $0.doubleValue.rounded() ? Int($0.doubleValue).grouped : text
                }
                tokens.append(ReportFact("estimate: \(key.spacedWords)", number ?? text))
            }
        }
        if let cost = m.string("costEstimate", "summary") { tokens.append(ReportFact("cost", cost)) }
        var validation: [ReportFact] = []
        for (file, summary) in m.object("validation").sorted(by: { $0.key < $1.key }) {
            let s = summary as? [String: Any] ?? [:]
            let ok = s["acceptable"] as? Bool ?? false
            let errors = (s["errors"] as? NSNumber)?.intValue ?? 0
            let warnings = (s["warnings"] as? NSNumber)?.intValue ?? 0
            validation.append(
                ReportFact(
                    file, "\(ok ? "valid" : "NOT valid") · \(errors) errors · \(warnings) warnings", isWarning: !ok))
            for finding in (s["findings"] as? [[String: Any]] ?? []).prefix(5) {
                let line = (finding["line"] as? NSNumber).map { "line \($0.intValue): " } ?? ""
                validation.append(
                    ReportFact(
                        "  \(finding["kind"] as? String ?? "finding")", line + (finding["message"] as? String ?? ""),
                        isWarning: (finding["severity"] as? String) == "error"))
            }
        }
        var items: [ReportItem] = [
            .facts(title: "Inputs", inputs), .facts(title: "Examples", examples),
            .facts(title: "Tokens and cost", tokens),
        ]
        if !validation.isEmpty { items.append(.facts(title: "Validation", validation)) }
        let skipped = (m.value("inputs", "skippedFiles") as? [[String: Any]] ?? []).prefix(maxGenericRows).map {
            ReportFact(
                $0["path"] as? String ?? "?", $0["message"] as? String ?? $0["reason"] as? String ?? "", isWarning: true
            )
        }
        if !skipped.isEmpty { items.append(.facts(title: "Skipped inputs", Array(skipped))) }
        for warning in m.value("dataset", "warnings") as? [String] ?? [] { items.append(.note("Warning: \(warning)")) }
        return items
    }

    private static func plots(_ m: ManifestView, rows: DatasetReportRows, dropped: [String: Int]) -> [ReportItem] {
        let limit = m.int("dataset", "tokenLimit")
        var items: [ReportItem] = [
            .histogram(
                ReportHistogram(
                    title: "Tokens per example",
                    series: rows.tokensBySplit.map { .init(name: $0.split, values: $0.tokens) },
                    unit: "tokens", limit: limit, limitLabel: "\(m.model) limit"))
        ]
        let kept = rows.keptCount
        let configuration = m.object("configuration", "dataset")
        let cap: (String) -> Int? = { (configuration[$0] as? NSNumber)?.intValue }
        var documentCap: ReportBarChart.Marker?
        if let count = cap("maxPerDocument"), kept > 0 {
            documentCap = .init(value: Double(count) / Double(kept), label: "cap \(count) per document")
        }
        if let share = (configuration["maxDocumentShare"] as? NSNumber)?.doubleValue,
            share < documentCap?.value ?? .infinity
        {
            documentCap = .init(value: share, label: "cap \(String(format1: share * 100)) % per document")
        }
        for (key, title, marker) in [
            ("byDocument", "Examples per document", documentCap),
            ("byTemplate", "Examples per template", capMarker(cap("maxPerTemplate"), kept: kept, noun: "template")),
            ("byCategory", "Examples per category", capMarker(cap("maxPerCategory"), kept: kept, noun: "category")),
        ] {
            let after = m.counts("dataset", "after", key)
            let before = m.counts("dataset", "before", key)
            let filterKey = ["byDocument": "document", "byTemplate": "template", "byCategory": "category"][key] ?? key
            let bars = Set(after.keys).union(before.keys).map { name in
                ReportBarChart.Bar(
                    label: name, value: after[name] ?? 0, before: before[name],
                    href: ReportHTML.filterLink(filterKey, name))
            }
            items.append(
                .bars(ReportBarChart(title: title + " (share of kept)", bars: bars, total: kept, marker: marker)))
        }
        for (key, counts) in rows.extraCounts {
            let bars = counts.map {
                ReportBarChart.Bar(label: $0.key, value: $0.value, href: ReportHTML.filterLink(key, $0.key))
            }
            items.append(.bars(ReportBarChart(title: "Examples per \(key) (share of kept)", bars: bars, total: kept)))
        }
        if !dropped.isEmpty {
            let bars = dropped.map { reason, count in
                ReportBarChart.Bar(
                    label: reason, value: count,
                    href: reason == "ungrounded" ? nil : ReportHTML.filterLink("reason", reason))
            }
            items.append(.bars(ReportBarChart(title: "Drops by reason", bars: bars)))
        }
        if !rows.dropsByTemplate.isEmpty {
            let before = m.counts("dataset", "before", "byTemplate")
            let bars = rows.dropsByTemplate.map { template, count in
                ReportBarChart.Bar(
                    label: template, value: count, before: before[template],
                    href: ReportHTML.filterLink("template", template))
            }
            var chart = ReportBarChart(title: "Drops per template", bars: bars)
            chart.valueName = "dropped"
            chart.beforeName = "generated"
            items.append(.bars(chart))
        }
        return items
    }

    private static func capMarker(_ cap: Int?, kept: Int, noun: String) -> ReportBarChart.Marker? {
        guard let cap, kept > 0 else { return nil }
        return .init(value: Double(cap) / Double(kept), label: "cap \(cap) per \(noun)")
    }

    private static func documents(_ m: ManifestView) -> [ReportItem] {
        let documents = m.value("documents") as? [[String: Any]] ?? []
        let facts = documents.prefix(maxGenericRows).map { document -> ReportFact in
            let source = document["source"] as? String ?? "?"
            let int: (String) -> Int = { (document[$0] as? NSNumber)?.intValue ?? 0 }
            var value = "\(int("examples")) examples · \(int("passages")) passages"
            if int("pages") > 0 { value += " · \(int("pages")) pages" }
            if let title = document["title"] as? String { value = "\(title) — " + value }
            if int("ungrounded") > 0 { value += " · \(int("ungrounded")) ungrounded" }
            let warnings = document["warnings"] as? [String] ?? []
            if !warnings.isEmpty { value += " · " + warnings.joined(separator: "; ") }
            return ReportFact(
                source, value, href: ReportHTML.filterLink("document", source), isWarning: !warnings.isEmpty)
        }
        var items: [ReportItem] =
            documents.isEmpty ? [.note("No documents were converted.")] : [.facts(title: "", facts)]
        if documents.count > maxGenericRows {
            items.append(.note("\(documents.count - maxGenericRows) more documents: see manifest.json"))
        }
        return items
    }

    /// Manifest sections this page does not know, one box each; a finding that names an example (by
    /// reference, or by split and line) links to its row.
    private static func findings(_ m: ManifestView, rows: DatasetReportRows) -> [ReportItem] {
        var items: [ReportItem] = []
        if !rows.privacyCounts.isEmpty {
            items.append(
                .facts(
                    title: "privacy findings in kept examples",
                    rows.privacyCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { types, count in
                        ReportFact(
                            types, "\(count.grouped) \(count == 1 ? "example" : "examples")",
                            href: ReportHTML.filterLink("privacy", types), isWarning: true)
                    }))
        }
        var sources: [(String, Any)] = m.root.filter { !knownManifestKeys.contains($0.key) }.map { ($0.key, $0.value) }
        sources += m.object("dataset").filter { !knownDatasetKeys.contains($0.key) }.map { ($0.key, $0.value) }
        for (key, value) in sources.sorted(by: { $0.0 < $1.0 }) {
            var facts: [ReportFact] = []
            flatten(value, label: "", into: &facts, rows: rows)
            if facts.isEmpty { continue }
            items.append(.facts(title: key.spacedWords, Array(facts.prefix(maxGenericRows))))
        }
        return items
    }

    private static func flatten(_ value: Any, label: String, into facts: inout [ReportFact], rows: DatasetReportRows) {
        guard facts.count < maxGenericRows else { return }
        if let object = value as? [String: Any] {
            let scalars = object.filter { !($0.value is [Any]) && !($0.value is [String: Any]) }
            let nested = object.filter { $0.value is [Any] || $0.value is [String: Any] }
            if let row = row(of: object, rows: rows) {
                let text = scalars.sorted { $0.key < $1.key }.compactMap { key, v in
                    DatasetFolderContents.text(v).map { "\(key) \($0)" }
                }.joined(separator: " · ")
                facts.append(
                    ReportFact(
                        label.isEmpty ? "example" : label, text.isEmpty ? "example" : text,
                        href: ReportHTML.rowLink(row)))
            } else {
                for (key, v) in scalars.sorted(by: { $0.key < $1.key }) {
                    if let text = DatasetFolderContents.text(v) {
                        facts.append(
                            ReportFact(label.isEmpty ? key.spacedWords : "\(label) · \(key.spacedWords)", text))
                    }
                }
            }
            for (key, v) in nested.sorted(by: { $0.key < $1.key }) {
                flatten(
                    v, label: label.isEmpty ? key.spacedWords : "\(label) · \(key.spacedWords)", into: &facts,
                    rows: rows)
            }
        } else if let list = value as? [Any] {
            if let text = DatasetFolderContents.text(list), !list.contains(where: { $0 is [String: Any] }) {
                facts.append(ReportFact(label, text))
            } else {
                for (index, element) in list.enumerated() {
                    flatten(element, label: "\(label) \(index + 1)", into: &facts, rows: rows)
                }
            }
        } else if let text = DatasetFolderContents.text(value) {
            facts.append(ReportFact(label, text))
        }
    }

    /// The table row an object names: an example reference, or a split file and line.
    private static func row(of object: [String: Any], rows: DatasetReportRows) -> Int? {
        if let reference = object["example"] as? [String: Any], let row = row(of: reference, rows: rows) { return row }
        if let document = object["document"] as? String, let passage = object["passage"] as? Int,
            let template = object["template"] as? String, let variant = object["variant"] as? Int
        {
            return rows.rowByReference["\(document)\u{1}\(passage)\u{1}\(template)\u{1}\(variant)"]
        }
        if let line = object["line"] as? Int {
            let split =
                (object["split"] as? String)
                ?? (object["file"] as? String).map { $0.replacingOccurrences(of: ".jsonl", with: "") }
            if let split { return rows.rowByLine["\(split)\u{1}\(line)"] }
        }
        return nil
    }
}

extension String {
    /// "billedTokens" → "billed tokens".
    var spacedWords: String {
        var out = ""
        for character in self {
            if character.isUppercase {
                out += " " + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
