import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tesseract's C API, loaded at run time with `dlopen`, so tunedata builds and runs without it.
///
/// Only the few `TessBaseAPI*` and iterator functions OCR needs are looked up; each is declared
/// here as a `@convention(c)` function type matching `tesseract/capi.h` (5.x). A missing library or
/// symbol makes ``load(path:)`` fail with a reason, and OCR is then reported as unavailable. The
/// library stays open while this object lives; every ``TesseractEngine`` keeps its library alive.
final class TesseractLibrary {
    typealias Handle = OpaquePointer
    typealias Create = @convention(c) () -> Handle?
    typealias Delete = @convention(c) (Handle) -> Void
    typealias Init3 = @convention(c) (Handle, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    typealias End = @convention(c) (Handle) -> Void
    typealias SetVariable = @convention(c) (Handle, UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32
    typealias SetPageSegMode = @convention(c) (Handle, Int32) -> Void
    typealias SetImage = @convention(c) (Handle, UnsafePointer<UInt8>, Int32, Int32, Int32, Int32) -> Void
    typealias SetSourceResolution = @convention(c) (Handle, Int32) -> Void
    typealias Recognize = @convention(c) (Handle, OpaquePointer?) -> Int32
    typealias MeanTextConf = @convention(c) (Handle) -> Int32
    typealias GetIterator = @convention(c) (Handle) -> OpaquePointer?
    typealias DeleteText = @convention(c) (UnsafePointer<CChar>) -> Void
    typealias Version = @convention(c) () -> UnsafePointer<CChar>?
    typealias IteratorDelete = @convention(c) (OpaquePointer) -> Void
    typealias IteratorPage = @convention(c) (OpaquePointer) -> OpaquePointer?
    typealias IteratorNext = @convention(c) (OpaquePointer, Int32) -> Int32
    typealias IteratorText = @convention(c) (OpaquePointer, Int32) -> UnsafeMutablePointer<CChar>?
    typealias IteratorConfidence = @convention(c) (OpaquePointer, Int32) -> Float
    typealias PageIsAtBeginning = @convention(c) (OpaquePointer, Int32) -> Int32
    typealias PageBoundingBox =
        @convention(c) (
            OpaquePointer, Int32, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
            UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>
        ) -> Int32

    /// The soname Debian's `libtesseract5` installs.
    static let defaultPath = "libtesseract.so.5"
    /// Environment variable naming another library file (tests point it at a missing one).
    static let pathVariable = "TUNEDATA_TESSERACT_LIBRARY"

    // TessPageSegMode and TessPageIteratorLevel values from capi.h.
    static let pageSegmentationAuto: Int32 = 3
    static let levelBlock: Int32 = 0
    static let levelLine: Int32 = 2
    static let levelWord: Int32 = 3

    let create: Create
    let delete: Delete
    let init3: Init3
    let end: End
    let setVariable: SetVariable
    let setPageSegMode: SetPageSegMode
    let setImage: SetImage
    let setSourceResolution: SetSourceResolution
    let recognize: Recognize
    let meanTextConf: MeanTextConf
    let getIterator: GetIterator
    let deleteText: DeleteText
    let version: Version
    let iteratorDelete: IteratorDelete
    let iteratorPage: IteratorPage
    let iteratorNext: IteratorNext
    let iteratorText: IteratorText
    let iteratorConfidence: IteratorConfidence
    let pageIsAtBeginning: PageIsAtBeginning
    let pageBoundingBox: PageBoundingBox

    private let library: UnsafeMutableRawPointer

    /// The library file to open: `explicitPath`, else `TUNEDATA_TESSERACT_LIBRARY`, else the soname.
    static func path(_ explicitPath: String?) -> String {
        explicitPath ?? ProcessInfo.processInfo.environment[pathVariable] ?? defaultPath
    }

    /// Tesseract's OpenMP threads would fight the per-page workers for the cores: one thread each.
    ///
    /// Set once, before the first `dlopen` (libgomp reads it when it loads).
    private static let singleThreadedOpenMP: Void = { setenv("OMP_THREAD_LIMIT", "1", 1) }()

    /// Opens the library at `path` and looks up every function.
    ///
    /// - Throws: ``OCRUnavailable`` saying what is missing.
    static func load(path: String) throws(OCRUnavailable) -> TesseractLibrary {
        _ = singleThreadedOpenMP
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw .notInstalled
        }
        do {
            return try TesseractLibrary(library)
        } catch {
            dlclose(library)
            throw error
        }
    }

    private init(_ library: UnsafeMutableRawPointer) throws(OCRUnavailable) {
        self.library = library
        func symbol<Function>(_ name: String, as type: Function.Type) throws(OCRUnavailable) -> Function {
            guard let address = dlsym(library, name) else { throw .missingSymbol(name) }
            return unsafeBitCast(address, to: type)
        }
        create = try symbol("TessBaseAPICreate", as: Create.self)
        delete = try symbol("TessBaseAPIDelete", as: Delete.self)
        init3 = try symbol("TessBaseAPIInit3", as: Init3.self)
        end = try symbol("TessBaseAPIEnd", as: End.self)
        setVariable = try symbol("TessBaseAPISetVariable", as: SetVariable.self)
        setPageSegMode = try symbol("TessBaseAPISetPageSegMode", as: SetPageSegMode.self)
        setImage = try symbol("TessBaseAPISetImage", as: SetImage.self)
        setSourceResolution = try symbol("TessBaseAPISetSourceResolution", as: SetSourceResolution.self)
        recognize = try symbol("TessBaseAPIRecognize", as: Recognize.self)
        meanTextConf = try symbol("TessBaseAPIMeanTextConf", as: MeanTextConf.self)
        getIterator = try symbol("TessBaseAPIGetIterator", as: GetIterator.self)
        deleteText = try symbol("TessDeleteText", as: DeleteText.self)
        version = try symbol("TessVersion", as: Version.self)
        iteratorDelete = try symbol("TessResultIteratorDelete", as: IteratorDelete.self)
        iteratorPage = try symbol("TessResultIteratorGetPageIterator", as: IteratorPage.self)
        iteratorNext = try symbol("TessResultIteratorNext", as: IteratorNext.self)
        iteratorText = try symbol("TessResultIteratorGetUTF8Text", as: IteratorText.self)
        iteratorConfidence = try symbol("TessResultIteratorConfidence", as: IteratorConfidence.self)
        pageIsAtBeginning = try symbol("TessPageIteratorIsAtBeginningOf", as: PageIsAtBeginning.self)
        pageBoundingBox = try symbol("TessPageIteratorBoundingBox", as: PageBoundingBox.self)
    }

    deinit { dlclose(library) }

    /// Tesseract's version string ("5.3.0").
    var versionString: String { version().map { String(cString: $0) } ?? "unknown" }
}

/// Why OCR cannot run on this machine (or for these languages).
enum OCRUnavailable: Error, Sendable, Hashable, CustomStringConvertible {
    /// `libtesseract.so.5` could not be opened.
    case notInstalled
    /// The library lacks a function tunedata calls (an incompatible version).
    case missingSymbol(String)
    /// No `tessdata` folder was found.
    case noLanguageData
    /// A language asked for has no `.traineddata` file.
    case languageMissing(String, installed: [String])
    /// Tesseract refused to start with the languages given.
    case initFailed(String)

    var description: String {
        switch self {
        case .notInstalled: "Tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-eng)"
        case .missingSymbol(let name): "the Tesseract library found lacks \(name) (Tesseract 5 is needed)"
        case .noLanguageData: "no Tesseract language data found (apt-get install tesseract-ocr-eng)"
        case .languageMissing(let language, let installed):
            "OCR language '\(language)' is not installed (apt-get install tesseract-ocr-\(language); installed: "
                + "\(installed.isEmpty ? "none" : installed.joined(separator: ", ")))"
        case .initFailed(let languages): "Tesseract could not start with languages \(languages)"
        }
    }
}
