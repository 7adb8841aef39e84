package import Foundation
import ProbotCore

/// Whether the workspace holds a checkout of the pull request: its head commit, or GitHub's merge commit whose
/// second parent is the head (what `actions/checkout` checks out by default on `pull_request`).
package enum CheckoutMatch {
    /// `true` when `root` is at `head`; or at `mergeCommit` (a `pull_request` event's `GITHUB_SHA`, GitHub's
    /// merge of the head); or at a merge commit whose second parent is `head` (asked of `git`, with an argument
    /// array and a short time limit; without `git` only the first two checks are made).
    package static func holds(_ head: String, root: URL, searchPath: String?, mergeCommit: String? = nil) async -> Bool
    {
        guard !head.isEmpty, let checkedOut = GitCheckout.head(of: root) else { return false }
        if checkedOut == head || (mergeCommit != nil && checkedOut == mergeCommit) { return true }
        guard let git = ChildProcess.find("git", searchPath: searchPath) else { return false }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("probot-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let arguments = ["-c", "safe.directory=*", "-C", root.path, "rev-parse", "--verify", "--quiet", "HEAD^2"]
        guard
            let finished = try? await ChildProcess.run(git, arguments, in: root, output: output, timeout: .seconds(10)),
            finished.status == 0, let data = FileManager.default.contents(atPath: output.path)
        else { return false }
        return String(decoding: data, as: UTF8.self).trimmingWhitespace() == head
    }
}
