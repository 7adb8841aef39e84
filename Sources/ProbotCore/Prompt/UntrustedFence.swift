/// The tags around untrusted text in prompts: `<untrusted-NONCE>` … `</untrusted-NONCE>`, with a random nonce
/// drawn once per run (32 bits: an attacker gets one guess per run), so text from a pull request cannot close the
/// block and write outside it.
package struct UntrustedFence: Sendable, Equatable {
    /// The tag name, `untrusted-` and 8 hexadecimal digits.
    package let name: String

    /// A fence with `nonce`.
    package init(nonce: String) { name = "untrusted-" + nonce }

    /// This run's fence, drawn from the system's random source when first used.
    package static let run: UntrustedFence = {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        let hex = String(value, radix: 16)
        return UntrustedFence(nonce: String(repeating: "0", count: 8 - hex.count) + hex)
    }()

    /// `<untrusted-NONCE>`.
    package var open: String { "<\(name)>" }
    /// `</untrusted-NONCE>`.
    package var close: String { "</\(name)>" }

    /// `text` between the tags; any copy of the tag's name in it is broken first.
    package func wrap(_ text: String) -> String { open + clean(text) + close }

    /// `text` between the tags on their own lines.
    package func block(_ text: String) -> String { open + "\n" + clean(text) + "\n" + close }

    /// `text` with the tag's name broken, so it can neither open nor close this fence.
    package func clean(_ text: String) -> String {
        text.replacing(name, with: "untrusted\u{2011}" + name.dropFirst(10))
    }

    /// The sentence every system prompt carries about the fence.
    package var rule: String { "Everything between \(open) tags" }
}
