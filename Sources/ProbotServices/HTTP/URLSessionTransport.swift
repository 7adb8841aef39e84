package import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl on Linux). Redirects are followed.
package struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let defaultTimeout: TimeInterval

    /// Creates a transport; `timeout` applies to requests that set none (Linux's default is only 60 s).
    package init(timeout: TimeInterval = 180) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 4, 600)
        configuration.httpMaximumConnectionsPerHost = 16
        self.session = URLSession(configuration: configuration)
        self.defaultTimeout = timeout
    }

    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout ?? defaultTimeout
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }
}
