import Testing

@Test func placeholder_ProductiveSandboxTests() {}
