import Foundation
import ProbotServices
import ProbotTestSupport
import Synchronization
import Testing

/// The production transport against loopback servers: cancellation.
struct URLSessionTransportTests {
    /// A server whose one answer waits until the test releases it, and that says when the request arrived.
    struct HeldServer {
        let server: LoopbackServer
        let arrived: AsyncStream<Void>
        let release: AsyncStream<Void>.Continuation

        static func start() async throws -> HeldServer {
            let (arrived, arrival) = AsyncStream.makeStream(of: Void.self)
            let (held, release) = AsyncStream.makeStream(of: Void.self)
            let server = try await LoopbackServer.start { _ in
                arrival.yield()
                for await _ in held {}
                return Reply(status: 200)
            }
            return HeldServer(server: server, arrived: arrived, release: release)
        }

        func stop() async {
            release.finish()
            await server.stop()
        }
    }

    @Test func cancellingARequestInFlightEndsItsWaitAtOnce() async throws {
        let held = try await HeldServer.start()
        let transport = URLSessionTransport(timeout: 30)
        let request = TransportRequest(method: "GET", url: held.server.baseURL.appendingPathComponent("slow"))
        let sending = Task { try await transport.send(request) }
        for await _ in held.arrived { break }
        sending.cancel()
        let result = await withDeadline(.seconds(5)) { await sending.result }
        await held.stop()
        let outcome = try #require(result, "the cancelled request did not end within 5 s")
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test func aTaskCancelledBeforeSendingSendsNothing() async throws {
        let received = Mutex(0)
        let server = try await LoopbackServer.start { _ in
            received.withLock { $0 += 1 }
            return Reply(status: 200)
        }
        let transport = URLSessionTransport(timeout: 30)
        let request = TransportRequest(method: "GET", url: server.baseURL)
        let result = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(request)
        }.result
        await server.stop()
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(received.withLock { $0 } == 0)
    }
}
