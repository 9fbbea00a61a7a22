import IntrayCore

/// An API that fails every call: for runner tests whose effects must not reach a server, so
/// an answer can only have come from elsewhere.
struct NoServer: EmailsAPI {
    struct Unused: Error {}
    func emails(_ filter: EmailFilter, page: PageRequest) async throws -> EmailPage { throw Unused() }
    func email(id: String) async throws -> Email { throw Unused() }
    func attach(emailID: String, toDeal dealID: String) async throws -> Email { throw Unused() }
    func dismiss(emailID: String) async throws -> Email { throw Unused() }
    func delete(emailID: String) async throws { throw Unused() }
    func deals(_ query: DealQuery) async throws -> [Deal] { throw Unused() }
}
