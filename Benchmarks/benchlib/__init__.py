"""Pieces of Benchmarks/run: a pty terminal with a small screen emulator, the sandbox, mutt, the report."""
