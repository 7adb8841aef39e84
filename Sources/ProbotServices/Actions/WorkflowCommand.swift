/// Formats GitHub workflow commands (`::name key=value::message`) with the runner's escaping.
package enum WorkflowCommand {
    /// `%`, `\r`, `\n` escaped, for the message part.
    package static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
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
}
