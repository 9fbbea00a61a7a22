import Foundation
import Testing
@testable import IntrayCore

/// The selection on its own: what the user chose, with the ids the app hands it, in; what
/// it holds and what the app must say or count out.
@Suite struct SelectionTests {
    @Test func toggledEmailsComeAndGo() {
        var selection = Selection()
        #expect(selection.reduce(.toggled("3")) == [])
        _ = selection.reduce(.toggled("1"))
        _ = selection.reduce(.toggled("3"))
        #expect(selection.ids == ["1"])
    }

    @Test func choosingAllOrTheSuggestedReplacesTheSelection() {
        var selection = Selection()
        _ = selection.reduce(.toggled("9"))
        #expect(selection.reduce(.suggestedChosen(["3", "1"])) == [.selectedSuggested(count: 2)])
        #expect(selection.ids == ["3", "1"])
        #expect(selection.reduce(.allChosen(["3", "2", "1"])) == [.selectedAll(count: 3)])
        #expect(selection.reduce(.suggestedChosen([])) == [.selectedSuggested(count: 0)])
        #expect(selection.ids.isEmpty)
    }

    @Test func whileTheTabIsListedAnewTheSelectionMayNameWhatItNoLongerHolds() {
        var selection = Selection()
        _ = selection.reduce(.listingRestarted)
        #expect(!selection.mayNameUnlisted, "nothing selected, nothing to doubt")
        _ = selection.reduce(.allChosen(["3", "2", "1"]))
        _ = selection.reduce(.listingRestarted)
        #expect(selection.mayNameUnlisted)
        _ = selection.reduce(.listingEnded(stillListed: ["3", "1"]))
        #expect(selection.ids == ["3", "1"] && !selection.mayNameUnlisted)
        _ = selection.reduce(.listingRestarted)
        _ = selection.reduce(.allChosen(["3"]))
        #expect(!selection.mayNameUnlisted, "a selection chosen from what is listed names only that")
    }

    @Test func invertingSelectsWhatWasListedAndNotSelected() {
        var selection = Selection()
        _ = selection.reduce(.toggled("3"))
        #expect(selection.reduce(.inverted(listed: ["3", "2", "1"])) == [.inverted(count: 2)])
        #expect(selection.ids == ["2", "1"])
    }

    @Test func clearingSaysSoButAListReplacedOrEmailsTakenDoNot() {
        var selection = Selection()
        _ = selection.reduce(.allChosen(["3", "2", "1"]))
        #expect(selection.reduce(.emailsTaken(["2"])) == [])
        #expect(selection.ids == ["3", "1"])
        #expect(selection.reduce(.listReplaced) == [])
        #expect(selection.ids.isEmpty)
        _ = selection.reduce(.toggled("3"))
        #expect(selection.reduce(.cleared) == [.cleared])
        #expect(selection == Selection())
    }

    @Test func aPatternAsksToBeCountedAsItIsTypedAndAddsItsMatchesOnEnter() {
        var selection = Selection()
        _ = selection.reduce(.toggled("3"))
        #expect(selection.reduce(.patternOpened) == [])
        #expect(selection.pattern == SelectionPattern())
        #expect(selection.reduce(.patternTyped("invoice")) == [.countMatches(pattern: "invoice")])
        _ = selection.reduce(.patternCounted(matches: 2))
        #expect(selection.pattern == SelectionPattern(text: "invoice", matchCount: 2))
        #expect(selection.reduce(.patternErased) == [.countMatches(pattern: "invoic")])
        #expect(selection.reduce(.patternSubmitted(matching: ["3", "1"])) == [.addedMatches(added: 1, pattern: "invoic", matchedAny: true, count: 2)])
        #expect(selection.pattern == nil && selection.ids == ["3", "1"])
    }

    @Test func erasingAnEmptyPatternCountsNothing() {
        var selection = Selection()
        _ = selection.reduce(.patternOpened)
        #expect(selection.reduce(.patternErased) == [])
    }

    @Test func aPatternThatMatchesNothingSaysSoAndCancellingSelectsNothing() {
        var selection = Selection()
        _ = selection.reduce(.patternOpened)
        _ = selection.reduce(.patternTyped("zzz"))
        #expect(selection.reduce(.patternSubmitted(matching: [])) == [.addedMatches(added: 0, pattern: "zzz", matchedAny: false, count: 0)])
        _ = selection.reduce(.patternOpened)
        _ = selection.reduce(.patternTyped("quote"))
        #expect(selection.reduce(.patternCancelled) == [])
        #expect(selection == Selection())
    }
}
