import Foundation
import IntrayCore

/// Turns a response body into values, or into `APIError.Kind.malformed` naming the place
/// (`data[3].attributes.created_at`) — never a raw `DecodingError`.
enum DocumentDecoder {
    /// The emails are read one by one as the reader meets them, never all as JSON at once.
    static func emailPage(_ body: Data, requested: PageRequest) throws(APIError) -> EmailPage {
        var emails: [Email] = []
        let document: JSONValue
        do {
            document = try JSONReader.read(body, streaming: "data") { item in
                emails.append(try EmailDocuments.email(item, at: "data[\(emails.count)]"))
            }
        } catch let failure as JSONReader.Failure {
            throw notJSON(failure)
        } catch let error as EmailDocuments.Malformed {
            throw malformed(error)
        } catch {
            throw malformed(EmailDocuments.Malformed(location: "the body", reason: String(describing: error)))
        }
        do {
            return try EmailDocuments.page(document, emails: emails, requested: requested)
        } catch {
            throw malformed(error)
        }
    }

    static func email(_ body: Data) throws(APIError) -> Email {
        let document = try json(body)
        do {
            return try EmailDocuments.email(document)
        } catch {
            throw malformed(error)
        }
    }

    /// The body as JSON, read by `JSONReader`.
    private static func json(_ body: Data) throws(APIError) -> JSONValue {
        do {
            return try JSONReader.read(body)
        } catch {
            throw notJSON(error)
        }
    }

    private static func notJSON(_ failure: JSONReader.Failure) -> APIError {
        APIError(
            .malformed(location: "the body (not JSON)"),
            message: "Productive's answer could not be read (at the body (not JSON)).",
            detail: "\(failure.reason) at byte \(failure.offset)"
        )
    }

    private static func malformed(_ error: EmailDocuments.Malformed) -> APIError {
        APIError(
            .malformed(location: error.location),
            message: "Productive's answer could not be read (at \(error.location)).",
            detail: error.reason
        )
    }

    static func deals(_ body: Data) throws(APIError) -> [Deal] {
        let document = try json(body)
        do {
            return try DealDocuments.deals(document)
        } catch {
            throw malformed(error)
        }
    }
}
