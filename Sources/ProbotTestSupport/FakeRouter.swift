/// Routes fake-server requests by method and path pattern, as FlyingFox's `appendRoute` does: `:name` captures
/// one segment, other segments match literally. The first matching route answers.
struct FakeRouter: Sendable {
    /// A handler gets the request and the captured segments by name.
    typealias Handler = @Sendable (ReceivedRequest, [String: String]) -> Reply

    private var routes: [(method: String, pattern: [Substring], handler: Handler)] = []

    /// Adds a route such as `GET /pulls/:number/files`.
    mutating func add(_ route: String, _ handler: @escaping Handler) {
        let parts = route.split(separator: " ", maxSplits: 1)
        routes.append((String(parts[0]), parts[1].split(separator: "/"), handler))
    }

    /// The reply of the first route matching `method` and `segments`, or `nil`.
    func reply(to request: ReceivedRequest, segments: [String]) -> Reply? {
        for route in routes where route.method == request.method && route.pattern.count == segments.count {
            var captures: [String: String] = [:]
            let matches = zip(route.pattern, segments).allSatisfy { pattern, segment in
                if pattern.hasPrefix(":") {
                    captures[String(pattern.dropFirst())] = segment
                    return true
                }
                return pattern == segment
            }
            if matches { return route.handler(request, captures) }
        }
        return nil
    }
}
