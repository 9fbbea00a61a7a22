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
        let wanted = around.filter(state.details.needsFetch)
        guard !wanted.isEmpty, !wanted.allSatisfy(state.details.loadingIDs.contains) else { return [] }
        let cursorMissing = wanted.contains(cursor.id)
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
