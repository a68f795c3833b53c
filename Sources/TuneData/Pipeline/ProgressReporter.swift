import Foundation
import Synchronization

/// Progress on standard error: a redrawn bar on a terminal, a line every tenth of the work otherwise, nothing with
/// `--quiet`.
///
/// Thread-safe; workers call ``documentFinished(_:)`` as they finish.
public final class ProgressReporter: Sendable {
    public enum Style: Sendable { case bar, lines, quiet }

    private struct State {
        var done = 0
        var pages = 0
        var examples = 0
        var lastDraw: UInt64 = 0
        var lastDecile = 0
    }

    private let total: Int
    private let style: Style
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex(State())

    public init(total: Int, style: Style) {
        self.total = total
        self.style = style
    }

    /// `.bar` when standard error is a terminal, `.lines` otherwise (or `.quiet` when asked).
    public static func defaultStyle(quiet: Bool) -> Style {
        if quiet { return .quiet }
        return isatty(STDERR_FILENO) == 1 ? .bar : .lines
    }

    /// Reports a skipped file at once (always, unless quiet): the user sees the path and the reason.
    public func fileSkipped(_ path: String, reason: String) {
        guard style != .quiet else { return }
        write((style == .bar ? "\r\u{1B}[2K" : "") + "skipped \(path): \(reason)\n")
    }

    public func documentFinished(_ document: ProcessedDocument) {
        if let failure = document.failure { fileSkipped(document.source, reason: failure.description) }
        for warning in document.warnings where style != .quiet {
            write((style == .bar ? "\r\u{1B}[2K" : "") + "warning \(document.source): \(warning)\n")
        }
        let line: String? = state.withLock { state in
            state.done += 1
            state.pages += document.pages
            state.examples += document.exampleCount
            let now = DispatchTime.now().uptimeNanoseconds
            switch style {
            case .quiet: return nil
            case .bar:
                guard state.done == total || now - state.lastDraw > 100_000_000 else { return nil }
                state.lastDraw = now
                return "\r\u{1B}[2K" + render(state, now: now)
            case .lines:
                let decile = state.done * 10 / max(total, 1)
                guard decile > state.lastDecile || state.done == total else { return nil }
                state.lastDecile = decile
                return render(state, now: now) + "\n"
            }
        }
        if let line { write(line) }
    }

    /// Ends the bar's line so the summary starts on a fresh one.
    public func finish() {
        if style == .bar { write("\n") }
    }

    private func render(_ state: State, now: UInt64) -> String {
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(state.done) / seconds : 0
        let remaining = rate > 0 ? Double(total - state.done) / rate : 0
        let width = 24
        let filled = total > 0 ? state.done * width / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let eta = state.done == total ? String(format: "%.1fs", seconds) : String(format: "ETA %.0fs", remaining)
        return "\(bar) \(state.done)/\(total) files · \(state.pages) pages · \(state.examples) examples · "
            + String(format: "%.1f files/s", rate) + " · \(eta)"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
