/// Formats GitHub workflow commands (`::name key=value::message`) with the runner's escaping.
package enum WorkflowCommand {
    /// `%`, `\r`, `\n` escaped, for the message part. Works on scalars: `"\r\n"` is one `Character`.
    package static func escapeData(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out.append(contentsOf: "%25".unicodeScalars)
            case "\r": out.append(contentsOf: "%0D".unicodeScalars)
            case "\n": out.append(contentsOf: "%0A".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Data escaping plus `:` and `,`, for property values.
    package static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }

    /// One command line.
    package static func format(_ name: String, properties: [(String, String)] = [], message: String) -> String {
        var line = "::\(name)"
        if !properties.isEmpty {
            line += " " + properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        }
        return line + "::" + escapeData(message)
    }

    /// Whether the runner could read a line of `text` as a command: a line that starts with `::` after leading
    /// white space, or holds the legacy `##[` prefix anywhere. The runner splits lines at CR, LF and CRLF.
    package static func couldBeCommand(_ text: String) -> Bool {
        text.unicodeScalars.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).contains { line in
            let trimmed = String(String.UnicodeScalarView(line)).drop { $0.isWhitespace }
            return trimmed.hasPrefix("::") || trimmed.contains("##[")
        }
    }
}
