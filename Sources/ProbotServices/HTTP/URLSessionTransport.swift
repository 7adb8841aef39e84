package import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl on Linux).
///
/// Redirects are followed here, not by Foundation (which copies `Authorization` to any host): a session-level
/// delegate refuses them, and ``HTTPRedirect`` decides what to send next, dropping credentials across origins.
/// The delegate is the session's because FoundationNetworking never asks a per-task delegate (the one
/// `data(for:delegate:)` takes) about redirects.
///
/// Cancelling a request ends its wait at once with `CancellationError`; the `URLSessionTask` itself is left to
/// finish or time out on its own, its answer dropped. FoundationNetworking's own cancellation deadlocks or traps
/// when it races the response (see ``Exchange``), so this transport never calls `URLSessionTask.cancel()`.
package struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let defaultTimeout: TimeInterval

    /// Creates a transport; `timeout` applies to requests that set none (Linux's default is only 60 s).
    package init(timeout: TimeInterval = 180) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 4, 600)
        configuration.httpMaximumConnectionsPerHost = 16
        self.session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        self.defaultTimeout = timeout
    }

    /// Sends `request`, following at most ``HTTPRedirect/limit`` redirects.
    /// - Throws: `URLError(.httpTooManyRedirects)` past the limit; `CancellationError` when the task is
    ///   cancelled; Foundation's `URLError` for transport failures.
    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        var current = request
        var redirects = 0
        while true {
            let response = try await exchange(current)
            guard let next = HTTPRedirect.next(after: response, to: current) else { return response }
            redirects += 1
            guard redirects <= HTTPRedirect.limit else { throw URLError(.httpTooManyRedirects) }
            current = next
        }
    }

    /// One request and its response, redirects not followed.
    private func exchange(_ request: TransportRequest) async throws -> TransportResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout ?? defaultTimeout
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let exchange = Exchange()
        let session = self.session
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard exchange.wait(continuation) else { return }
                session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(Self.result(data, response, error))
                }.resume()
            }
        } onCancel: {
            exchange.cancel()
        }
    }

    private static func result(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result<
        TransportResponse, any Error
    > {
        if let error { return .failure(error) }
        guard let http = response as? HTTPURLResponse else { return .failure(URLError(.badServerResponse)) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return .success(TransportResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }
}

/// Refuses every automatic redirect: the 3xx response comes back to ``URLSessionTransport/send(_:)``.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// One request's wait: resumed exactly once, by the response or by cancellation, whichever comes first.
///
/// Why not `URLSession.data(for:)`: in FoundationNetworking (Swift 6.3.1) its cancellation handler calls
/// `URLSessionTask.cancel()`, which does `workQueue.sync` while the Swift runtime holds the cancelled task's
/// status lock, and the work queue resumes the continuation inline, which needs that same lock: a lock-order
/// inversion that hangs the process (swift-corelibs-foundation#5412). When the cancel loses the race instead,
/// its queued failure reaches a task already removed from the session's registry and traps ("Trying to access a
/// behaviour for a task that in not in the registry", SIGILL). Both happen when `async let` reads are cancelled
/// as their responses arrive. Here the cancellation handler touches only this lock, and every continuation is
/// resumed outside it.
private final class Exchange: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<TransportResponse, any Error>)
        case done
    }

    private let state = Mutex(State.idle)

    /// Installs the waiter; `false` (with the waiter resumed) when the task was cancelled before it started.
    func wait(_ continuation: CheckedContinuation<TransportResponse, any Error>) -> Bool {
        let cancelled = state.withLock { state in
            guard case .idle = state else { return true }
            state = .waiting(continuation)
            return false
        }
        if cancelled { continuation.resume(throwing: CancellationError()) }
        return !cancelled
    }

    /// The response (or transport error) arrived.
    func finish(_ result: Result<TransportResponse, any Error>) {
        take()?.resume(with: result)
    }

    /// The task was cancelled: stop waiting now.
    func cancel() {
        take()?.resume(throwing: CancellationError())
    }

    private func take() -> CheckedContinuation<TransportResponse, any Error>? {
        state.withLock { state in
            defer { state = .done }
            guard case .waiting(let continuation) = state else { return nil }
            return continuation
        }
    }
}
