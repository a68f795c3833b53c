/// The regular expressions of the PDF layout rules, compiled once.
///
/// A regex literal written inline is parsed again every time the expression runs, which made
/// pattern matching most of the extractor's time; these are built once per process. `Regex` is
/// not `Sendable`, but a compiled regex is immutable and matching does not mutate it.
enum PDFPatterns {
    /// `/(\((?:[a-z]{1,2}|[ivxlcdm]{1,6}|\d{1,3}|[A-Z])\)|[a-z]\)|\d{1,2}\))\s|[•·▪◦‣●■]\s?/`
    nonisolated(unsafe) static let listItemStart =
        /(\((?:[a-z]{1,2}|[ivxlcdm]{1,6}|\d{1,3}|[A-Z])\)|[a-z]\)|\d{1,2}\))\s|[•·▪◦‣●■]\s?/
    /// `/\(?\d{1,3}[.)]\s?/`
    nonisolated(unsafe) static let enumeratedStart = /\(?\d{1,3}[.)]\s?/
    /// `/\(?[0-9]{1,3}[.)]|\(?[a-z]{1,2}\)|\([ivxlcdm]{1,5}\)|\([0-9]{1,3}\)/`
    nonisolated(unsafe) static let bareEnumerator =
        /\(?[0-9]{1,3}[.)]|\(?[a-z]{1,2}[.)]|\(?[A-Z][.)]|\(?[ivxlcdm]{1,5}[.)]|\([ivxlcdm]{1,5}\)|\([0-9]{1,3}\)/
    /// `/(\d{1,3}|\(\d{1,3}\)|\*{1,3}|[†‡])\s?\S/`
    nonisolated(unsafe) static let footnoteStart = /(\d{1,3}|\(\d{1,3}\)|\*{1,3}|[†‡])\s?\S/
    /// `/.*\.(docx?|pdf|wpd|rtf|txt|htm|html|tmp)/`
    nonisolated(unsafe) static let fileNameTitle = /.*\.(docx?|pdf|wpd|rtf|txt|htm|html|tmp)/
    /// `/(?i:article|chapter|part|title|schedule|exhibit|annex|appendix)\s+([IVXLCDM]+|\d+|[A-Z])\b\.?/`
    nonisolated(unsafe) static let articleLabel =
        /(?i:article|chapter|part|title|schedule|exhibit|annex|appendix)\s+([IVXLCDM]+|\d+|[A-Z])\b\.?/
    /// `/(?:(?i:section|sec\.)\s*|§+\s*)(\d+)((?:\.\d+)*)[A-Za-z]?\.?/`
    nonisolated(unsafe) static let sectionLabel = /(?:(?i:section|sec\.)\s*|§+\s*)(\d+)((?:\.\d+)*)[A-Za-z]?\.?/
    /// `/(\d{1,2})((?:\.\d{1,2})+)\.?\s/`
    nonisolated(unsafe) static let decimalLabel = /(\d{1,2})((?:\.\d{1,2})+)\.?\s/
    /// `/\d{1,2}\.\s/`
    nonisolated(unsafe) static let numberLabel = /\d{1,2}\.\s/
    /// `/(?i:article|chapter|part|section|schedule|annex|exhibit|appendix)\s+([IVXLCDM]+|[\d.]+|[A-Z])\.?|§+\s*[\d.]+/`
    nonisolated(unsafe) static let bareLabel =
        /(?i:article|chapter|part|section|schedule|annex|exhibit|appendix)\s+([IVXLCDM]+|[\d.]+|[A-Z])\.?|§+\s*[\d.]+/
    /// `/\(?[0-9]{1,3}[.)]|\(?[a-zA-Z]{1,2}\)|\([ivxlcdm]{1,5}\)|\([0-9]{1,3}\)|[•·▪◦‣●■\-–]|§+\s*\d+/`
    nonisolated(unsafe) static let hangingEnumerator =
        /\(?[0-9]{1,3}[.)]|\(?[a-zA-Z]{1,2}\)|\([ivxlcdm]{1,5}\)|\([0-9]{1,3}\)|[•·▪◦‣●■\-–]|§+\s*\d+/
    /// `/(?i)(page|pg\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?/`
    nonisolated(unsafe) static let pageNumber =
        /(?i)(page|pg\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?/
    /// `/[ivxlc]{1,7}/`
    nonisolated(unsafe) static let romanPageNumber = /[ivxlc]{1,7}/
    /// `/[A-Z]\s?[-–—]\s?\d{1,3}/`
    nonisolated(unsafe) static let letterPageNumber = /[A-Z]\s?[-–—]\s?\d{1,3}/
    /// `/(?i)(schedule|exhibit|annex|appendix|attachment)\s+[A-Z0-9]{1,3}\s?[-–]\s?\d{1,3}/`
    nonisolated(unsafe) static let exhibitPageLabel =
        /(?i)(schedule|exhibit|annex|appendix|attachment)\s+[A-Z0-9]{1,3}\s?[-–]\s?\d{1,3}/
    /// `/[A-Z][A-Z0-9]{1,14}[ _-]?\d{5,10}/`
    nonisolated(unsafe) static let batesNumber = /[A-Z][A-Z0-9]{1,14}[ _-]?\d{5,10}/
}
