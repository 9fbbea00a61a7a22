import Testing

@Test func placeholder_ProductiveAPITests() {}
