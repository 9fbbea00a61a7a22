import Foundation
import Testing
@testable import IntrayCore

/// The question on its own: an answer in, what the app must do out.
@Suite struct ConfirmationTests {
    let plan = TriagePlan(.delete, ids: ["1", "2"], count: 2)

    @Test func yesCarriesOutThePlanAskedAbout() {
        #expect(Confirmation(subject: .delete(plan), question: "Delete?").reduce(.answeredYes) == .confirmed(plan))
        #expect(Confirmation(subject: .bulk(plan), question: "Delete 2?").reduce(.answeredYes) == .confirmed(plan))
    }

    @Test func noDeclinesAndSaysWhatWasAsked() {
        #expect(Confirmation(subject: .delete(plan), question: "Delete?").reduce(.answeredNo) == .declined(.delete(plan)))
        #expect(Confirmation(subject: .bulk(plan), question: "Delete 2?").reduce(.answeredNo) == .declined(.bulk(plan)))
    }
}
