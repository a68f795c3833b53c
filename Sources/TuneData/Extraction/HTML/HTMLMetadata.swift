import Foundation

/// The title, language, canonical URL and date a page declares about itself.
struct HTMLMetadata {
    var title: String?
    /// Keys: "language", "url", "date".
    var values: [String: String] = [:]

    init(page: HTMLPageAnalysis) {
        let tree = page.tree
        var metaByKey: [String: String] = [:]
        var documentTitle: String?
        var canonical: String?
        var firstHeading: String?
        var timeDate: String?
        for index in tree.nodes.indices {
            let node = tree.nodes[index]
            switch node.tag {
            case .html:
                if let lang = node.attributes?.extra["lang"] ?? node.attributes?.extra["xml:lang"] {
                    let trimmed = lang.trimmingCharacters(in: .whitespaces)
                    if !trimmed.isEmpty, values["language"] == nil { values["language"] = trimmed }
                }
            case .title where documentTitle == nil:
                let text = tree.text(of: index)
                if !text.isEmpty { documentTitle = text }
            case .meta:
                guard let extra = node.attributes?.extra, let content = extra["content"] else { continue }
                let key = (extra["property"] ?? extra["name"] ?? extra["itemprop"] ?? "").lowercased()
                let value = TextNormalization.normalizeInline(content)
                if !key.isEmpty, !value.isEmpty, metaByKey[key] == nil { metaByKey[key] = value }
            case .link:
                guard let extra = node.attributes?.extra, canonical == nil,
                    extra["rel"]?.lowercased().split(separator: " ").contains("canonical") == true,
                    let href = extra["href"]?.trimmingCharacters(in: .whitespaces), !href.isEmpty
                else { continue }
                canonical = href
            case .h1 where firstHeading == nil && !page.dropped[index]:
                let text = tree.text(of: index)
                if !text.isEmpty { firstHeading = text }
            case .time where timeDate == nil:
                if let date = node.attributes?.extra["datetime"]?.trimmingCharacters(in: .whitespaces),
                    !date.isEmpty
                {
                    timeDate = date
                }
            default:
                break
            }
        }
        if values["language"] == nil, let language = metaByKey["content-language"] ?? metaByKey["og:locale"] {
            values["language"] = language
        }
        if let url = canonical ?? metaByKey["og:url"] { values["url"] = url }
        let dateKeys = [
            "article:published_time", "datepublished", "dc.date", "dcterms.date", "dc.date.issued",
            "dcterms.issued", "date", "pubdate", "publish-date", "og:published_time", "article:modified_time",
            "dcterms.modified", "datemodified",
        ]
        if let date = dateKeys.lazy.compactMap({ metaByKey[$0] }).first ?? timeDate { values["date"] = date }
        title = Self.title(document: documentTitle, openGraph: metaByKey["og:title"], heading: firstHeading)
    }

    /// `<title>` with a site suffix or prefix (" | Example Corp") removed when `og:title` or the
    /// first `<h1>` confirms the shorter form; otherwise `og:title`, then the `<h1>`.
    static func title(document: String?, openGraph: String?, heading: String?) -> String? {
        guard let document else { return openGraph ?? heading }
        for confirmed in [openGraph, heading].compactMap({ $0 }) where confirmed.count < document.count {
            if document.hasPrefix(confirmed) || document.hasSuffix(confirmed) {
                let rest =
                    document.hasPrefix(confirmed)
                    ? document.dropFirst(confirmed.count) : document.dropLast(confirmed.count)
                let separator = rest.trimmingCharacters(in: .whitespaces)
                if let mark = separator.first,
                    mark == "|" || mark == "-" || mark == "–" || mark == "—"
                        || mark == ":" || mark == "·" || mark == "•" || mark == "»" || separator.last == "|"
                        || separator.last == "-" || separator.last == "–" || separator.last == "—"
                {
                    return confirmed
                }
            }
        }
        return document
    }
}
