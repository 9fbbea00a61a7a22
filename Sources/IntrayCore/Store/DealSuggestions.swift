import Foundation
import Synchronization

/// Remembers which deal was last used for a sender, so `resolve` can attach without asking.
/// Keyed by lowercased address and by domain; the most recent email wins.
public struct DealSuggestions: Sendable, Equatable {
    private struct Use: Sendable, Equatable {
        var dealID: String
        var date: Date
    }

    private var byAddress: [String: Use] = [:]
    private var byDomain: [String: Use] = [:]
    /// Changes with every change, to a number no other suggestions had: what was answered
    /// from suggestions of one generation holds for any of the same (`ListLines` keeps it).
    public private(set) var generation = 0
    private static let generations = Atomic(0)

    public init() {}

    public static func == (a: DealSuggestions, b: DealSuggestions) -> Bool {
        a.byAddress == b.byAddress && a.byDomain == b.byDomain
    }

    /// Learns from an email that is linked to a deal.
    public mutating func learn(from email: Email) {
        guard email.status == .resolved, email.linkedType == nil || email.linkedType == "Quote",
              let dealID = email.linkedID else { return }
        record(dealID: dealID, sender: email.from, date: email.date)
    }

    public mutating func record(dealID: String, sender: Person?, date: Date) {
        let use = Use(dealID: dealID, date: date)
        generation = Self.generations.add(1, ordering: .relaxed).newValue
        if let address = sender?.address.map(Self.key) {
            if byAddress[address].map({ $0.date <= date }) ?? true { byAddress[address] = use }
        }
        if let domain = sender?.domain, !Self.isPublicMailDomain(domain) {
            if byDomain[domain].map({ $0.date <= date }) ?? true { byDomain[domain] = use }
        }
    }

    /// The deal for this sender's address, else for its domain.
    public func dealID(for sender: Person?) -> String? {
        if let address = sender?.address.map(Self.key), let use = byAddress[address] { return use.dealID }
        if let domain = sender?.domain, let use = byDomain[domain] { return use.dealID }
        return nil
    }

    /// An address as a key: lowercased, without a copy when it has no capitals (most have
    /// none, and list rows ask every frame).
    static func key(_ address: String) -> String {
        address.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? address.lowercased() : address
    }

    /// Deals by their latest use, newest first (this session's attaches before any), at most `limit`.
    public func recentDealIDs(limit: Int = 10) -> [String] {
        var latest: [String: Date] = [:]
        for use in byAddress.values where latest[use.dealID].map({ $0 < use.date }) ?? true {
            latest[use.dealID] = use.date
        }
        return latest.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
    }

    /// A shared domain says nothing about which customer wrote.
    static func isPublicMailDomain(_ domain: String) -> Bool {
        ["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
         "gmx.de", "gmx.net", "web.de", "proton.me", "protonmail.com", "live.com", "aol.com"].contains(domain)
    }
}

extension EmailRow {
    /// Resolve would attach this email to a deal without asking: its sender has a suggested
    /// deal, and the email is not linked to that deal already.
    public func hasSuggestion(in suggestions: DealSuggestions) -> Bool {
        hasSuggestion(dealID: suggestions.dealID(for: from))
    }

    /// The same, given the deal suggested for the sender.
    public func hasSuggestion(dealID: String?) -> Bool {
        guard let dealID else { return false }
        return linkedID != dealID
    }
}
