/// A deal or budget with its company's name.
struct DealRecord: Sendable, Equatable {
    var id: Int64
    var name: String
    var number: String
    var companyID: Int64
    var companyName: String
    /// 1 open, 2 won, 3 lost.
    var stageStatusID: Int
    /// 1 deal, 2 budget.
    var dealTypeID: Int
    var createdAt: Int64
    var closedAt: Int64?
}
