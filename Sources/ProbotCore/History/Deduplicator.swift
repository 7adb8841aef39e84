/// Gives every placed finding its fingerprint and sets aside those an earlier run already posted.
///
/// Matching counts occurrences: if an earlier run posted a fingerprint twice, the first two new findings with it
/// are set aside and a third is posted. Two identical findings on two identical lines are two findings.
package enum Deduplicator {
    /// `placement` with fingerprints assigned and what `prior` already holds set aside.
    package static func applied(to placement: PlacementResult, files: [FileDiff], prior: PriorReviews)
        -> PlacementResult
    {
        var result = placement
        apply(&result, files: files, prior: prior)
        return result
    }

    /// Assigns fingerprints in `placement` and removes what `prior` already holds.
    package static func apply(_ placement: inout PlacementResult, files: [FileDiff], prior: PriorReviews) {
        var lines: [String: CommentableLines] = [:]
        for file in files { lines[file.path] = CommentableLines(hunks: file.hunks) }
        var inlineBudget = prior.inlineFingerprints
        var bodyBudget = prior.bodyFingerprints

        var keptInline: [InlineComment] = []
        for var comment in placement.inline {
            let anchor = lines[comment.path]?.content(line: comment.line, side: comment.side) ?? ""
            comment.fingerprint = Fingerprint.make(path: comment.path, anchor: anchor, title: comment.finding.title)
            if let left = inlineBudget[comment.fingerprint], left > 0 {
                inlineBudget[comment.fingerprint] = left - 1
                placement.alreadyPosted.append(comment.finding)
                placement.alreadyPostedFingerprints.append(comment.fingerprint)
            } else {
                keptInline.append(comment)
            }
        }
        var keptBody: [BodyFinding] = []
        for var item in placement.body {
            // Off-diff findings have no line text to anchor to; their line number stands in.
            let anchor =
                lines[item.finding.path]?.content(line: item.finding.line, side: item.finding.side)
                ?? "line \(item.finding.line)"
            item.fingerprint = Fingerprint.make(path: item.finding.path, anchor: anchor, title: item.finding.title)
            // A finding posted inline before and now in the body (or the reverse) is still the same finding.
            if let left = bodyBudget[item.fingerprint], left > 0 {
                bodyBudget[item.fingerprint] = left - 1
                placement.alreadyPosted.append(item.finding)
                placement.alreadyPostedFingerprints.append(item.fingerprint)
            } else if let left = inlineBudget[item.fingerprint], left > 0 {
                inlineBudget[item.fingerprint] = left - 1
                placement.alreadyPosted.append(item.finding)
                placement.alreadyPostedFingerprints.append(item.fingerprint)
            } else {
                keptBody.append(item)
            }
        }
        placement.inline = keptInline
        placement.body = keptBody
    }
}
