import Testing
@testable import Keymaps

@Suite struct TOMLKeyLocatorTests {
    private func position(_ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(line: line, column: column)
    }

    @Test func findsKeysAndValuesUnderTables() {
        let text = """
            extends = "vim" # comment with "quotes" = "x"
            [ list ]
              "g g"   = "cursor.top"
            'ctrl-x' = 'app.quit'
            j="cursor.down"
            "\\u0041" = "x"
            """
        let found = TOMLKeyLocator.locate(text)
        #expect(found[["extends"]] == LocatedKey(key: position(1, 1), value: position(1, 11)))
        #expect(found[["list"]] == LocatedKey(key: position(2, 3), value: nil))
        #expect(found[["list", "g g"]] == LocatedKey(key: position(3, 3), value: position(3, 13)))
        #expect(found[["list", "ctrl-x"]] == LocatedKey(key: position(4, 1), value: position(4, 12)))
        #expect(found[["list", "j"]] == LocatedKey(key: position(5, 1), value: position(5, 3)))
        #expect(found[["list", "A"]] == LocatedKey(key: position(6, 1), value: position(6, 12)))
    }

    @Test func skipsMultilineStringsAndArrays() {
        let text = """
            note = \"\"\"
            [detail]
            "x" = "not a key"
            \"\"\"
            list = [
              "a", # [picker]
              { k = 1 },
            ]
            [confirm]
            "y" = '''
            z = 1'''
            "n" = "confirm.no"
            """
        let found = TOMLKeyLocator.locate(text)
        #expect(found[["detail"]] == nil)
        #expect(found[["picker"]] == nil)
        #expect(found[["confirm", "z"]] == nil)
        #expect(found[["confirm", "n"]] == LocatedKey(key: position(12, 1), value: position(12, 7)))
    }

    @Test func columnsCountUnicodeScalars() {
        let found = TOMLKeyLocator.locate("[list]\n\"é\" = \"x\"\n\"中\" = \"y\"\n")
        #expect(found[["list", "é"]] == LocatedKey(key: position(2, 1), value: position(2, 7)))
        #expect(found[["list", "中"]] == LocatedKey(key: position(3, 1), value: position(3, 7)))
    }
}
