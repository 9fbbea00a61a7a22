import Testing

@Test func placeholder_IntrayTUITests() {}
