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

    /// `0.0123` (four decimals; dollars without a sign, for outputs); empty, like an unknown cost, for an amount
    /// no valid price produces (not finite, negative, or ``largestAmountUSD`` and more), never `inf` or `nan`.
    package static func usd(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < largestAmountUSD else { return "" }
        return String(format: "%.4f", value + 0)  // -0 + 0 is 0: no "-0.0000"
    }

    /// `$0.0123` for text; `an unknown amount` where ``usd(_:)`` prints nothing.
    package static func dollars(_ value: Double) -> String {
        let amount = usd(value)
        return amount.isEmpty ? "an unknown amount" : "$" + amount
    }

    /// Dollar amounts from here on are not a cost a run can have: a trillion dollars.
    package static let largestAmountUSD: Double = 1e12

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

    /// `$0.0123`, or `an unknown amount` for a value no run can cost.
    package mutating func appendInterpolation(dollars: Double) {
        appendInterpolation(MarkdownBuilder.formatted(Format.dollars(dollars)))
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
