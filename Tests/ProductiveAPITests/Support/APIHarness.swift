import Foundation
import IntrayCore
@testable import ProductiveAPI

let testToken = "tok_test_5f3c2a19e8d74b60"
let testOrganization = "484"

/// Runs `body` with an `HTTPEmailsAPI` against `url` that has its own pacer, then shuts it down.
func withAPI<T: Sendable>(
    _ url: URL,
    retry: RetryPolicy = .never,
    clock: APIClock = .continuous,
    timeout: Duration = .seconds(10),
    connectTimeout: Duration = .seconds(2),
    maxResponseBytes: Int = 32 * 1024 * 1024,
    limits: [RateLimit] = RateLimit.productive,
    token: String = testToken,
    organizationID: String = testOrganization,
    _ body: (HTTPEmailsAPI) async throws -> T
) async throws -> T {
    let configuration = try ProductiveConfiguration(
        baseURL: url, token: token, organizationID: organizationID, timeout: timeout,
        connectTimeout: connectTimeout, maxResponseBytes: maxResponseBytes, retry: retry, rateLimits: limits
    )
    let api = HTTPEmailsAPI(
        configuration: configuration,
        pacer: RequestPacer(limits: limits, clock: clock),
        clock: clock,
        random: { 0.5 }
    )
    do {
        let result = try await body(api)
        try await api.shutdown()
        return result
    } catch {
        try await api.shutdown()
        throw error
    }
}

/// The `APIError` a call threw; nil (and an issue) when it threw something else or nothing.
func apiError(_ call: () async throws -> some Any) async -> APIError? {
    do {
        _ = try await call()
        return nil
    } catch let error as APIError {
        return error
    } catch {
        return nil
    }
}

/// A list document of `count` emails numbered from `first`.
func emailList(count: Int, first: Int = 1, page: Int = 1, totalPages: Int = 1, pageSize: Int = 30) -> String {
    let items = (0..<count).map { index in
        #"{"id":"\#(first + index)","type":"emails","attributes":{"subject":"Subject \#(first + index)","created_at":"2025-07-24T06:05:41.287+02:00","from":"Ana <ana@example.com>"}}"#
    }
    return #"{"data":[\#(items.joined(separator: ","))],"meta":{"current_page":\#(page),"total_pages":\#(totalPages),"total_count":\#(totalPages * pageSize),"page_size":\#(pageSize),"max_page_size":200}}"#
}
