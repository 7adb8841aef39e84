/// Routes fake-server requests by method and path pattern, as FlyingFox's `appendRoute` does: `:name` captures
/// one segment, a last `*name` captures the rest of the path, other segments match literally. The first matching
/// route answers.
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
        for route in routes where route.method == request.method {
            var captures: [String: String] = [:]
            if let last = route.pattern.last, last.hasPrefix("*") {
                let fixed = route.pattern.count - 1
                guard segments.count > fixed, zip(route.pattern.prefix(fixed), segments).allSatisfy({ $0 == $1 })
                else { continue }
                captures[String(last.dropFirst())] = segments.dropFirst(fixed).joined(separator: "/")
                return route.handler(request, captures)
            }
            guard route.pattern.count == segments.count else { continue }
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
