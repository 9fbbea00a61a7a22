import Foundation

/// A deal (or budget) an email can be attached to.
public struct Deal: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var number: String?
    public var companyID: String?
    public var companyName: String?

    public init(id: String, name: String, number: String? = nil, companyID: String? = nil, companyName: String? = nil) {
        self.id = id
        self.name = name
        self.number = number
        self.companyID = companyID
        self.companyName = companyName
    }
}

/// `filter[stage_status_id]` of `GET /deals`.
public enum DealStageStatus: Int, Sendable, Hashable {
    case open = 1
    case won = 2
    case lost = 3
}

/// What to ask `GET /deals` for.
public struct DealQuery: Sendable, Hashable {
    /// `filter[query]`: free text; nil or empty means no text filter.
    public var text: String?
    public var stageStatus: DealStageStatus?
    public var pageSize: Int

    public init(text: String? = nil, stageStatus: DealStageStatus? = .open, pageSize: Int = 50) {
        self.text = text
        self.stageStatus = stageStatus
        self.pageSize = pageSize
    }
}
