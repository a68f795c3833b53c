public import Foundation

/// One self-contained HTML report: a title, sections of facts and plots, and an optional table of rows.
///
/// The same renderer draws every report (the dataset's, the comparison's): a report is a value that
/// supplies its summary, plots and rows, and ``html()`` turns it into one file with the page's CSS, its
/// script and the rows as a compact JSON block, so it opens from disk with no network.
public struct ReportPage: Sendable {
    public var title: String
    /// One line under the title (what the report describes, when it was made).
    public var subtitle: String
    public var sections: [ReportSection]
    /// The rows the page's table pages, searches and filters; `nil` for a page without one.
    public var table: ReportTable?

    public init(title: String, subtitle: String = "", sections: [ReportSection], table: ReportTable? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.table = table
    }

    /// The whole page as UTF-8 HTML.
    public func html() -> Data {
        var head = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(ReportHTML.escape(title))</title><style>\(ReportStyle.css)</style></head><body>"
        head += "<header><h1>\(ReportHTML.escape(title))</h1>"
        if !subtitle.isEmpty { head += "<p class=\"subtitle\">\(ReportHTML.escape(subtitle))</p>" }
        head += "<nav>"
        for section in sections where !section.title.isEmpty {
            head += "<a href=\"#\(section.id)\">\(ReportHTML.escape(section.title))</a>"
        }
        if let table { head += "<a href=\"#rows\">\(ReportHTML.escape(table.title))</a>" }
        head += "</nav></header><main>"
        for section in sections { head += section.html() }
        var data = Data(head.utf8)
        let script = Array("<script>\(ReportScript.javaScript)</script>".utf8)
        guard let table else {
            data.append(contentsOf: Array("</main>".utf8) + script + Array("</body></html>\n".utf8))
            return data
        }
        // The columns and the first block of rows, then the script (which draws the first page at once),
        // then the other blocks, parsed only when a search or a later page needs them.
        let blocks = table.blocks(rowsPerBlock: ReportTable.rowsPerBlock)
        data.append(contentsOf: Array(ReportTableView.html(table).utf8))
        data.append(contentsOf: Array("<script type=\"application/json\" id=\"report-data\">".utf8))
        data.append(contentsOf: blocks.table)
        data.append(contentsOf: Array("</script>".utf8))
        for (index, rows) in blocks.rows.enumerated() {
            if index == 1 { data.append(contentsOf: script) }
            data.append(contentsOf: Array("<script type=\"application/json\" id=\"report-rows-\(index)\">".utf8))
            data.append(contentsOf: rows)
            data.append(contentsOf: Array("</script>".utf8))
        }
        if blocks.rows.count <= 1 { data.append(contentsOf: script) }
        data.append(contentsOf: Array("</main></body></html>\n".utf8))
        return data
    }

    /// Writes the page to `url` atomically (readers see the old page or the new one).
    public func write(to url: URL) throws {
        try AtomicFile.write(html(), to: url)
    }
}

/// One titled part of a report page.
public struct ReportSection: Sendable {
    /// The anchor the page's navigation links to.
    public var id: String
    public var title: String
    public var items: [ReportItem]

    public init(id: String, title: String, items: [ReportItem]) {
        self.id = id
        self.title = title
        self.items = items
    }

    func html() -> String {
        var out = "<section id=\"\(ReportHTML.escape(id))\">"
        if !title.isEmpty { out += "<h2>\(ReportHTML.escape(title))</h2>" }
        out += "<div class=\"items\">"
        for item in items { out += item.html() }
        return out + "</div></section>"
    }
}

/// What a section holds: a box of facts, a plot, or a paragraph.
public enum ReportItem: Sendable {
    /// A titled list of label–value rows (a value may link, e.g. to filter the table).
    case facts(title: String, [ReportFact])
    /// A bar chart, drawn as inline SVG when the page is built.
    case bars(ReportBarChart)
    /// A histogram of values per series, drawn as inline SVG.
    case histogram(ReportHistogram)
    /// A short paragraph.
    case note(String)

    func html() -> String {
        switch self {
        case .facts(let title, let facts):
            var out = "<div class=\"box facts\">"
            if !title.isEmpty { out += "<h3>\(ReportHTML.escape(title))</h3>" }
            out += "<table>"
            for fact in facts { out += fact.html() }
            return out + "</table></div>"
        case .bars(let chart): return "<div class=\"box chart\">\(ReportSVG.bars(chart))</div>"
        case .histogram(let chart): return "<div class=\"box chart wide\">\(ReportSVG.histogram(chart))</div>"
        case .note(let text): return "<p class=\"note\">\(ReportHTML.escape(text))</p>"
        }
    }
}

/// One label–value row of a facts box.
public struct ReportFact: Sendable, Hashable {
    public var label: String
    public var value: String
    /// Where the value links to: `#filter/KEY/VALUE` filters the table, `#row/N` shows one row.
    public var href: String?
    /// Drawn in the warning colour (a drop, a skipped input, a failed check).
    public var isWarning: Bool

    public init(_ label: String, _ value: String, href: String? = nil, isWarning: Bool = false) {
        self.label = label
        self.value = value
        self.href = href
        self.isWarning = isWarning
    }

    func html() -> String {
        let value = ReportHTML.escape(self.value)
        let shown = href.map { "<a href=\"\(ReportHTML.escape($0))\">\(value)</a>" } ?? value
        let tone = isWarning ? " class=\"warn\"" : ""
        return "<tr\(tone)><th>\(ReportHTML.escape(label))</th><td>\(shown)</td></tr>"
    }
}

/// Escaping and links shared by the report's HTML and SVG.
public enum ReportHTML {
    /// `text` with `& < > " '` escaped for HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// The link that filters the page's table to rows whose column `key` is `value`.
    public static func filterLink(_ key: String, _ value: String) -> String {
        "#filter/\(component(key))/\(component(value))"
    }

    /// The link that shows row `index` of the page's table.
    public static func rowLink(_ index: Int) -> String { "#row/\(index)" }

    /// Percent-encodes everything but unreserved characters (for one part of a `#` link).
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}
