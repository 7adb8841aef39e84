/// Why a patch could not be parsed.
package enum DiffParseError: Error, Equatable, CustomStringConvertible {
    /// A `@@` header that is not `@@ -a[,b] +c[,d] @@`.
    case badHunkHeader(line: Int, text: String)
    /// A line inside a hunk that starts with none of ` `, `+`, `-`, `\`.
    case unexpectedLine(line: Int, text: String)
    /// Hunk content before any `@@` header.
    case contentBeforeHunk(line: Int)

    package var description: String {
        switch self {
        case .badHunkHeader(let line, let text): "line \(line): malformed hunk header \"\(text.prefix(80))\""
        case .unexpectedLine(let line, let text): "line \(line): unexpected line in hunk \"\(text.prefix(80))\""
        case .contentBeforeHunk(let line): "line \(line): diff content before the first @@ header"
        }
    }
}
