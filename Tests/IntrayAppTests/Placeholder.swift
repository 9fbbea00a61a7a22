import Testing

@Test func placeholder_app() {}
