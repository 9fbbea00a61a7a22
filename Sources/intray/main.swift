print("intray")
