import Foundation

/// Number formatting for reports, independent of the machine's locale.
package enum Format {
    /// `12,345`.
    package static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `0.0123` (four decimals; dollars without a sign, for outputs).
    package static func usd(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    /// `1.2 s` or `340 ms`.
    package static func duration(_ value: Duration) -> String {
        let seconds = Double(value.components.seconds) + Double(value.components.attoseconds) / 1e18
        return seconds >= 1 ? String(format: "%.1f s", seconds) : String(format: "%.0f ms", seconds * 1000)
    }
}

extension Markdown.Interpolation {
    /// A count with thousands separators.
    package mutating func appendInterpolation(count: Int) {
        appendInterpolation(MarkdownBuilder.formatted(Format.count(count)))
    }

    /// Dollars with four decimals, without the sign.
    package mutating func appendInterpolation(usd: Double) {
        appendInterpolation(MarkdownBuilder.formatted(Format.usd(usd)))
    }

    /// `1.2 s` or `340 ms`.
    package mutating func appendInterpolation(duration: Duration) {
        appendInterpolation(MarkdownBuilder.formatted(Format.duration(duration)))
    }
}
