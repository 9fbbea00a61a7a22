import Foundation

/// Everything Intray asks of Productive. The app, the scripts and the tests see only this;
/// `ProductiveAPI.HTTPEmailsAPI` is the real implementation.
///
/// Every method throws `APIError` and nothing else.
public protocol EmailsAPI: Sendable {
    /// `GET /emails` with filters and one page.
    func emails(_ filter: EmailFilter, page: PageRequest) async throws -> EmailPage
    /// `GET /emails/{id}`.
    func email(id: String) async throws -> Email
    /// `PATCH /emails/{id}/attach` naming the deal; answers the email as it now is.
    func attach(emailID: String, toDeal dealID: String) async throws -> Email
    /// `PATCH /emails/{id}/dismiss`; answers the email as it now is.
    func dismiss(emailID: String) async throws -> Email
    /// `DELETE /emails/{id}`.
    func delete(emailID: String) async throws
    /// `GET /deals` with `filter[query]` and `filter[stage_status_id]`.
    func deals(_ query: DealQuery) async throws -> [Deal]
}
