/// The email ids an action works on: from the arguments, and where an argument is `-`,
/// from stdin (words separated by spaces or lines, so `jq -r .id` output works as is).
public enum EmailIDs {
    /// The ids in order, each once. No arguments at all is a usage error; `-` with empty
    /// stdin is an empty list (a pipeline that matched nothing has nothing to do).
    public static func read(_ arguments: [String], stdin: () -> String) throws(ScriptFailure) -> [String] {
        guard !arguments.isEmpty else {
            throw ScriptFailure(.usage, "No email ids given: name them, or pass - to read them from stdin.")
        }
        var words: [String] = []
        var stdinRead = false
        for argument in arguments {
            if argument == "-" {
                guard !stdinRead else { continue }
                stdinRead = true
                words += stdin().split(whereSeparator: { $0.isWhitespace }).map(String.init)
            } else {
                words.append(argument)
            }
        }
        var seen: Set<String> = []
        var ids: [String] = []
        for word in words {
            guard !word.isEmpty, word.count <= 18, word.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                let shown = String(word.prefix(40)).unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
                throw ScriptFailure(.usage, "“\(shown)” is not an email id: ids are numbers such as 12345.")
            }
            if seen.insert(word).inserted { ids.append(word) }
        }
        return ids
    }
}
