import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `2025-07-24T06:05:09Z`: the UTC second a log line is written, as `ISO8601DateFormatter` wrote
/// it. Broken down with `gmtime_r`: the formatter opened ICU's calendar, time zone and locale data
/// for every line, and at start that alone mapped about 2 MiB of the executable's pages.
enum LogTimestamp {
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var broken = tm()
        gmtime_r(&seconds, &broken)
        let year = Int(broken.tm_year) + 1900
        return "\(year)-\(two(Int(broken.tm_mon) + 1))-\(two(Int(broken.tm_mday)))"
            + "T\(two(Int(broken.tm_hour))):\(two(Int(broken.tm_min))):\(two(Int(broken.tm_sec)))Z"
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
