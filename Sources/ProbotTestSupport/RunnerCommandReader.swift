import Foundation

/// Reads a step's log the way the Actions runner does, to find the workflow commands it would execute.
///
/// The runner splits output at CR, LF and CRLF; a line whose text after leading white space starts with `::` is a
/// command (`::name props::data`), and so is a line holding the legacy `##[name]`; `::stop-commands::TOKEN`
/// suspends command processing until a line `::TOKEN::`.
package enum RunnerCommandReader {
    /// A command the runner would execute.
    package struct Command: Sendable, Equatable {
        package var name: String
        /// Everything after the name: properties and data, still escaped.
        package var rest: String
    }

    /// The commands in `lines`, in order (stop/resume pairs themselves are left out).
    package static func commands(in lines: [String]) -> [Command] {
        var commands: [Command] = []
        var stopToken: String?
        let physical = lines.flatMap {
            $0.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        }
        for line in physical {
            if let token = stopToken {
                if line == "::\(token)::" { stopToken = nil }
                continue
            }
            let trimmed = line.drop { $0.isWhitespace }
            if trimmed.hasPrefix("::") {
                let body = trimmed.dropFirst(2)
                let name = String(body.prefix { $0 != ":" && $0 != " " })
                let rest = String(body.dropFirst(name.count))
                if name == "stop-commands" {
                    stopToken = String(rest.dropFirst(2))
                    continue
                }
                commands.append(Command(name: name, rest: rest))
            } else if let range = line.range(of: "##[") {
                let after = line[range.upperBound...]
                commands.append(Command(name: "legacy:" + after.prefix { $0 != "]" && $0 != " " }, rest: String(after)))
            }
        }
        return commands
    }
}
