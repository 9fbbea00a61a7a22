import MailText
import Testing

@Suite struct ByteSearchTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func findsTheFirstRunAndNothingThatIsNotThere() {
        #expect(ByteSearch.firstIndex(of: bytes("ab"), in: bytes("xaab")) == 2)
        #expect(ByteSearch.firstIndex(of: bytes("abc"), in: bytes("ab")) == nil)
        #expect(ByteSearch.firstIndex(of: [], in: bytes("ab")) == 0)
        #expect(ByteSearch.contains(bytes("none"), in: bytes("display:none")))
        #expect(!ByteSearch.contains(bytes("nonf"), in: bytes("display:none")))
    }

    @Test func replacesEveryRunLeftToRightWithoutOverlap() {
        #expect(ByteSearch.replacing(bytes("aa"), with: bytes("b"), in: bytes("aaaaa")) == bytes("bba"))
        #expect(ByteSearch.replacing(bytes("ab"), with: [], in: bytes("aab")) == bytes("a"))
        #expect(ByteSearch.replacing(bytes("x"), with: bytes("yy"), in: bytes("xax")) == bytes("yyayy"))
        #expect(ByteSearch.replacing([], with: bytes("y"), in: bytes("ab")) == bytes("ab"))
    }
}
