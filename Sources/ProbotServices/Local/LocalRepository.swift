package import Foundation
package import ProbotCore

/// A checkout the local CLI reads beside the diff (`review --repository DIR`): its `.gitattributes`, its agent
/// instruction files and the changed files' text (for generated-code headers and the code around each hunk).
/// Nothing is read outside `root` (``ConfinedWorkspace``).
package struct LocalRepository: Sendable {
    /// The checkout's top folder, at the diff's new side.
    package var root: URL

    /// Memberwise initialiser.
    package init(root: URL) { self.root = root }

    /// What the checkout adds to a local review.
    package struct Prepared: Sendable {
        /// The settings with the checkout's `.gitattributes` and agent instructions.
        package var settings: ReviewSettings
        /// The changed files' lines by path.
        package var sources: [String: [String]]
        package var diagnostics: [Diagnostic]
    }

    /// `settings` unchanged and no sources without a checkout, else what ``prepare(_:settings:)`` reads.
    package static func prepare(root: URL?, _ changed: [ChangedFile], settings: ReviewSettings) async -> Prepared {
        guard let root else { return Prepared(settings: settings, sources: [:], diagnostics: []) }
        return await LocalRepository(root: root).prepare(changed, settings: settings)
    }

    /// Reads what `changed` needs from the checkout into `settings`.
    package func prepare(_ changed: [ChangedFile], settings: ReviewSettings) async -> Prepared {
        var prepared = Prepared(settings: settings, sources: [:], diagnostics: [])
        let loader = WorkspaceConfigLoader(workspace: root, path: "")
        if !settings.reviewGenerated {
            do {
                prepared.settings.gitAttributes = try await loader.gitAttributesText(at: "").map(GitAttributes.init)
            } catch {
                prepared.diagnostics.append(.warning("could not read `\(GitAttributes.path)` (\(error))"))
            }
        }
        if settings.readsAgentInstructions {
            let filter = prepared.settings.filter
            let paths = changed.filter { filter.exclusionReason(for: $0.filename) == nil }.map(\.filename)
            let loaded = await AgentInstructionsLoader(repository: loader).load(for: paths, at: "")
            prepared.settings.agentInstructions = loaded.instructions
            prepared.diagnostics += loaded.diagnostics
        }
        let workspace = ConfinedWorkspace(root: root)
        for file in changed where file.status != "removed" {
            guard let data = try? workspace.contents(file.filename),
                case .text(let text) = WorkspaceContentSource.text(data)
            else { continue }
            prepared.sources[file.filename] = FileText.lines(of: text)
        }
        return prepared
    }
}
