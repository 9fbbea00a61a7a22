import Foundation

/// A yes/no question standing between a key and an action that deletes, or that costs many
/// requests: the plan it would carry out. A child of the store: an answer tells the app what
/// to do, and either answer ends the question.
public struct Confirmation: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case delete(TriagePlan)
        /// A plan large enough that its cost in requests is worth a question.
        case bulk(TriagePlan)
    }
    public var subject: Subject
    public var question: String

    public init(subject: Subject, question: String) {
        self.subject = subject
        self.question = question
    }

    /// What the user answered.
    enum Action: Sendable, Equatable {
        case answeredYes
        case answeredNo
    }

    /// What the app must do with the answer.
    enum Outcome: Sendable, Equatable {
        /// Carry out the plan.
        case confirmed(TriagePlan)
        /// Carry out nothing; the subject says what was not done.
        case declined(Subject)
    }

    func reduce(_ action: Action) -> Outcome {
        switch (action, subject) {
        case (.answeredYes, .delete(let plan)), (.answeredYes, .bulk(let plan)): .confirmed(plan)
        case (.answeredNo, _): .declined(subject)
        }
    }
}
