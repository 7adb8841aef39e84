/// A `Link: rel="next"` that points away from the API's origin: the page is not requested, so the token is never
/// sent there. A listing that cannot be completed fails rather than being used half-read.
package struct ForeignPageLink: Error, Equatable, CustomStringConvertible {
    /// What was attempted, e.g. `list files of o/r#1`.
    package var operation: String
    /// Where the link led; `nil` for a URL without a scheme or host. Never the whole URL: it is the server's text.
    package var linkOrigin: Origin?
    /// The API's origin, from `GITHUB_API_URL`.
    package var apiOrigin: Origin?

    package var description: String {
        let target = linkOrigin.map { "\($0)" } ?? "a URL without a host"
        let home = apiOrigin.map { "\($0)" } ?? "the API"
        return
            "GitHub \(operation): the next page is on \(target), not on \(home); it was not requested, so the token stays with GitHub"
    }
}
