import Foundation

extension Reducer {
    /// A short pause before fetching the email under the cursor, so holding `j` asks only for
    /// the email it stops on.
    static let detailDebounce: Duration = .milliseconds(30)
    /// Neighbours are fetched ahead only once the cursor rests.
    static let prefetchDebounce: Duration = .milliseconds(150)

    /// After every action: the email under the cursor and its neighbours are fetched whole
    /// when they are not kept yet.
    static func fetchDetails(_ state: inout AppState) -> [Effect] {
        guard !state.isQuitting, !state.layout.isTooSmall, let cursor = state.cursorRow else { return [] }
        state.details.touch(cursor.id)
        let around = [state.cursor, state.cursor + 1, state.cursor - 1].compactMap { state.row(atVisible: $0)?.id }
        let wanted = around.filter { id in
            switch state.details[id] {
            case nil, .loading: true
            case .loaded, .failed: false
            }
        }
        guard !wanted.isEmpty, !Set(wanted).isSubset(of: state.details.loadingIDs) else { return [] }
        let cursorMissing = state.details.email(cursor.id) == nil && wanted.contains(cursor.id)
        let tag = state.details.startFetch(wanted)
        return [.loadDetails(ids: wanted, tag: tag, debounce: cursorMissing ? detailDebounce : prefetchDebounce)]
    }

    static func detailLoaded(id: String, tag: Int, _ result: Result<Email, APIError>, state: inout AppState) {
        switch result {
        case .success(let email): state.details.store(email)
        case .failure(let error): state.details.fail(id, error, tag: tag)
        }
    }
}
