/// The rows of a report page, column by column, as the page's script reads them.
///
/// Columns, not row objects: a category column stores each distinct value once and a small code
/// per row, system prompts are stored once, and the page renders only the rows on screen, so
/// 100,000 examples open quickly and the file stays smaller than the JSONL it describes.
public struct ReportTable: Sendable {
    /// The section heading ("Examples").
    public var title: String
    /// What one row is ("example"), for "12 of 84 examples".
    public var rowNoun: String
    public var count: Int
    public var columns: [ReportColumn]

    public init(title: String, rowNoun: String, count: Int, columns: [ReportColumn]) {
        self.title = title
        self.rowNoun = rowNoun
        self.count = count
        self.columns = columns
    }

    /// Conversation rows per separate JSON block of the page: five pages of rows (~120 kB), so the first
    /// page needs one small block parsed, not the whole data, and a page of drops drawn beside their kept
    /// examples (spread over the file) parses ~6 MB, not 25 (`Benchmarks/report`: filter by drop reason
    /// 679 ms with 1,000-row blocks at 100,000 examples).
    static let rowsPerBlock = 250

    /// The table as compact JSON, safe inside a `<script>` element (every `<` is escaped), with the
    /// conversations inline.
    func jsonBytes() -> [UInt8] {
        blocks(rowsPerBlock: nil).table
    }

    /// The table as the page embeds it: the columns, with a conversation column's rows left out and
    /// given as separate JSON arrays of `rowsPerBlock` rows each (inline when `rowsPerBlock` is `nil`).
    func blocks(rowsPerBlock: Int?) -> (table: [UInt8], rows: [[UInt8]]) {
        var rows: [[UInt8]] = []
        var out: [UInt8] = []
        out.append(contentsOf: Array("{\"title\":".utf8))
        JSONLEncoding.appendString(title, to: &out)
        out.append(contentsOf: Array(",\"noun\":".utf8))
        JSONLEncoding.appendString(rowNoun, to: &out)
        out.append(contentsOf: Array(",\"count\":\(count),\"columns\":[".utf8))
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(0x2c) }
            column.appendJSON(to: &out, rowsPerBlock: rowsPerBlock, blocks: &rows)
        }
        out.append(contentsOf: Array("]}".utf8))
        return (Self.escapingTags(out), rows.map(Self.escapingTags))
    }

    /// `<` only occurs inside JSON strings, where `\u003c` means the same and cannot close the script.
    private static func escapingTags(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x3c) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            if byte == 0x3c { out.append(contentsOf: Array(#"\u003c"#.utf8)) } else { out.append(byte) }
        }
        return out
    }
}

/// One message of a conversation shown in the table.
public struct ReportMessage: Sendable, Hashable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// One column of a ``ReportTable``.
public struct ReportColumn: Sendable {
    public enum Values: Sendable {
        /// A code per row into `table` (-1 for none): documents, templates, splits, reasons.
        case category(codes: [Int], table: [String])
        /// A number per row, `nil` where the row has none (a dropped example's tokens).
        case number([Int?])
        case text([String?])
        /// Page numbers per row (empty when the source has no pages).
        case pages([[Int]])
        case conversation([[ReportMessage]])
        /// Another row of the same table (a dropped duplicate's kept example), or `nil`.
        case row([Int?])
    }

    /// The name links use (`#filter/KEY/VALUE`).
    public var key: String
    public var label: String
    public var values: Values
    /// Whether the page offers a filter on this column (category and pages columns).
    public var isFilter: Bool
    /// Whether the search box looks in this column (text, category and conversation columns).
    public var isSearched: Bool
    /// For a category column: a link per table entry (the source file, relative to the page).
    public var links: [String?]?

    public init(
        key: String, label: String, values: Values, isFilter: Bool = false, isSearched: Bool = false,
        links: [String?]? = nil
    ) {
        self.key = key
        self.label = label
        self.values = values
        self.isFilter = isFilter
        self.isSearched = isSearched
        self.links = links
    }

    /// A category column from one value per row, the table in order of first appearance.
    public static func category(
        key: String, label: String, _ values: [String?], isFilter: Bool = true, isSearched: Bool = false,
        link: ((String) -> String?)? = nil
    ) -> ReportColumn {
        var table: [String] = []
        var codes: [String: Int] = [:]
        let rowCodes = values.map { value -> Int in
            guard let value else { return -1 }
            if let code = codes[value] { return code }
            codes[value] = table.count
            table.append(value)
            return table.count - 1
        }
        return ReportColumn(
            key: key, label: label, values: .category(codes: rowCodes, table: table), isFilter: isFilter,
            isSearched: isSearched, links: link.map { table.map($0) })
    }

