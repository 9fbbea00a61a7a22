import Testing
@testable import IntrayCore

/// The status bar's sentence on its own: said, moved on from, and kept for the messages overlay.
@Suite struct MessagesTests {
    @Test func aSentenceStandsUntilMovedOnFromAndStaysInTheHistory() {
        var messages = Messages()
        messages.reduce(.said(StatusMessage("Dismissed “Invoice”.", kind: .success)))
        #expect(messages.current?.text == "Dismissed “Invoice”.")
        messages.reduce(.movedOn)
        #expect(messages.current == nil)
        #expect(messages.history.map(\.text) == ["Dismissed “Invoice”."])
    }

    @Test func theSameSentenceSaidAgainIsKeptOnce() {
        var messages = Messages()
        let refreshing = StatusMessage("Refreshing Unresolved…")
        messages.reduce(.said(refreshing))
        messages.reduce(.said(refreshing))
        #expect(messages.history == [refreshing])
        messages.reduce(.movedOn)
        messages.reduce(.said(refreshing))
        #expect(messages.history == [refreshing, refreshing], "said again after the bar moved on, it is news again")
    }

    @Test func theHistoryKeepsTheLastFiftyOldestFirst() {
        var messages = Messages()
        for number in 1...60 { messages.reduce(.said(StatusMessage("Message \(number)"))) }
        #expect(messages.history.count == Messages.limit)
        #expect(messages.history.first?.text == "Message 11" && messages.history.last?.text == "Message 60")
    }
}
