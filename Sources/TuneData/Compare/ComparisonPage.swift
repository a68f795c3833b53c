internal import Foundation

/// Builds `compare/report.html` on the report page machinery that `report.html` uses.
///
/// The summary and the totals with the interval of the difference come first; then one row per
/// question, losses first, each shown as a conversation (the question, the reference answer, the
/// base and the tuned answer) with its source, pages, scores and outcome, in the same paged,
/// searchable, filterable table as the dataset's examples.
enum ComparisonPage {
    /// The page for `report`, as a ``ReportPage`` value.
    static func page(_ report: ComparisonReport) -> ReportPage {
        let items = report.itemsLossesFirst
        let sections = [
            ReportSection(
                id: "summary", title: "Summary",
                items: [
                    .facts(title: "Run", runFacts(report)),
                    .facts(title: "Totals (tuned − base, paired bootstrap 95 % interval)", totalsFacts(report)),
                    .bars(
                        ReportBarChart(
                            title: "Outcome of the tuned model on \(report.primaryMetric)",
                            bars: [PairOutcome.loss, .tie, .win].map { outcome in
                                ReportBarChart.Bar(
                                    label: outcome.rawValue,
                                    value: items.count { $0.outcome == outcome },
                                    href: ReportHTML.filterLink("outcome", outcome.rawValue))
                            }, total: items.count)),
                ])
        ]
        let table = ReportTable(
            title: "Questions, losses first", rowNoun: "question", count: items.count,
            columns: [
                .category(key: "outcome", label: "Outcome", items.map { $0.outcome.rawValue }),
                ReportColumn(
                    key: "conversation", label: "Question and answers",
                    values: .conversation(items.map(conversation)), isSearched: true),
                .category(
                    key: "document", label: "Source", items.map { $0.question.source ?? $0.question.file },
                    isSearched: true),
                ReportColumn(key: "pages", label: "Page", values: .pages(items.map(\.question.pages)), isFilter: true),
                ReportColumn(key: "section", label: "Section", values: .text(items.map(\.question.section))),
                ReportColumn(
                    key: "line", label: "\(items.first?.question.file ?? "file") line",
                    values: .number(items.map { $0.question.line })),
                ReportColumn(key: "base_scores", label: "Base scores", values: .text(items.map { scores($0.base) })),
                ReportColumn(key: "tuned_scores", label: "Tuned scores", values: .text(items.map { scores($0.tuned) })),
            ])
        return ReportPage(
            title: "\(report.tunedModel) against \(report.baseModel)",
            subtitle: "\(items.count) questions · \(report.wins) wins · \(report.ties) ties · \(report.losses) losses",
            sections: sections, table: table)
    }

    /// The page as HTML text.
    static func render(_ report: ComparisonReport) -> String {
        String(decoding: page(report).html(), as: UTF8.self)
    }

    private static func runFacts(_ report: ComparisonReport) -> [ReportFact] {
        var facts = [
            ReportFact("base model", report.baseModel),
            ReportFact("tuned model", report.tunedModel),
            ReportFact("questions", "\(report.items.count) from \(report.questionSet)"),
            ReportFact("context", report.context),
            ReportFact("temperature", "0"),
        ]
        if let judge = report.judgeModel { facts.append(ReportFact("judge", judge)) }
        facts += [
            ReportFact("wins", "\(report.wins)", href: ReportHTML.filterLink("outcome", "win")),
            ReportFact("ties", "\(report.ties)", href: ReportHTML.filterLink("outcome", "tie")),
            ReportFact(
                "losses", "\(report.losses)", href: ReportHTML.filterLink("outcome", "loss"),
                isWarning: report.losses > 0),
        ]
        return facts
    }

    private static func totalsFacts(_ report: ComparisonReport) -> [ReportFact] {
        var rows: [(String, String, Double, Double)] = [
            ("token F1", "token_f1", report.base.tokenF1, report.tuned.tokenF1),
            ("ROUGE-L", "rouge_l", report.base.rougeL, report.tuned.rougeL),
            ("quoted from source", "quoted", report.base.quoted, report.tuned.quoted),
        ]
        if report.judgeModel != nil {
            let count = Double(max(1, report.items.count))
            rows.insert(
                (
                    "judged correct", "judge", Double(report.base.correct ?? 0) / count,
                    Double(report.tuned.correct ?? 0) / count
                ), at: 0)
        }
        return rows.map { label, key, base, tuned in
            var value = "base \(fixed(base)) · tuned \(fixed(tuned))"
            if let difference = report.differences[key] {
                value +=
                    " · \(signed(difference.meanDifference)) (\(signed(difference.low)) to \(signed(difference.high)))"
            }
            return ReportFact(label, value)
        }
    }

    /// The question, the reference and both answers, as the table shows a conversation.
    private static func conversation(_ item: ComparedQuestion) -> [ReportMessage] {
        var messages = item.question.messages.map { ReportMessage(role: $0.role, content: $0.content) }
        messages.append(ReportMessage(role: "reference", content: item.question.reference))
        messages.append(ReportMessage(role: "base", content: answerText(item.base)))
        messages.append(ReportMessage(role: "tuned", content: answerText(item.tuned)))
        return messages
    }

    private static func answerText(_ answer: ScoredAnswer) -> String {
        answer.error.map { "(no answer: \($0))" } ?? answer.answer
    }

    private static func scores(_ answer: ScoredAnswer) -> String {
        var text =
            "F1 \(fixed(answer.scores.tokenF1)) · ROUGE-L \(fixed(answer.scores.rougeL)) · quoted \(fixed(answer.scores.quoted))"
        if let grade = answer.grade { text = grade.rawValue.replacingOccurrences(of: "_", with: " ") + " · " + text }
        return text
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
    private static func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
}