    fileprivate func appendJSON(to out: inout [UInt8], rowsPerBlock: Int?, blocks: inout [[UInt8]]) {
        out.append(contentsOf: Array("{\"key\":".utf8))
        JSONLEncoding.appendString(key, to: &out)
        out.append(contentsOf: Array(",\"label\":".utf8))
        JSONLEncoding.appendString(label, to: &out)
        out.append(contentsOf: Array(",\"filter\":\(isFilter),\"search\":\(isSearched)".utf8))
        if let links {
            out.append(contentsOf: Array(",\"links\":".utf8))
            Self.appendStrings(links, to: &out)
        }
        switch values {
        case .category(let codes, let table):
            out.append(contentsOf: Array(",\"kind\":\"category\",\"table\":".utf8))
            Self.appendStrings(table, to: &out)
            out.append(contentsOf: Array(",\"values\":".utf8))
            Self.appendInts(codes, to: &out)
        case .number(let numbers):
            out.append(contentsOf: Array(",\"kind\":\"number\",\"values\":".utf8))
            Self.appendInts(numbers, to: &out)
        case .text(let texts):
            out.append(contentsOf: Array(",\"kind\":\"text\",\"values\":".utf8))
            Self.appendStrings(texts, to: &out)
        case .pages(let pages):
            out.append(contentsOf: Array(",\"kind\":\"pages\",\"values\":[".utf8))
            for (index, list) in pages.enumerated() {
                if index > 0 { out.append(0x2c) }
                Self.appendInts(list, to: &out)
            }
            out.append(0x5d)
        case .row(let rows):
            out.append(contentsOf: Array(",\"kind\":\"row\",\"values\":".utf8))
            Self.appendInts(rows.map { $0 ?? -1 }, to: &out)
        case .conversation(let conversations):
            Self.appendConversations(conversations, to: &out, rowsPerBlock: rowsPerBlock, blocks: &blocks)
        }
        out.append(0x7d)
    }

    /// Conversations as `[role, content, role, content...]` per row; roles, and every text that occurs
    /// more than once (system prompts, which templates repeat on every example; the answer a dropped
    /// duplicate shares with its kept example), are numbers into the `roles` and `shared` tables.
    ///
    /// With `rowsPerBlock`, the rows go to `blocks` (one JSON array per block) and the column says how
    /// many rows each holds (`"block"`) and where its blocks start among the page's (`"firstBlock"`).
    private static func appendConversations(
        _ conversations: [[ReportMessage]], to out: inout [UInt8], rowsPerBlock: Int?, blocks: inout [[UInt8]]
    ) {
        var roles: [String] = []
        var roleCodes: [String: Int] = [:]
        var shared: [String] = []
        var sharedCodes: [String: Int] = [:]
        var seen = Set<String>()
        var repeated = Set<String>()
        for messages in conversations {
            for message in messages where message.role != "system" && !seen.insert(message.content).inserted {
                repeated.insert(message.content)
            }
        }
        let perBlock = rowsPerBlock ?? max(conversations.count, 1)
        var parts: [[UInt8]] = []
        var body: [UInt8] = []
        body.reserveCapacity(min(conversations.count, perBlock) * 256)
        for (index, messages) in conversations.enumerated() {
            if index > 0 && index % perBlock == 0 {
                parts.append(body)
                body.removeAll(keepingCapacity: true)
            }
            body.append(contentsOf: Array((index % perBlock > 0 ? ",[" : "[").utf8))
            for (position, message) in messages.enumerated() {
                if position > 0 { body.append(0x2c) }
                let role = roleCodes[message.role] ?? roles.count
                if role == roles.count {
                    roleCodes[message.role] = role
                    roles.append(message.role)
                }
                body.append(contentsOf: Array("\(role),".utf8))
                if message.role == "system" || repeated.contains(message.content) {
                    let code = sharedCodes[message.content] ?? shared.count
                    if code == shared.count {
                        sharedCodes[message.content] = code
                        shared.append(message.content)
                    }
                    body.append(contentsOf: Array(String(code).utf8))
                } else {
                    JSONLEncoding.appendString(message.content, to: &body)
                }
            }
            body.append(0x5d)
        }
        out.append(contentsOf: Array(",\"kind\":\"conversation\",\"roles\":".utf8))
        appendStrings(roles, to: &out)
        if !body.isEmpty { parts.append(body) }
        out.append(contentsOf: Array(",\"shared\":".utf8))
        appendStrings(shared, to: &out)
        guard let rowsPerBlock else {
            out.append(contentsOf: Array(",\"values\":[".utf8))
            out.append(contentsOf: parts.first ?? [])
            out.append(0x5d)
            return
        }
        out.append(contentsOf: Array(",\"block\":\(rowsPerBlock),\"firstBlock\":\(blocks.count)".utf8))
        blocks += parts.map { [0x5b] + $0 + [0x5d] }
    }

    private static func appendStrings(_ strings: [String?], to out: inout [UInt8]) {
        out.append(0x5b)
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(0x2c) }
            if let string {
                JSONLEncoding.appendString(string, to: &out)
            } else {
                out.append(contentsOf: Array("null".utf8))
            }
        }
        out.append(0x5d)
    }

    /// Numbers as a JSON array, `nil` as `null`.
    private static func appendInts(_ numbers: [Int?], to out: inout [UInt8]) {
        out.append(0x5b)
        for (index, number) in numbers.enumerated() {
            if index > 0 { out.append(0x2c) }
            out.append(contentsOf: Array((number.map(String.init) ?? "null").utf8))
        }
        out.append(0x5d)
    }
}

/// The table's controls and its (initially empty) row list; the page's script fills both.
enum ReportTableView {
    static func html(_ table: ReportTable) -> String {
        """
        <section id="rows"><h2>\(ReportHTML.escape(table.title))</h2>\
        <div class="controls"><input id="search" type="search" placeholder="Search question, answer, source…" \
        aria-label="Search"><span id="filters"></span>\
        <select id="sort" aria-label="Order"></select><button id="clear" type="button">Clear</button></div>\
        <p id="status" class="status">Loading…</p><div id="pager-top" class="pager"></div>\
        <div id="list" class="list"></div><div id="pager-bottom" class="pager"></div></section>
        """
    }
}
