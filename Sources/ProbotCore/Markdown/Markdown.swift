/// Markdown this action posts to GitHub or writes to a job summary.
///
/// It can only be built from this action's own string literals and from outside text passed through a builder
/// (``MarkdownBuilder``, or the labelled interpolations `\(code:)`, `\(text:)`, `\(cell:)`, `\(codeCell:)`,
/// `\(html:)` and `\(model:)`): a raw `String` cannot be interpolated, so nothing written by someone else reaches
/// GitHub unescaped.
package struct Markdown: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The Markdown source.
    package private(set) var rawValue: String

    /// Wraps text a builder has already made safe.
    init(escaped: String) { rawValue = escaped }

    /// This action's own template text.
    package init(stringLiteral value: StaticString) { rawValue = value.description }

    /// This action's own template text with safe pieces interpolated.
    package init(stringInterpolation: Interpolation) { rawValue = stringInterpolation.output }

    /// Nothing.
    package static let empty = Markdown(escaped: "")

    package var description: String { rawValue }
    /// Whether there is no text.
    package var isEmpty: Bool { rawValue.isEmpty }
    /// Length in characters, for GitHub's size limits.
    package var count: Int { rawValue.count }

    /// Both, one after the other.
    package static func + (lhs: Markdown, rhs: Markdown) -> Markdown { Markdown(escaped: lhs.rawValue + rhs.rawValue) }

    /// Appends `rhs`.
    package static func += (lhs: inout Markdown, rhs: Markdown) { lhs.rawValue += rhs.rawValue }

    /// Whether the source contains `text`.
    package func contains(_ text: some StringProtocol) -> Bool { rawValue.contains(text) }
    /// Whether the source ends with `text`.
    package func hasSuffix(_ text: some StringProtocol) -> Bool { rawValue.hasSuffix(text) }
    /// Whether the source starts with `text`.
    package func hasPrefix(_ text: some StringProtocol) -> Bool { rawValue.hasPrefix(text) }

    /// The first `count` characters, cut at a line boundary when one is near (for size limits).
    package func prefix(lines count: Int) -> Markdown {
        guard rawValue.count > count else { return self }
        let head = rawValue.prefix(count)
        let cut = head.lastIndex(of: "\n").map { head[..<$0] } ?? head
        return Markdown(escaped: String(cut))
    }

    /// The lines, each still safe on its own line.
    package func lines() -> [Markdown] {
        rawValue.split(separator: "\n", omittingEmptySubsequences: false).map { Markdown(escaped: String($0)) }
    }

    /// The interpolations a `Markdown` literal accepts.
    package struct Interpolation: StringInterpolationProtocol {
        var output = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        package mutating func appendLiteral(_ literal: StaticString) { output += literal.description }

        /// Markdown built elsewhere.
        package mutating func appendInterpolation(_ markdown: Markdown) { output += markdown.rawValue }

        /// A number, in digits.
        package mutating func appendInterpolation(_ number: some BinaryInteger) { output += String(number) }

        /// Outside text as one inline code span.
        package mutating func appendInterpolation(code: some StringProtocol) {
            output += MarkdownBuilder.code(String(code)).rawValue
        }

        /// Outside text as plain text.
        package mutating func appendInterpolation(text: some StringProtocol) {
            output += MarkdownBuilder.text(String(text)).rawValue
        }

        /// Outside text as plain text in a table cell.
        package mutating func appendInterpolation(cell: some StringProtocol) {
            output += MarkdownBuilder.cell(String(cell)).rawValue
        }

        /// Outside text as inline code in a table cell.
        package mutating func appendInterpolation(codeCell: some StringProtocol) {
            output += MarkdownBuilder.codeCell(String(codeCell)).rawValue
        }

        /// Outside text inside raw HTML (`<summary>…</summary>`), entity-escaped.
        package mutating func appendInterpolation(html: some StringProtocol) {
            output += MarkdownBuilder.html(String(html)).rawValue
        }

        /// Model-written Markdown, cleaned by ``MarkdownSanitizer``.
        package mutating func appendInterpolation(model: String, repository: String? = nil) {
            output += MarkdownBuilder.model(model, repository: repository).rawValue
        }
    }
}

extension Sequence where Element == Markdown {
    /// The pieces with `separator` between them.
    package func joined(separator: Markdown = .empty) -> Markdown {
        Markdown(escaped: map(\.rawValue).joined(separator: separator.rawValue))
    }
}
