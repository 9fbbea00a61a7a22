import Testing

@Test func placeholder_MailTextTests() {}
