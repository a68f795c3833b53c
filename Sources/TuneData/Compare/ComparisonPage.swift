internal import Foundation

/// Renders `compare/report.html`: one self-contained page a person reads to judge the tuned model.
///
/// Totals and the interval of the difference first, then every question — losses first — with the
/// reference answer, its source and page, and both answers side by side with their scores.
enum ComparisonPage {
    static func render(_ report: ComparisonReport) -> String {
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>tunedata compare: \(escape(report.tunedModel)) vs \(escape(report.baseModel))</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:78rem;padding:0 1rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}
            th:first-child,td:first-child{text-align:left}
            .q{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.8rem}
            .q.loss{border-left:6px solid #c0392b}.q.win{border-left:6px solid #27ae60}.q.tie{border-left:6px solid #999}
            .pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
            .ans,.ref{white-space:pre-wrap;background:#f7f7f7;padding:.5rem;border-radius:4px;max-height:18rem;overflow:auto}
            .meta{color:#666;font-size:.9em}.tag{font-weight:600;text-transform:uppercase}
            </style></head><body>
            <h1>\(escape(report.tunedModel)) against \(escape(report.baseModel))</h1>
            <p class="meta">\(report.items.count) questions from \(escape(report.questionSet)), context \
            \(escape(report.context)), temperature 0\(report.judgeModel.map { ", judged by " + escape($0) } ?? ""). \
            Wins and losses on \(escape(report.primaryMetric)).</p>
            <p><b>\(report.wins)</b> wins · <b>\(report.ties)</b> ties · <b>\(report.losses)</b> losses</p>

            """
        html += totalsTable(report)
        html += "<h2>Questions, losses first</h2>\n"
        for item in report.itemsLossesFirst { html += question(item) }
        html += "</body></html>\n"
        return html
    }

    private static func totalsTable(_ report: ComparisonReport) -> String {
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
        var html = "<table><tr><th>metric</th><th>base</th><th>tuned</th><th>difference (95% interval)</th></tr>\n"
        for (label, key, base, tuned) in rows {
            let interval =
                report.differences[key].map {
                    "\(signed($0.meanDifference)) (\(signed($0.low)) to \(signed($0.high)))"
                } ?? ""
            html += "<tr><td>\(label)</td><td>\(fixed(base))</td><td>\(fixed(tuned))</td><td>\(interval)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func question(_ item: ComparedQuestion) -> String {
        let q = item.question
        var source = q.source.map(escape) ?? escape(q.file)
        if !q.pages.isEmpty { source += ", page " + q.pages.map(String.init).joined(separator: "–") }
        if let section = q.section { source += " · " + escape(section) }
        return """
            <div class="q \(item.outcome.rawValue)"><p><span class="tag">\(item.outcome.rawValue)</span> \
            <span class="meta">\(escape(q.file)) line \(q.line)</span></p>
            <p><b>\(escape(q.question))</b></p>
            <p class="meta">Reference — \(source)</p><div class="ref">\(escape(q.reference))</div>
            <div class="pair">\(answer("base", item.base))\(answer("tuned", item.tuned))</div></div>

            """
    }

    private static func answer(_ label: String, _ answer: ScoredAnswer) -> String {
        var scores =
            "F1 \(fixed(answer.scores.tokenF1)) · ROUGE-L \(fixed(answer.scores.rougeL)) · quoted \(fixed(answer.scores.quoted))"
        if let grade = answer.grade {
            scores = grade.rawValue.replacingOccurrences(of: "_", with: " ") + " · " + scores
        }
        let body = answer.error.map { "<i>no answer: \(escape($0))</i>" } ?? escape(answer.answer)
        return "<div><p class=\"meta\"><b>\(label)</b> — \(scores)</p><div class=\"ans\">\(body)</div></div>"
    }

    private static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
    private static func signed(_ value: Double) -> String { String(format: "%+.3f", value) }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
