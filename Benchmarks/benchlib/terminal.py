"""A program in a pseudo-terminal: keys in, bytes out (counted and timed), the screen as text
through `Screen`, and the process's memory and CPU from /proc. Every wait has a deadline."""

import os
import select
import signal
import time

import ptyprocess

from .screen import Screen


class Timeout(Exception):
    pass


class Terminal:
    def __init__(self, argv, env, rows=40, columns=120, cwd=None):
        self.rows, self.columns = rows, columns
        self.screen = Screen(rows, columns)
        self.bytes_total = 0
        self.last_output_at = None
        self.first_output_at = None
        # (monotonic time, bytes) of every read while `chunks` is a list; None records nothing.
        self.chunks = None
        # Called with (bytes, changed cells) after each read while set (the spinner probe).
        self.on_read = None
        self.spawned_at = time.monotonic()
        self.process = ptyprocess.PtyProcess.spawn(argv, env=env, cwd=cwd, dimensions=(rows, columns))
        self.pid = self.process.pid
        self.fd = self.process.fd

    # -- output ----------------------------------------------------------------------------

    def pump(self, timeout):
        """Reads what is there within timeout seconds; returns the bytes read (b"" on none or EOF)."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program closed the terminal
            return b""
        if data:
            self.last_output_at = time.monotonic()
            if self.first_output_at is None:
                self.first_output_at = self.last_output_at
            self.bytes_total += len(data)
            if self.on_read is not None:
                before = [row[:] for row in self.screen.grid]
                self.screen.feed(data)
                self.on_read(data, [(r, c) for r in range(self.rows) for c in range(self.columns)
                                    if before[r][c] != self.screen.grid[r][c]])
            else:
                self.screen.feed(data)
            if self.chunks is not None:
                self.chunks.append((self.last_output_at, len(data)))
        return data

    def wait_for(self, predicate, timeout, what):
        """Reads until predicate(screen) holds; answers the monotonic time of the read that made it hold."""
        deadline = time.monotonic() + timeout
        if predicate(self.screen):
            return time.monotonic()
        while time.monotonic() < deadline:
            data = self.pump(min(0.05, deadline - time.monotonic()))
            if data and predicate(self.screen):
                return self.last_output_at
            if not data and not self.is_alive():
                raise Timeout(f"the program exited while waiting for {what}")
        raise Timeout(f"no {what} within {timeout:.0f} s")

    def settle(self, quiet, timeout):
        """Reads until nothing came for `quiet` seconds; answers the bytes read meanwhile."""
        deadline = time.monotonic() + timeout
        start = self.bytes_total
        last = time.monotonic()
        while time.monotonic() < deadline:
            if self.pump(min(0.02, quiet)):
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return self.bytes_total - start
        raise Timeout(f"output did not stop for {quiet} s within {timeout:.0f} s")

    # -- input -----------------------------------------------------------------------------

    def send(self, text):
        os.write(self.fd, text.encode())

    # -- the process -----------------------------------------------------------------------

    def is_alive(self):
        return self.process.isalive()

    def status(self):
        """VmRSS, VmHWM, RssAnon and RssFile in KiB from /proc/PID/status."""
        values = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                    values[key] = int(rest.split()[0])
        return values

    def cpu_seconds(self):
        """utime + stime of the process (all its threads) from /proc/PID/stat."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self, quit_keys="q", grace=5.0):
        """Asks the program to quit with its own key, then SIGTERM, then SIGKILL; always reaps it."""
        if self.process.isalive() and quit_keys:
            try:
                self.send(quit_keys)
            except OSError:
                pass
            deadline = time.monotonic() + grace
            while self.process.isalive() and time.monotonic() < deadline:
                self.pump(0.05)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not self.process.isalive():
                break
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + 3
            while self.process.isalive() and time.monotonic() < deadline:
                self.pump(0.05)
        try:
            self.process.close(force=True)
        except Exception:
            pass
