/// Renders the review body: the model's summary, findings that could not go inline, and skipped files.
package enum ReviewBodyRenderer {
    /// GitHub refuses bodies over 65,536 characters.
    package static let characterLimit = 65_536
    /// Hidden marker identifying this action's reviews.
    package static let marker = "<!-- chatgpt-probot:review -->"

    /// The body for `report`, within GitHub's size limit.
    package static func render(_ report: RunReport) -> Markdown {
        var head: Markdown = "## 🤖 ChatGPT Probot review\n\n"
        let summary = WalkthroughRenderer.summary(report)
        if !summary.isEmpty { head += summary + "\n\n" }
        head += statsLine(report) + "\n"

        var sections: [Markdown] = []
        let walkthrough = WalkthroughRenderer.table(report)
        if !walkthrough.isEmpty { sections.append(walkthrough) }
        let grouped = Dictionary(grouping: report.placement.body, by: \.finding.path)
        if !grouped.isEmpty {
            var section: Markdown = "\n### Findings not placed inline\n"
            for path in grouped.keys.sorted() {
                section += "\n**\(code: path)**\n\n"
                for item in grouped[path] ?? [] {
                    section +=
                        CommentRenderer.listEntry(item.finding, repository: report.repository)
                        + "\n  <sub>\(text: item.reason.rawValue)</sub>\n"
                }
            }
            sections.append(section)
        }
        let skipped = report.skippedFiles
        if !skipped.isEmpty { sections.append(skippedTable(skipped)) }
        var tail: Markdown = "\n\(Markers.trusted(marker))\n"
        let fingerprints = report.placement.body.map(\.fingerprint).filter { !$0.isEmpty }
        if !fingerprints.isEmpty { tail += Markers.bodyFingerprints(fingerprints) + "\n" }
        return fit(head: head, sections: sections, tail: tail)
    }

    /// The files not reviewed, folded: `| File | Reason |`.
    package static func skippedTable(_ skipped: [SkippedFile], limit: Int = .max) -> Markdown {
        var section: Markdown =
            "\n<details><summary>\(skipped.count) file(s) or part(s) not reviewed</summary>\n\n| File | Reason |\n|---|---|\n"
        for file in skipped.prefix(limit) { section += "| \(codeCell: file.path) | \(file.reason.markdown) |\n" }
        if skipped.count > limit { section += "\n…and \(skipped.count - limit) more; the job summary lists them.\n" }
        return section + "\n</details>\n"
    }

    /// The body of a continuation review whose inline comments GitHub rejected: those findings, listed.
    package static func render(rejectedOnly comments: [InlineComment], repository: String? = nil) -> Markdown {
        var text: Markdown =
            "🤖 ChatGPT Probot review, continued. GitHub rejected these as inline comments, so they are listed here:\n\n"
        for comment in comments {
            text +=
                "**\(code: comment.path)** " + CommentRenderer.listEntry(comment.finding, repository: repository) + "\n"
        }
        let fingerprints = comments.map(\.fingerprint).filter { !$0.isEmpty }
        return fit(
            head: text, sections: [],
            tail: "\n\(Markers.trusted(marker))\n"
                + (fingerprints.isEmpty ? Markdown.empty : Markers.bodyFingerprints(fingerprints) + "\n"))
    }

    /// `**5 findings** · 3 inline · model `gpt-4.1-mini` · 2 requests · 9,000 → 700 tokens · $0.0045`.
    static func statsLine(_ report: RunReport) -> Markdown {
        var parts: [Markdown] = [
            "**\(report.placement.posted.count) finding(s)**", "\(report.placement.inline.count) inline",
        ]
        if !report.placement.belowMinSeverity.isEmpty {
            parts.append("\(report.placement.belowMinSeverity.count) below `min-severity`")
        }
        if !report.placement.alreadyPosted.isEmpty {
            parts.append("\(report.placement.alreadyPosted.count) already posted earlier")
        }
        if !report.placement.unverified.isEmpty {
            parts.append("\(report.placement.unverified.count) held back (cited code not found)")
        }
        parts.append("model \(code: report.model)")
        parts.append("\(report.outcomes.count + report.summaryRequests) request(s)")
        parts.append("\(count: report.usage.promptTokens) → \(count: report.usage.completionTokens) tokens")
        if let cost = report.costUSD { parts.append("≈ \(dollars: cost)") }
        return parts.joined(separator: " · ")
    }

    /// Joins the parts, cutting sections at line boundaries with a note when over the limit.
    package static func fit(head: Markdown, sections: [Markdown], tail: Markdown) -> Markdown {
        let note: Markdown = "\n\n_…cut to fit GitHub's size limit; the job summary lists everything._\n"
        var body = head
        let room = characterLimit - tail.count - note.count - 64
        for section in sections {
            if body.count + section.count <= room {
                body += section
                continue
            }
            for line in section.lines() {
                guard body.count + line.count + 1 <= room else { break }
                body += line + "\n"
            }
            body += note
            break
        }
        if body.count > room { body = body.prefix(lines: room) + note }
        return body + tail
    }
}
