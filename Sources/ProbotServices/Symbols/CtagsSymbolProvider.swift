package import Foundation
package import ProbotCore

/// The symbol index of the action's workspace: built with ctags when `symbol-index` is on, `ctags` is installed
/// and the workspace holds the pull request (``CheckoutMatch``); otherwise a note saying why.
package struct CtagsSymbolProvider: SymbolIndexProvider {
    package var root: URL
    package var enabled: Bool
    /// The `PATH` to find `ctags` and `git` in.
    package var searchPath: String?
    /// On a `pull_request` event, `GITHUB_SHA`: GitHub's merge commit of the head, what `actions/checkout`
    /// checks out by default (recognised even where there is no `git` to ask for its parents).
    package var mergeCommit: String?

    /// Memberwise initialiser.
    package init(root: URL, enabled: Bool, searchPath: String?, mergeCommit: String? = nil) {
        self.root = root
        self.enabled = enabled
        self.searchPath = searchPath
        self.mergeCommit = mergeCommit
    }

    /// The provider for the action's `environment`: its workspace, `PATH`, and merge commit.
    package init(workspace: URL, enabled: Bool, environment: [String: String]) {
        let merge = environment["GITHUB_EVENT_NAME"] == "pull_request" ? environment["GITHUB_SHA"] : nil
        self.init(root: workspace, enabled: enabled, searchPath: environment["PATH"], mergeCommit: merge)
    }

    package func codebase(head: String) async -> CodebaseLookup {
        guard enabled else { return .skipped(SymbolIndexStatus(notes: [.disabled])) }
        guard await CheckoutMatch.holds(head, root: root, searchPath: searchPath, mergeCommit: mergeCommit) else {
            return .skipped(SymbolIndexStatus(notes: [.noCheckout]))
        }
        guard let ctags = ChildProcess.find("ctags", searchPath: searchPath) else {
            return .skipped(SymbolIndexStatus(notes: [.noCtags]))
        }
        let built = await CtagsIndexer(root: root, executable: ctags).build()
        return .built(WorkspaceCodebase(root: root, index: built.index), built.status)
    }
}
