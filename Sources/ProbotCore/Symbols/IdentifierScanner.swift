/// Finds the identifiers a line of code uses, for any language: words of letters, digits and `_` outside string
/// literals and line comments, leaving out keywords and names too common to point anywhere.
package enum IdentifierScanner {
    /// Shortest identifier looked up.
    package static let minimumLength = 3

    /// Keywords of common languages and names so common that a declaration of them says nothing.
    package static let common: Set<String> = [
        "func", "let", "var", "return", "if", "else", "guard", "for", "while", "switch", "case", "default", "break",
        "continue", "class", "struct", "enum", "protocol", "extension", "import", "public", "private", "internal",
        "fileprivate", "package", "open", "static", "final", "override", "mutating", "throws", "throw", "try",
        "catch", "async", "await", "self", "Self", "super", "init", "deinit", "nil", "null", "true", "false", "none",
        "None", "True", "False", "def", "fn", "pub", "impl", "use", "mod", "crate", "where", "some", "any", "inout",
        "lazy", "weak", "unowned", "typealias", "associatedtype", "subscript", "operator", "defer", "repeat", "do",
        "new", "delete", "this", "function", "const", "export", "from", "yield", "lambda", "pass", "with", "not",
        "and", "elif", "except", "finally", "raise", "assert", "void", "int", "char", "bool", "float", "double",
        "long", "short", "unsigned", "signed", "auto", "std", "string", "String", "Int", "Bool", "Double", "Float",
        "Array", "Dictionary", "Set", "Optional", "Result", "Error", "Any", "AnyObject", "Void", "Never", "Data",
        "URL", "Date", "print", "value", "values", "result", "error", "count", "name", "data", "index", "text", "line",
        "lines", "key", "keys", "item", "items", "type", "kind", "path", "file", "files", "first", "last", "next",
        "get", "set", "map", "filter", "reduce", "append", "contains", "isEmpty", "description", "id", "node",
        "lhs", "rhs", "other", "body", "content", "context", "state", "range", "size", "length", "start", "end",
        "message", "options", "config", "input", "output", "list", "args", "kwargs", "cls", "err", "ctx", "nonisolated",
        "sending", "consuming", "borrowing", "isolated", "macro", "actor", "indirect", "convenience", "required",
        "dynamic", "test", "expect", "require", "XCTAssertEqual", "Test", "Suite",
    ]

    /// The distinct identifiers `line` uses, in order of first use.
    package static func identifiers(in line: String) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        var word = ""
        var quote: Character?
        var previous: Character = " "
        func flush() {
            if word.count >= minimumLength, !common.contains(word), let first = word.first, !first.isNumber,
                seen.insert(word).inserted
            {
                found.append(word)
            }
            word = ""
        }
        for character in line {
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
                previous = previous == "\\" && character == "\\" ? " " : character
                continue
            }
            if character == "\"" || character == "'" || character == "`" {
                flush()
                quote = character
            } else if character == "/" && previous == "/" {
                word = ""
                break
            } else if character.isASCII && (character.isLetter || character.isNumber || character == "_") {
                word.append(character)
            } else {
                flush()
            }
            previous = character
        }
        if quote == nil { flush() }
        return found
    }
}
