import Foundation

/// Recognises the Word formats tunedata does not read and says why, instead of "binary content".
///
/// An OLE compound file (magic `D0 CF 11 E0`) is either a legacy `.doc` or a password-protected
/// `.docx` (Word encrypts the whole package into an OLE container); RTF starts with `{\rtf`.
struct LegacyWordRefusal: Extractor {
    let format = DocumentFormat(rawValue: "legacy-word")
    let extensions: Set<String> = ["doc", "dot", "rtf"]
    var readsBinary: Bool { true }

    init() {}

    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    func sniff(_ head: Data) -> Bool {
        head.starts(with: Self.compoundFileMagic) || head.starts(with: Data(#"{\rtf"#.utf8))
    }

    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        let ext = FormatDetection.effectiveExtension(of: source.displayPath)
        if data.starts(with: Self.compoundFileMagic) {
            if ["docx", "docm", "dotx", "odt", "xlsx", "pptx"].contains(ext) {
                throw .unsupportedFormat(
                    "password-protected .\(ext): Word encrypted it into an OLE compound file; save a copy without a password"
                )
            }
            throw .unsupportedFormat("legacy Word .doc (OLE compound file); save it as .docx")
        }
        if data.starts(with: Data(#"{\rtf"#.utf8)) {
            throw .unsupportedFormat("Rich Text Format; save it as .docx")
        }
        throw .unsupportedFormat("legacy Word .\(ext) without its signature")
    }
}
