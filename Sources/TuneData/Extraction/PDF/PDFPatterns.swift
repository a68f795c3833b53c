/// The regular expressions of the PDF layout rules, compiled once.
///
/// A regex literal written inline is parsed again every time the expression runs, which made
/// pattern matching most of the extractor's time; these are built once per process. `Regex` is
/// not `Sendable`, but a compiled regex is immutable and matching does not mutate it.
enum PDFPatterns {
    /// A footnote's opening marker: `/(\d{1,3}|\(\d{1,3}\)|\*{1,3}|[†‡])\s?\S/`.
    nonisolated(unsafe) static let footnoteStart = /(\d{1,3}|\(\d{1,3}\)|\*{1,3}|[†‡])\s?\S/
    /// A file name used as a title: `/.*\.(docx?|pdf|wpd|rtf|txt|htm|html|tmp)/`.
    nonisolated(unsafe) static let fileNameTitle = /.*\.(docx?|pdf|wpd|rtf|txt|htm|html|tmp)/
    /// A page number with its words: `/(?i)(page|pg\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?/`.
    nonisolated(unsafe) static let pageNumber =
        /(?i)(page|pg\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?/
    /// A page number in lower-case roman numerals: `/[ivxlc]{1,7}/`.
    nonisolated(unsafe) static let romanPageNumber = /[ivxlc]{1,7}/
    /// A page number after a letter: `/[A-Z]\s?[-–—]\s?\d{1,3}/`.
    nonisolated(unsafe) static let letterPageNumber = /[A-Z]\s?[-–—]\s?\d{1,3}/
    /// A Bates number: `/[A-Z][A-Z0-9]{1,14}[ _-]?\d{5,10}/`.
    nonisolated(unsafe) static let batesNumber = /[A-Z][A-Z0-9]{1,14}[ _-]?\d{5,10}/
}
