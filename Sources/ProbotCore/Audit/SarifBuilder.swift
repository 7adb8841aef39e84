/// Builds a SARIF 2.1.0 log of audit findings, as `github/codeql-action/upload-sarif` accepts it.
package enum SarifBuilder {
    /// The SARIF schema this log follows.
    package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// `error` for critical and major, `warning` for minor, `note` for nits.
    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .major: "error"
        case .minor: "warning"
        case .nit: "note"
        }
    }

    /// The log. Findings without a location are left out (code scanning needs one); the job summary lists them.
    package static func make(_ report: AuditReport, toolVersion: String) -> JSONValue {
        var rules: [String: JSONValue] = [:]
        var results: [JSONValue] = []
        for item in report.findings where item.unlocated == nil {
            let finding = item.finding
            let ruleID = "chatgpt-probot/" + ruleSlug(finding.title)
            rules[ruleID] = rule(ruleID, finding)
            results.append(result(ruleID, finding))
        }
        var run: [String: JSONValue] = [
            "tool": .object([
                "driver": .object([
                    "name": .string("ChatGPT Probot"),
                    "version": .string(toolVersion),
                    "informationUri": .string("https://github.com/\(report.repository)"),
                    "rules": .array(rules.keys.sorted().compactMap { rules[$0] }),
                ])
            ]),
            "results": .array(results),
        ]
        if let shard = report.shard {
            run["automationDetails"] = .object(["id": .string("chatgpt-probot/shard-\(shard.index)-of-\(shard.count)/")]
            )
        }
        return .object([
            "$schema": .string(schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ])
    }

    /// The rule a finding's title names.
    private static func rule(_ ruleID: String, _ finding: Finding) -> JSONValue {
        .object([
            "id": .string(ruleID),
            "name": .string(ruleSlug(finding.title)),
            "shortDescription": .object(["text": .string(finding.title)]),
            "defaultConfiguration": .object(["level": .string(level(finding.severity))]),
            "properties": .object(["tags": .array([.string("chatgpt-probot"), .string(finding.severity.rawValue)])]),
        ])
    }

    /// One result: the finding's message, location and fingerprint.
    private static func result(_ ruleID: String, _ finding: Finding) -> JSONValue {
        var region: [String: JSONValue] = ["startLine": .number(Double(finding.startLine ?? finding.line))]
        if let start = finding.startLine, start < finding.line { region["endLine"] = .number(Double(finding.line)) }
        let text = finding.title + (finding.body.isEmpty ? "" : ": " + finding.body)
        return .object([
            "ruleId": .string(ruleID),
            "level": .string(level(finding.severity)),
            "message": .object(["text": .string(text)]),
            "locations": .array([
                .object([
                    "physicalLocation": .object([
                        "artifactLocation": .object([
                            "uri": .string(finding.path), "uriBaseId": .string("%SRCROOT%"),
                        ]),
                        "region": .object(region),
                    ])
                ])
            ]),
            "partialFingerprints": .object([
                "chatgptProbot/v1": .string(
                    Fingerprint.make(path: finding.path, anchor: "line \(finding.line)", title: finding.title))
            ]),
        ])
    }

    /// `sql-injection` from `SQL injection!`.
    static func ruleSlug(_ title: String) -> String {
        let slug = Fingerprint.normaliseTitle(title).split(separator: " ").prefix(6).joined(separator: "-")
        return slug.isEmpty ? "finding" : slug
    }
}
