package import Foundation

/// Reads typed inputs with @actions/core semantics and gathers every problem instead of stopping at the first.
package struct InputReader {
    private let environment: ActionEnvironment
    /// Problems found so far, in the order the inputs were read.
    package private(set) var problems: [InputProblem] = []

    /// Reads inputs from `environment`.
    package init(environment: ActionEnvironment) {
        self.environment = environment
    }

    /// A trimmed string, or `fallback` when unset.
    package func string(_ name: String, default fallback: String) -> String {
        environment.input(name) ?? fallback
    }

    /// A trimmed string, or `nil` when unset.
    package func optionalString(_ name: String) -> String? {
        environment.input(name)
    }

    /// A boolean in one of GitHub's spellings: `true|True|TRUE|false|False|FALSE`.
    package mutating func bool(_ name: String, default fallback: Bool) -> Bool {
        guard let raw = environment.input(name) else { return fallback }
        switch raw {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            problems.append(InputProblem(input: name, "`\(name)` must be true or false (got \"\(raw)\")"))
            return fallback
        }
    }

    /// A whole number within `range`.
    package mutating func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let raw = environment.input(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            problems.append(
                InputProblem(
                    input: name,
                    "`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \"\(raw)\")")
            )
            return fallback
        }
        return value
    }

    /// One of the values of a `RawRepresentable` enum, matched case-insensitively.
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) -> T
    where T.RawValue == String {
        guard let raw = environment.input(name) else { return fallback }
        guard let value = T.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(InputProblem(input: name, "`\(name)` must be one of \(allowed) (got \"\(raw)\")"))
            return fallback
        }
        return value
    }

    /// An absolute `http` or `https` URL, or `nil` when unset.
    package mutating func optionalURL(_ name: String) -> URL? {
        guard let raw = environment.input(name) else { return nil }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            problems.append(InputProblem(input: name, "`\(name)` must be an http(s) URL (got \"\(raw)\")"))
            return nil
        }
        return url
    }

    /// A non-negative decimal number, or `nil` when unset.
    package mutating func decimal(_ name: String) -> Double? {
        guard let raw = environment.input(name) else { return nil }
        guard let value = Double(raw), value >= 0, value.isFinite else {
            problems.append(InputProblem(input: name, "`\(name)` must be a non-negative number (got \"\(raw)\")"))
            return nil
        }
        return value == 0 ? 0 : value  // not -0
    }

    /// A decimal number from 0 to `limit`, or `nil` when unset.
    package mutating func decimal(_ name: String, atMost limit: Double) -> Double? {
        guard let value = decimal(name) else { return nil }
        guard value <= limit else {
            problems.append(
                InputProblem(input: name, "`\(name)` must be at most \(Format.count(Int(limit))) (got \(value))"))
            return nil
        }
        return value
    }

    /// A price in US dollars per million tokens from 0 to `limit`, or `nil` when unset.
    ///
    /// `1e400`, `inf` and `nan` parse as numbers but are not prices, and a finite price far above any real
    /// model's (`1e308`) turns every cost into infinity; all of them are refused.
    package mutating func price(_ name: String, atMost limit: Double) -> Double? {
        guard let raw = environment.input(name) else { return nil }
        guard let value = Double(raw), value.isFinite, value >= 0, value <= limit else {
            problems.append(
                InputProblem(
                    input: name,
                    "`\(name)` must be a price from 0 to \(Format.count(Int(limit))) US dollars per million tokens (got \"\(raw.prefix(40))\")"
                ))
            return nil
        }
        return value == 0 ? 0 : value
    }

    /// A list split on commas and newlines, entries trimmed, empty entries dropped.
    package func list(_ name: String) -> [String] {
        guard let raw = environment.input(name) else { return [] }
        return raw.split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// Records a problem that a caller found: with one input (`input`), or by combining inputs (`nil`).
    package mutating func report(_ problem: String, input: String? = nil) {
        problems.append(InputProblem(input: input, problem))
    }
}
