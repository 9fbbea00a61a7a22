/// "did you mean …?" hints for misspelt names, by edit distance.
public enum Suggestion {
    /// `did you mean "x"?` for the closest candidate, or nil when none is close enough.
    public static func didYouMean(_ input: String, among candidates: [String]) -> String? {
        closest(to: input, among: candidates).map { "did you mean \"\($0)\"?" }
    }

    /// The candidate nearest to `input`: an exact match ignoring case, then one whose last
    /// dotted part is `input` ("dismiss" for "email.dismiss"), then the smallest edit distance
    /// within a third of the input's length (at least 2). Ties go to the longer common start
    /// ("pgdn" over "down" for "pgdown"), then to the earlier candidate.
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let lowered = input.lowercased()
        if let match = candidates.first(where: { $0.lowercased() == lowered }) {
            return match
        }
        if let match = candidates.first(where: { $0.lowercased().hasSuffix(".\(lowered)") }) {
            return match
        }
        let limit = max(2, lowered.count / 3)
        var best: (candidate: String, distance: Int, start: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= limit else { continue }
            let start = zip(lowered, candidate.lowercased()).prefix { $0 == $1 }.count
            if let current = best, (current.distance, -current.start) <= (distance, -start) { continue }
            best = (candidate, distance, start)
        }
        return best?.candidate
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
