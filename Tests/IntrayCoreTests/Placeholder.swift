import Testing

@Test func placeholder_IntrayCoreTests() {}
