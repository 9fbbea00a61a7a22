"""What the measurements look for on the screen, and the process figures they read."""

import glob
import os
import re
import time

TABS = re.compile(r"Unresolved (\d+).*Resolved (\d+).*Dismissed (\d+)")
POSITION = re.compile(r" (\d+)/(\d+) ")


def painted(screen):
    """The first frame with list rows: the tabs line has a count and the detail pane a subject."""
    return TABS.search(screen.line(0)) is not None and screen.contains("Subject:")


def all_loaded(screen):
    line = screen.line(0)
    return TABS.search(line) is not None and "loading" not in line


def tab_counts(screen):
    match = TABS.search(screen.line(0))
    return tuple(int(n) for n in match.groups()) if match else None


def intray_position(screen, rows):
    """The cursor's position from the detail pane's rule (` 21/697 `), or None."""
    for row in range(1, rows - 1):
        line = screen.line(row)
        if line.startswith("─") or line.startswith("-"):
            match = POSITION.search(line)
            if match:
                return int(match.group(1))
    return None


def mutt_ready(screen):
    return any("Msgs:" in screen.line(r) for r in range(screen.rows))


def cpu_seconds(pid):
    """utime + stime of the process since it started, threads that ended included (10 ms ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(pid):
    """Nanoseconds of CPU per live thread (schedstat); empty where the kernel does not keep it."""
    threads = {}
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            with open(path) as f:
                threads[path.split("/")[4]] = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return threads


def cpu_between(pid, before, before_seconds):
    """CPU seconds since `before` (a snapshot) per thread, so a thread that ends in between does
    not make the sum go backwards; falls back to stat ticks without schedstat."""
    after = cpu_snapshot(pid)
    if before and any(after.values()):
        return sum(ns - before.get(tid, 0) for tid, ns in after.items()) / 1e9
    return cpu_seconds(pid) - before_seconds


def stable_memory(terminal, timeout=30.0, interval=0.5, window=4, tolerance_kib=512):
    """Samples VmRSS until `window` samples in a row lie within tolerance; answers the last
    status (VmRSS, VmHWM in KiB) and whether it settled before the timeout."""
    samples = []
    deadline = time.monotonic() + timeout
    status = terminal.status()
    while time.monotonic() < deadline:
        status = terminal.status()
        samples.append(status["VmRSS"])
        recent = samples[-window:]
        if len(recent) == window and max(recent) - min(recent) <= max(tolerance_kib, max(recent) // 100):
            return status, True
        end = time.monotonic() + interval
        while time.monotonic() < end:
            terminal.pump(end - time.monotonic())
    return status, False
