import Foundation

/// The job summary's rows on the symbol index and the files whose context was cut to fit.
extension JobSummaryRenderer {
    /// The `| Symbol index | … |` overview row; empty when the run had no index provider.
    static func symbolIndexRow(_ report: RunReport) -> Markdown {
        guard let status = report.symbolIndex else { return .empty }
        let related = report.plan.batches.flatMap(\.items).reduce(0) { $0 + $1.related.count }
        let built = !status.notes.contains(where: Self.preventsIndex)
        var cell: Markdown =
            built
            ? "\(status.declarations) declarations in \(status.files) files (\(cell: String(format: "%.1f", status.seconds)) s) · \(related) related snippet(s) sent"
            : ""
        for (position, note) in status.notes.enumerated() {
            cell += (built || position > 0 ? " · " : "") + symbolNote(note)
        }
        return "| Symbol index | \(cell) |\n"
    }

    private static func preventsIndex(_ note: SymbolIndexStatus.Note) -> Bool {
        switch note {
        case .disabled, .noCheckout, .noCtags: true
        case .timedOut, .failed, .fileLimit: false
        }
    }

    /// A note on the symbol index, saying how to get one when there is none.
    static func symbolNote(_ note: SymbolIndexStatus.Note) -> Markdown {
        switch note {
        case .disabled:
            return "off (`symbol-index: false`)"
        case .noCheckout:
            return
                "not built: the workspace does not hold the pull request's head or merge commit. To show the changed lines the declarations they use, check it out first (`actions/checkout` with `ref: ${{ github.event.pull_request.head.sha }}`); the action never executes checked-out code, ctags only reads it"
        case .noCtags:
            return "not built: no `ctags` on the `PATH` (install `universal-ctags`)"
        case .timedOut(let seconds):
            return "stopped after \(seconds) s: no related declarations"
        case .failed(let status):
            return "ctags failed (exit status \(Int(status))): no related declarations"
        case .fileLimit(let indexed, let limit):
            return "only the first \(indexed) files indexed (limit \(limit))"
        }
    }

    /// Files whose surrounding code or related declarations were cut to fit a request, with the reason.
    static func contextCutsSection(_ cuts: [ContextCut]) -> Markdown {
        guard !cuts.isEmpty else { return .empty }
        let lines = cuts.map { cut -> Markdown in
            let part: Markdown = cut.part.map { " (part \($0.index) of \($0.count))" } ?? ""
            return "| \(codeCell: cut.path)\(part) | \(cell: cut.reason.description) |"
        }
        return "\n### Context cut to fit the budget\n\n"
            + table("| File | What was cut |\n|---|---|", lines, what: "file(s)")
    }
}
