import Foundation

/// SplitMix64: a small deterministic generator, so a fuzz failure replays from its seed.
/// Shared by every test folder that generates input.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Knobs for the seeded fuzz tests: `INTRAY_FUZZ_ITERATIONS` runs longer sessions,
/// `INTRAY_FUZZ_SEED` explores other inputs (the default seed keeps CI deterministic).
public enum FuzzSettings {
    public static func iterations(default value: Int) -> Int {
        ProcessInfo.processInfo.environment["INTRAY_FUZZ_ITERATIONS"].flatMap(Int.init) ?? value
    }

    public static func seed(default value: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["INTRAY_FUZZ_SEED"].flatMap(UInt64.init) ?? value
    }

    public static var seed: UInt64 { seed(default: 20_250_724) }
}
