package import ProbotCore
import Yams

/// Parses and validates `.github/chatgpt-probot.yml`: every unknown key, wrong type and bad glob is reported
/// together, each with its line and column.
package enum ConfigFileParser {
    /// The top-level keys, as the published JSON Schema lists them.
    package static let topLevelKeys: Set<String> = [
        "instructions", "path_instructions", "include", "exclude", "min_severity", "language", "examples_file", "skip",
        "review_generated", "agent_instructions",
    ]
    /// The keys of a `path_instructions` entry.
    package static let pathInstructionKeys: Set<String> = ["path", "instructions"]
    /// The keys of `skip`.
    package static let skipKeys: Set<String> = ["labels", "title_keywords", "authors"]

    /// The configuration in `text`; an empty file is an empty configuration.
    /// - Throws: ``ConfigError`` with every problem found.
    package static func parse(_ text: String, path: String) throws(ConfigError) -> RepositoryConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(path: path, problems: [syntaxProblem(error)])
        } catch {
            throw ConfigError(path: path, problems: [ConfigProblem(line: 1, column: 1, "not valid YAML: \(error)")])
        }
        var reader = Reader()
        let config = reader.config(root)
        guard reader.problems.isEmpty else { throw ConfigError(path: path, problems: reader.problems) }
        return config
    }

    /// Where the value of the top-level `key` starts in `text` (1-based), for problems found after parsing;
    /// `nil` when the text is no mapping or lacks the key.
    package static func position(ofValueOf key: String, in text: String) -> (line: Int, column: Int)? {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return nil }
        for (keyNode, value) in mapping where keyNode.string == key {
            return value.mark.map { ($0.line, $0.column) }
        }
        return nil
    }

    private static func syntaxProblem(_ error: YamlError) -> ConfigProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigProblem(line: mark.line, column: mark.column, "not valid YAML: \(problem)")
        default:
            return ConfigProblem(line: 1, column: 1, "not valid YAML: \(error)")
        }
    }

    /// Walks the node tree, collecting problems instead of stopping at the first.
    private struct Reader {
        var problems: [ConfigProblem] = []

        mutating func report(
            _ node: Node?, _ message: String, key: String? = nil, pathError: WorkspacePathError? = nil
        ) {
            problems.append(
                ConfigProblem(
                    line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message, key: key,
                    pathError: pathError))
        }

        mutating func config(_ root: Node?) -> RepositoryConfig {
            var config = RepositoryConfig()
            guard let root, !isNull(root) else { return config }
            guard case .mapping(let mapping) = root else {
                report(root, "the file must be a mapping of keys (instructions, path_instructions, include, …)")
                return config
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                switch key {
                case "instructions": config.instructions = string(value, key)
                case "path_instructions": config.pathInstructions = pathInstructions(value)
                case "include": config.include = globs(value, key)
                case "exclude": config.exclude = globs(value, key)
                case "min_severity":
                    if let text = string(value, key) {
                        if let severity = Severity(rawValue: text.lowercased()) {
                            config.minSeverity = severity
                        } else {
                            report(value, "`min_severity` must be one of critical, major, minor, nit (got \"\(text)\")")
                        }
                    }
                case "language": config.language = string(value, key)
                case "examples_file": config.examplesFile = repositoryPath(value, key)
                case "skip": config.skip = skip(value)
                case "review_generated": config.reviewGenerated = bool(value, key)
                case "agent_instructions": config.agentInstructions = bool(value, key)
                default: unknown(keyNode, key, allowed: ConfigFileParser.topLevelKeys)
                }
            }
            return config
        }

        mutating func unknown(_ node: Node, _ key: String, allowed: Set<String>, in parent: String? = nil) {
            let place = parent.map { " in `\($0)`" } ?? ""
            report(node, "unknown key `\(key)`\(place); known keys: \(allowed.sorted().joined(separator: ", "))")
        }

        func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        mutating func string(_ node: Node, _ key: String) -> String? {
            guard case .scalar(let scalar) = node, !isNull(node) else {
                report(node, "`\(key)` must be a string")
                return nil
            }
            return scalar.string
        }

        /// A YAML boolean (`true`/`false`, any case, unquoted).
        mutating func bool(_ node: Node, _ key: String) -> Bool? {
            if case .scalar(let scalar) = node, scalar.style == .plain {
                switch scalar.string.lowercased() {
                case "true": return true
                case "false": return false
                default: break
                }
            }
            report(node, "`\(key)` must be true or false")
            return nil
        }

        /// A string naming a file in the repository: relative, without `..`.
        mutating func repositoryPath(_ node: Node, _ key: String) -> String? {
            guard let path = string(node, key) else { return nil }
            do throws(WorkspacePathError) {
                try WorkspacePath.validate(path)
                return path
            } catch {
                report(node, "`\(key)` \(error)", key: key, pathError: error)
                return nil
            }
        }

        mutating func strings(_ node: Node, _ key: String) -> [String]? {
            guard case .sequence(let sequence) = node else {
                report(node, "`\(key)` must be a list of strings")
                return nil
            }
            return sequence.compactMap { string($0, "each entry of `\(key)`") }
        }

        mutating func globs(_ node: Node, _ key: String) -> [String]? {
            guard case .sequence(let sequence) = node else {
                report(node, "`\(key)` must be a list of glob patterns")
                return nil
            }
            return sequence.compactMap { item in
                guard let pattern = string(item, "each entry of `\(key)`") else { return nil }
                return glob(pattern, at: item) ? pattern : nil
            }
        }

        /// Whether `pattern` is a glob this action understands (`*`, `?`, `**`; no brackets), else a problem.
        mutating func glob(_ pattern: String, at node: Node) -> Bool {
            if pattern.trimmingWhitespace().isEmpty {
                report(node, "a glob pattern must not be empty")
                return false
            }
            if pattern.contains("[") || pattern.contains("]") || pattern.contains("{") {
                report(
                    node,
                    "glob pattern \"\(pattern)\" uses brackets or braces, which are not supported; use * ? and ** only")
                return false
            }
            return true
        }

        mutating func pathInstructions(_ node: Node) -> [PathInstruction] {
            guard case .sequence(let sequence) = node else {
                report(node, "`path_instructions` must be a list of `{path, instructions}` entries")
                return []
            }
            var result: [PathInstruction] = []
            for item in sequence {
                guard case .mapping(let mapping) = item else {
                    report(item, "each `path_instructions` entry must be a mapping with `path` and `instructions`")
                    continue
                }
                var path: String?
                var instructions: String?
                for (keyNode, value) in mapping {
                    let key = keyNode.string ?? ""
                    switch key {
                    case "path":
                        if let pattern = string(value, "path"), glob(pattern, at: value) { path = pattern }
                    case "instructions": instructions = string(value, "instructions")
                    default:
                        unknown(keyNode, key, allowed: ConfigFileParser.pathInstructionKeys, in: "path_instructions")
                    }
                }
                if mapping["path"] == nil { report(item, "a `path_instructions` entry needs `path`") }
                if mapping["instructions"] == nil { report(item, "a `path_instructions` entry needs `instructions`") }
                if let path, let instructions { result.append(PathInstruction(path: path, instructions: instructions)) }
            }
            return result
        }

        mutating func skip(_ node: Node) -> SkipRules {
            guard case .mapping(let mapping) = node else {
                report(node, "`skip` must be a mapping with labels, title_keywords and authors")
                return SkipRules()
            }
            var rules = SkipRules()
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                switch key {
                case "labels": rules.labels = strings(value, "skip.labels") ?? []
                case "title_keywords": rules.titleKeywords = strings(value, "skip.title_keywords") ?? []
                case "authors": rules.authors = strings(value, "skip.authors") ?? []
                default: unknown(keyNode, key, allowed: ConfigFileParser.skipKeys, in: "skip")
                }
            }
            return rules
        }
    }
}
