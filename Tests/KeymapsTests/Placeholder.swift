import Testing

@Test func placeholder_KeymapsTests() {}
