/// What marks an element as page furniture (navigation, footers, banners, sharing, comments) or as
/// the probable home of the main text, judged from its tag, `class`, `id` and `role`.
///
/// The patterns follow the families trafilatura and Readability found on real pages; the lists
/// are matched against lower-cased attribute values.
enum HTMLBoilerplate {
    /// Elements dropped wherever they appear: site navigation and chrome, forms' controls, figures.
    static func isDroppedTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .nav, .aside, .footer, .menu, .dialog, .label, .fieldset, .figure:
            true
        default: tag.isNeverContent
        }
    }

    /// Roles that mark navigation and page chrome.
    static func isBoilerplateRole(_ role: String) -> Bool {
        switch role {
        case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
            "dialog", "alertdialog", "alert", "tablist", "toolbar":
            true
        default: false
        }
    }

    /// Substrings of `class` or `id` that mark furniture.
    static let furniture = HTMLPatternSet([
        "footer", "related", "viral", "share-", "sharing", "sharedaddy", "social", "sociable",
        "syndication", "newsletter", "subnav", "cookie", "consent", "gdpr", "tag-list", "taglist",
        "sidebar", "banner", "navbar", "navbox", "navigation", "breadcrumb", "bread-crumb", "byline",
        "rating", "widget", "-ad-", "advert", "sponsor", "promo", "outbrain", "taboola", "criteo",
        "most-popular", "mostpopular", "comment", "respond", "reply", "disqus", "subscribe", "signup",
        "sign-up", "popup", "modal", "lightbox", "pagination", "pager", "noprint", "no-print",
        "hide-print", "skip-link", "skiplink", "toolbar", "masthead", "carousel", "slideshow",
        "paywall", "teaser", "recommend", "read-more", "readmore", "more-stories", "author",
        "timestamp", "dateline", "post-meta", "entry-meta", "article-meta", "meta-data", "metadata",
        "postmeta", "entry-footer", "menu", "topbar", "top-bar", "bottombar", "bottom-bar",
        "button", "tags", "jp-", "akismet", "login", "search", "overlay", "offcanvas", "off-canvas",
        "backtotop", "back-to-top", "to-top", "infobox", "breaking", "ticker", "embed", "caption",
        "credit", "copyright", "message", "attachment", "user-info", "user-profile", "-icon",
        "article-infos", "infoline", "quicklink", "most-read", "mostread", "see-also", "seealso",
    ])

    /// Whole `class`/`id` words that mark furniture (too short to match as substrings).
    static let furnitureWords: Set<String> = [
        "ad", "ads", "nav", "menu", "share", "shares", "tags", "tag", "meta", "hidden", "hide",
        "sr-only", "visually-hidden", "screen-reader-text", "print", "header", "site-header",
        "navigation", "social", "links", "date", "dates", "posted", "aside", "sidebar", "widget",
        "categories", "category", "cats",
    ]

    /// True when `class`, `id` or `role` says the element is furniture.
    static func isFurniture(_ attributes: HTMLAttributes) -> Bool {
        if let role = attributes.role, isBoilerplateRole(role) { return true }
        return isFurniture(className: attributes.className) || isFurniture(className: attributes.id)
    }

    static func isFurniture(className value: String) -> Bool {
        if value.isEmpty { return false }
        var layoutOnly = true
        for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            if furnitureWords.contains(String(word)) { return true }
            if word.hasPrefix("nav") || word.hasPrefix("shar") || word.hasPrefix("hide-") { return true }
            // Page builders name every box "...-widget-...": those words say nothing about content.
            if !word.hasPrefix("elementor") { layoutOnly = false }
        }
        return !layoutOnly && furniture.matches(value)
    }

    /// How strongly `class`/`id` point at the main text: 1 is the most specific pattern, 5 the
    /// vaguest (trafilatura's order); `nil` when nothing points there.
    static func contentTier(_ tag: HTMLTag, _ attributes: HTMLAttributes?) -> Int? {
        if tag == .main { return 5 }
        guard let attributes else { return tag == .article ? 2 : nil }
        if attributes.itemprop == "articlebody" { return 1 }
        switch tag {
        case .article, .div, .main, .section: break
        default: return nil
        }
        let className = attributes.className
        let id = attributes.id
        if className == "post" || className == "entry" { return 1 }
        if tierOne.matches(className) || tierOne.matches(id) { return 1 }
        if tag == .article { return 2 }
        if tierThree.matches(className) || tierThree.matches(id)
            || id.hasPrefix("primary") || className.hasPrefix("article ") || className == "text"
            || id == "article" || id == "story" || className == "story" || className == "postarea"
            || attributes.role == "article"
        {
            return 3
        }
        if tierFour.matches(className) || tierFour.matches(id) || id == "content"
            || className == "content"
        {
            return 4
        }
        if className.hasPrefix("main") || id.hasPrefix("main") || attributes.role == "main" { return 5 }
        return nil
    }

    private static let tierOne = HTMLPatternSet([
        "post-text", "post_text", "post-body", "post-entry", "postentry", "post-content", "post_content",
        "postcontent", "post_inner_wrapper", "article-text", "articletext", "entry-content",
        "article-content", "article__content", "article-body", "article__body", "articlebody",
        "articlecontent", "page-content", "text-content", "body-text", "article__container",
        "art-content",
    ])
    private static let tierThree = HTMLPatternSet([
        "post-bodycopy", "storycontent", "story-content", "art-postcontent", "theme-content",
        "blog-content", "section-content", "single-content", "single-post", "main-column",
        "wpb_text_column", "story-body", "field-body", "fulltext",
    ])
    private static let tierFour = HTMLPatternSet([
        "content-main", "content_main", "content-body", "contentbody", "content__body", "main-content",
        "page-content",
    ])

    /// What a content-like class or id name adds to a container's score (a furniture-like one takes it off).
    static let classNameWeight = 25.0

    /// Readability's class weight: +25 for content-like names, -25 for furniture-like ones.
    static func classWeight(_ attributes: HTMLAttributes?) -> Double {
        guard let attributes else { return 0 }
        var weight = 0.0
        for value in [attributes.className, attributes.id] where !value.isEmpty {
            if positive.matches(value) { weight += classNameWeight }
            if negative.matches(value) { weight -= classNameWeight }
        }
        return weight
    }

    private static let positive = HTMLPatternSet([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
        "blog", "story",
    ])
    private static let negative = HTMLPatternSet([
        "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "nav", "menu", "social", "cookie",
    ])
}
