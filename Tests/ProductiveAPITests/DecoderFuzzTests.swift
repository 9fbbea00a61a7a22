import Foundation
import IntrayCore
import Testing
import TestSupport
@testable import ProductiveAPI

/// Seeded random inputs for the JSON:API decoder: documented bodies with values swapped for
/// values of other types, bytes flipped, cut short, and random JSON. The decoder must answer
/// an email page or an `APIError` with one readable sentence, never crash.
/// `INTRAY_FUZZ_ITERATIONS` and `INTRAY_FUZZ_SEED` run it longer or elsewhere.
@Suite struct DecoderFuzzTests {
    static let iterations = FuzzSettings.iterations(default: 3_000)
    static let seed = FuzzSettings.seed(default: 0x1A7_2A7)

    static func randomValue(_ rng: inout SeededGenerator, depth: Int = 0) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 7 : 9), using: &rng) {
        case 0: return NSNull()
        case 1: return Bool.random(using: &rng)
        case 2: return Int.random(in: -1_000_000...1_000_000, using: &rng)
        case 3: return Double.random(in: -1e12...1e12, using: &rng)
        case 4: return ["", "2025-07-24T06:05:41.287+02:00", "Name <a@b.example>", "\u{1B}]0;x\u{07}", "386", "2025-13-45T99:99:99Z", String(repeating: "é", count: 300)].randomElement(using: &rng)!
        case 5: return "\(UInt32.random(in: 0...UInt32.max, using: &rng))"
        case 6: return [String]()
        case 7: return (0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for key in ["name", "address", "email", "to", "cc", "id", "type", "data"].shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)) {
                object[key] = randomValue(&rng, depth: depth + 1)
            }
            return object
        }
    }

    /// Replaces one value somewhere in the document with a value of any type.
    static func mutate(_ value: Any, _ rng: inout SeededGenerator) -> Any {
        if var object = value as? [String: Any], let key = object.keys.sorted().randomElement(using: &rng) {
            object[key] = Bool.random(using: &rng) ? mutate(object[key]!, &rng) : randomValue(&rng)
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int.random(in: 0..<array.count, using: &rng)
            array[index] = Bool.random(using: &rng) ? mutate(array[index], &rng) : randomValue(&rng)
            return array
        }
        return randomValue(&rng)
    }

    func check(_ body: Data) {
        do {
            _ = try DocumentDecoder.emailPage(body, requested: PageRequest(number: 1, size: 30))
        } catch {
            #expect(!error.message.isEmpty)
            #expect(!error.message.contains("\n"))
            #expect(!error.message.contains("DecodingError"))
        }
        do { _ = try DocumentDecoder.email(body) } catch { #expect(!error.message.isEmpty) }
        do { _ = try DocumentDecoder.deals(body) } catch { #expect(!error.message.isEmpty) }
    }

    @Test func documentedBodiesWithValuesOfOtherTypes() throws {
        var rng = SeededGenerator(seed: Self.seed)
        let documents = try ["emails-list", "email-get", "attach-response", "dismiss-response"].map {
            try JSONSerialization.jsonObject(with: try Fixture.data($0))
        }
        for _ in 0..<Self.iterations {
            var document = documents.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...4, using: &rng) { document = Self.mutate(document, &rng) }
            check(try JSONSerialization.data(withJSONObject: document is [String: Any] || document is [Any] ? document : [document]))
        }
    }

    @Test func documentedBodiesFlippedAndCutShort() throws {
        var rng = SeededGenerator(seed: Self.seed &+ 1)
        let bodies = try ["emails-list", "email-get", "attach-422-error"].map { try Fixture.data($0) }
        for _ in 0..<Self.iterations {
            var bytes = [UInt8](bodies.randomElement(using: &rng)!)
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng))) }
            check(Data(bytes))
        }
    }

    @Test func randomJSON() throws {
        var rng = SeededGenerator(seed: Self.seed &+ 2)
        for _ in 0..<Self.iterations {
            var object: [String: Any] = ["data": Self.randomValue(&rng)]
            if Bool.random(using: &rng) { object["meta"] = Self.randomValue(&rng) }
            if Bool.random(using: &rng) { object["included"] = Self.randomValue(&rng) }
            check(try JSONSerialization.data(withJSONObject: object))
        }
    }
}
