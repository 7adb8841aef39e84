import Foundation

/// Follows HTTP redirects by hand, so credentials never leave the origin they were made for.
///
/// Foundation's automatic redirects copy every header to the new URL, whatever its host (FoundationNetworking on
/// Linux forwards `Authorization` and `api-key` to another host). ``URLSessionTransport`` refuses them and asks
/// this type what to send next:
/// - to the same origin (scheme, host, port), the request goes on as it was;
/// - to another origin, every credential header (``TransportRequest/isCredential(_:)``) is removed, and stays
///   removed for the rest of the chain, even if it leads back;
/// - a request that still carries a body (a `POST` answered with 307 or 308) is not sent to another origin at
///   all: the redirect is the answer. So is a redirect to anything but `http` or `https`.
package enum HTTPRedirect {
    /// The statuses that redirect (with a `Location`).
    package static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Redirects followed for one request at most (Foundation's and browsers' limit).
    package static let limit = 20

    /// The request to send after `response` to `request`, or `nil` when the response is the answer: not a
    /// redirect, no usable `Location`, or a destination this request may not go to.
    package static func next(after response: TransportResponse, to request: TransportRequest) -> TransportRequest? {
        guard statuses.contains(response.status), let location = response.header("location"),
            let target = URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: request.url)?
                .absoluteURL,
            let from = Origin(request.url), let to = Origin(target), to.isHTTP
        else { return nil }
        var next = request
        next.url = target
        // RFC 9110 §15.4: 303 becomes GET; so do 301 and 302 after a POST, as every client does.
        if response.status == 303 && request.method != "HEAD"
            || [301, 302].contains(response.status) && request.method == "POST"
        {
            next.method = "GET"
            next.body = nil
            next.headers = next.headers.filter { !["content-type", "content-length"].contains($0.key.lowercased()) }
        }
        guard from != to else { return next }
        guard next.body == nil else { return nil }
        next.headers = next.headers.filter { !request.isCredential($0.key) }
        return next
    }
}
