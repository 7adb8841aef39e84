/// Parses Go-style durations as OpenAI's `x-ratelimit-reset-*` headers send them: `20ms`, `1s`, `6m0s`,
/// `1h2m3.5s` (decimal numbers with units `h`, `m`, `s`, `ms`, `us`/`µs`, `ns`, concatenated).
package enum GoDuration {
    /// The duration, or `nil` when `text` is not Go duration syntax.
    package static func parse(_ text: String) -> Duration? {
        var scalars = Array(text.trimmingWhitespaceScalars().unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        if scalars == ["0"] { return .zero }
        var total = 0.0
        var index = 0
        if scalars[0] == "+" { scalars.removeFirst() }
        while index < scalars.count {
            var number = ""
            while index < scalars.count, scalars[index] == "." || ("0"..."9").contains(scalars[index]) {
                number.unicodeScalars.append(scalars[index])
                index += 1
            }
            var unit = ""
            while index < scalars.count, !(scalars[index] == "." || ("0"..."9").contains(scalars[index])) {
                unit.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard let value = Double(number) else { return nil }
            let seconds: Double
            switch unit {
            case "h": seconds = 3600
            case "m": seconds = 60
            case "s": seconds = 1
            case "ms": seconds = 1e-3
            case "us", "µs", "μs": seconds = 1e-6
            case "ns": seconds = 1e-9
            default: return nil
            }
            total += value * seconds
        }
        return .milliseconds(Int64((total * 1000).rounded(.up)))
    }
}

extension String {
    fileprivate func trimmingWhitespaceScalars() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
