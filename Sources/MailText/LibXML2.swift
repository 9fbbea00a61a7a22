internal import CLibXML2

/// libxml2, opened the first time an HTML body is read (see `intray_xml_open` in the shim).
struct LibXML2: @unchecked Sendable {
    /// Why libxml2 could not be used, as the system said it.
    struct Unavailable: Error, Equatable {
        var reason: String
    }

    /// Its functions; they may be called from any thread.
    let functions: intray_xml

    /// The system's libxml2, opened once.
    static let shared: Result<LibXML2, Unavailable> = open("libxml2.so.2")

    static func open(_ name: String) -> Result<LibXML2, Unavailable> {
        var functions = intray_xml()
        if let error = intray_xml_open(name, &functions) {
            return .failure(Unavailable(reason: String(cString: error)))
        }
        return .success(LibXML2(functions: functions))
    }
}
