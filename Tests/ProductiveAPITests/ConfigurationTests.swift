import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

@Suite struct ConfigurationTests {
    let token = "pk_live_9f8e7d6c5b4a39281706"

    @Test func defaultsToProductiveOverHTTPS() throws {
        let configuration = try ProductiveConfiguration(token: token, organizationID: "484")
        #expect(configuration.baseURL.absoluteString == "https://api.productive.io/api/v2")
        #expect(configuration.host == "api.productive.io")
        #expect(configuration.maxResponseBytes == 32 * 1024 * 1024)
        #expect(configuration.rateLimits == RateLimit.productive)
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/api/v2", "http://127.8.9.10/api/v2", "http://localhost:3000/api/v2",
        "http://LOCALHOST/api/v2", "http://[::1]:8080/api/v2", "https://productive.example.com/api/v2",
    ])
    func acceptedURLs(url: String) throws {
        _ = try ProductiveConfiguration(baseURL: URL(string: url)!, token: token, organizationID: "1")
    }

    @Test(arguments: [
        "http://api.productive.io/api/v2", "http://128.0.0.1/api/v2", "http://127.0.0.1.evil.com/api/v2",
        "http://localhost.evil.com/api/v2", "http://10.0.0.5/api/v2", "http://[::2]/api/v2", "http://1270.0.0.1/",
    ])
    func plainHTTPToANonLoopbackHostIsRefused(url: String) {
        #expect {
            try ProductiveConfiguration(baseURL: URL(string: url)!, token: token, organizationID: "1")
        } throws: { error in
            guard let error = error as? APIError, error.kind == .insecureURL else { return false }
            return error.message.contains("https://") && error.message.hasSuffix(".")
        }
    }

    @Test(arguments: ["ftp://127.0.0.1/", "file:///tmp/x", "localhost/api/v2"])
    func otherSchemesAreRefused(url: String) {
        #expect(throws: APIError.self) {
            try ProductiveConfiguration(baseURL: URL(string: url)!, token: token, organizationID: "1")
        }
    }

    @Test func descriptionsNeverShowTheToken() throws {
        let configuration = try ProductiveConfiguration(token: token, organizationID: "484")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, configuration.debugDescription, "\(configuration)", String(reflecting: configuration), dumped] {
            #expect(!text.contains(token))
            #expect(!text.contains("9f8e7d6c"))
        }
        #expect(configuration.description.contains("484"))
    }
}
