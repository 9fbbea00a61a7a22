import Foundation
import Hummingbird

/// Reading JSON:API request bodies.
enum RequestBody {
    /// The parsed body, nil when it is empty; 400 when it is not JSON.
    static func json(_ buffer: ByteBuffer) throws(APIFailure) -> Any? {
        guard buffer.readableBytes > 0 else { return nil }
        let data = Data(buffer.readableBytesView)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformedBody("The request body is not valid JSON")
        }
    }

    /// `data.relationships.deal.data.id` as text (a JSON number is accepted too); nil when absent.
    static func dealID(in body: Any?) -> String? {
        let deal = ((body as? [String: Any])?["data"] as? [String: Any])?["relationships"] as? [String: Any]
        let id = ((deal?["deal"] as? [String: Any])?["data"] as? [String: Any])?["id"]
        switch id {
        case let text as String: return text.trimmingSpaces
        case let number as Int: return String(number)
        default: return nil
        }
    }
}
