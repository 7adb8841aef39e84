package import Foundation

/// Parses RFC 8288 `Link` headers as GitHub sends them for pagination.
package enum LinkHeader {
    /// The URL with `rel="next"`, if any.
    package static func next(_ header: String?) -> URL? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isNext = pieces.dropFirst().contains { piece in
                let compact = piece.replacingOccurrences(of: " ", with: "")
                return compact == "rel=\"next\"" || compact == "rel=next"
            }
            if isNext { return URL(string: String(target.dropFirst().dropLast())) }
        }
        return nil
    }
}
