import IntrayTUI

/// What the machine says about the terminal, gathered by `TerminalProbe` or given by a test.
public struct TerminalFacts: Sendable {
    public typealias Terminfo = TerminalProbe.TerminfoEntry

    public var terminfo: Terminfo
    public var size: (columns: Int, rows: Int)?
    /// nil when the environment's locale is not installed.
    public var codeset: String?

    public init(terminfo: Terminfo, size: (columns: Int, rows: Int)?, codeset: String?) {
        self.terminfo = terminfo
        self.size = size
        self.codeset = codeset
    }

    /// Reads the facts for `TERM` in `environment` from this process's terminal and locale.
    public static func probe(environment: [String: String]) -> TerminalFacts {
        TerminalFacts(
            terminfo: TerminalProbe.terminfo(for: environment["TERM"] ?? "dumb"),
            size: TerminalProbe.size(),
            codeset: TerminalProbe.localeCodeset()
        )
    }
}

/// The terminal lines of `intray doctor`: TERM and its terminfo entry with colours, the
/// locale, the size and the escape delay. A pure function of the facts and the environment.
enum TerminalChecks {
    static let minimumColumns = 80
    static let minimumRows = 24
    /// The escape delay `TerminalApp` sets, whatever ESCDELAY says.
    static let escapeDelayMilliseconds = Int(TerminalApp.Options.standardEscapeDelay / .milliseconds(1))

    static func checks(_ facts: TerminalFacts, environment: [String: String]) -> [DoctorCheck] {
        [term(facts, environment: environment), locale(facts, environment: environment), size(facts), escape(environment)]
    }

    static func term(_ facts: TerminalFacts, environment: [String: String]) -> DoctorCheck {
        guard let term = environment["TERM"], !term.isEmpty else {
            return DoctorCheck(.fail, "terminal", "TERM is not set", advice: "set it to your terminal's type, for example `export TERM=xterm-256color`.")
        }
        switch facts.terminfo {
        case .noDatabase:
            return DoctorCheck(.fail, "terminal", "TERM=\(term), but no terminfo database was found", advice: "install ncurses-base (Debian) or set TERMINFO to the folder that holds it.")
        case .missing:
            return DoctorCheck(.fail, "terminal", "TERM=\(term) has no terminfo entry here", advice: "install ncurses-term, or set TERM=xterm-256color if your terminal is xterm-compatible.")
        case .found(_, canAddressCursor: false):
            return DoctorCheck(.fail, "terminal", "TERM=\(term) cannot move the cursor", advice: "set TERM to your terminal's real type, for example xterm-256color.")
        case .found(let colors, _):
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
                return DoctorCheck(.ok, "terminal", "TERM=\(term), terminfo entry found; colours off because NO_COLOR is set")
            }
            if colors < 8 {
                return DoctorCheck(.warn, "terminal", "TERM=\(term) has no colours", advice: "Intray still works in reverse video; set TERM=xterm-256color if your terminal shows colours.")
            }
            return DoctorCheck(.ok, "terminal", "TERM=\(term), terminfo entry found, \(colors) colours")
        }
    }

    static func locale(_ facts: TerminalFacts, environment: [String: String]) -> DoctorCheck {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { key in environment[key].flatMap { $0.isEmpty ? nil : "\(key)=\($0)" } }
            .first ?? "no LANG or LC_ALL"
        guard let codeset = facts.codeset else {
            return DoctorCheck(.warn, "locale", "\(name) names a locale this machine does not have", advice: "set LANG=C.UTF-8, or generate the locale with locale-gen.")
        }
        let isUTF8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        guard isUTF8 else {
            return DoctorCheck(.warn, "locale", "\(name) is \(codeset), not UTF-8, so Intray draws ASCII and shows other letters as ?", advice: "set LANG=C.UTF-8 (or your language's .UTF-8 locale).")
        }
        return DoctorCheck(.ok, "locale", "\(name), UTF-8")
    }

    static func size(_ facts: TerminalFacts) -> DoctorCheck {
        guard let size = facts.size else {
            return DoctorCheck(.warn, "size", "not run in a terminal, so its size is unknown", advice: "run `intray doctor` in the terminal you will use Intray in.")
        }
        let text = "\(size.columns)×\(size.rows)"
        guard size.columns >= minimumColumns, size.rows >= minimumRows else {
            return DoctorCheck(.warn, "size", "\(text) is smaller than \(minimumColumns)×\(minimumRows)", advice: "enlarge the window; Intray shows only a notice below that size.")
        }
        return DoctorCheck(.ok, "size", text)
    }

    static func escape(_ environment: [String: String]) -> DoctorCheck {
        var finding = escapeDelayMilliseconds == 0
            ? "Esc is read at once; what follows it in the same burst makes an arrow or alt- key"
            : "Esc is read after \(escapeDelayMilliseconds) ms"
        if let value = environment["ESCDELAY"], !value.isEmpty {
            finding += " (Intray sets its own delay, so ESCDELAY=\(value) is not used)"
        }
        if environment["TMUX"].map({ !$0.isEmpty }) ?? false {
            return DoctorCheck(.ok, "escape", finding + "; inside tmux its escape-time adds to it (`set -sg escape-time 10` keeps Esc quick)")
        }
        return DoctorCheck(.ok, "escape", finding)
    }
}
