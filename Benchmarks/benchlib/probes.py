"""What the measurements look for on the screen, and the process figures they read."""

import glob
import os
import re
import struct
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


TABS_SELECTED = re.compile(r"([\d,.\u202f ]+) selected")


def selected_count(screen):
    """The "N selected" figure of the status bar (digits may be grouped), or None."""
    match = TABS_SELECTED.search(screen.line(screen.rows - 1))
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    return int(digits) if digits else None


def smaps_breakdown(pid):
    """Resident KiB per mapping from /proc/PID/smaps, summed by what is mapped: the file's path
    (the executable, each .so), [heap], [stack], other [named] areas, or "anonymous"."""
    totals = {}
    name = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            first = line.split(None, 1)[0]
            if "-" in first and not first.endswith(":"):  # a mapping's header line
                parts = line.split(None, 5)
                name = parts[5].strip() if len(parts) > 5 and parts[5].strip() else "anonymous"
            elif first == "Rss:" and name is not None:
                totals[name] = totals.get(name, 0) + int(line.split()[1])
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def elf_sections(path):
    """The allocated sections of an ELF64 file: [(name, address, size)], and whether it is
    position-independent (its addresses are then offsets from where it was loaded)."""
    with open(path, "rb") as f:
        header = f.read(64)
        if header[:4] != b"\x7fELF" or header[4] != 2:
            return [], False
        kind = struct.unpack_from("<H", header, 0x10)[0]
        table, = struct.unpack_from("<Q", header, 0x28)
        entry_size, count, names_index = struct.unpack_from("<HHH", header, 0x3A)
        f.seek(table)
        raw = f.read(entry_size * count)
        entries = [struct.unpack_from("<IIQQQQ", raw, i * entry_size) for i in range(count)]
        names_offset, names_size = entries[names_index][4], entries[names_index][5]
        f.seek(names_offset)
        names = f.read(names_size)
    sections = []
    for name, _, flags, address, _, size in entries:
        if flags & 0x2 and address and size:  # SHF_ALLOC
            sections.append((names[name:names.index(b"\0", name)].decode(errors="replace"), address, size))
    return sections, kind == 3  # ET_DYN


def executable_sections(pid):
    """Resident KiB of the process's own executable per ELF section, from the present bits of
    /proc/PID/pagemap: which parts of the file the process has touched (or the kernel mapped
    around a touch; it maps up to 64 KiB of cached file around each page fault). A page shared
    by two sections counts for the one with more bytes in it."""
    try:
        binary = os.readlink(f"/proc/{pid}/exe")
        sections, relocatable = elf_sections(binary)
        mappings = []
        with open(f"/proc/{pid}/maps") as f:
            for line in f:
                parts = line.split(None, 5)
                if len(parts) == 6 and parts[5].strip() == binary:
                    start, end = (int(x, 16) for x in parts[0].split("-"))
                    mappings.append((start, end, int(parts[2], 16)))
        if not sections or not mappings:
            return {}
        bias = min(start - offset for start, _, offset in mappings) if relocatable else 0
        page = os.sysconf("SC_PAGE_SIZE")
        totals = {}
        with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
            for start, end, _ in mappings:
                pagemap.seek(start // page * 8)
                entries = pagemap.read((end - start) // page * 8)
                for i in range(len(entries) // 8):
                    if not struct.unpack_from("<Q", entries, i * 8)[0] >> 63:
                        continue
                    low = start + i * page - bias
                    best, most = "(between sections)", 0
                    for name, address, size in sections:
                        overlap = min(low + page, address + size) - max(low, address)
                        if overlap > most:
                            best, most = name, overlap
                    totals[best] = totals.get(best, 0) + page // 1024
        sizes = {name: size // 1024 for name, _, size in sections}
        return {name: {"resident_kib": kib, "size_kib": sizes.get(name, 0)}
                for name, kib in sorted(totals.items(), key=lambda item: -item[1])}
    except (OSError, ValueError, struct.error):
        return {}


def context_switches(pid):
    """Voluntary and involuntary context switches per live thread: {tid: (name, voluntary,
    involuntary)} (the process's own status line counts only its main thread)."""
    threads = {}
    for path in glob.glob(f"/proc/{pid}/task/*/status"):
        try:
            values = {}
            with open(path) as f:
                for line in f:
                    key, _, rest = line.partition(":")
                    if key in ("Name", "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"):
                        values[key] = rest.strip()
            threads[path.split("/")[4]] = (values.get("Name", "?"), int(values["voluntary_ctxt_switches"]),
                                           int(values["nonvoluntary_ctxt_switches"]))
        except (OSError, ValueError, KeyError):
            pass
    return threads


def idle_activity(terminal, seconds=5.0):
    """Over `seconds` with no key pressed: the app's CPU (schedstat ns over all threads), its
    context switches (all threads), and the bytes it wrote. An idle app wakes for nothing."""
    terminal.settle(0.5, 30)
    cpu_before, cpu_stat = cpu_snapshot(terminal.pid), cpu_seconds(terminal.pid)
    switches_before = context_switches(terminal.pid)
    bytes_before = terminal.bytes_total
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        terminal.pump(end - time.monotonic())
    switches_after = context_switches(terminal.pid)
    cpu_after = cpu_snapshot(terminal.pid)
    woke = {}  # thread name -> [voluntary, involuntary, CPU ns] over the window
    for tid, (name, voluntary, involuntary) in switches_after.items():
        _, v0, i0 = switches_before.get(tid, (name, 0, 0))
        ns = cpu_after.get(tid, 0) - cpu_before.get(tid, 0)
        if voluntary - v0 or involuntary - i0 or ns:
            entry = woke.setdefault(name, [0, 0, 0])
            entry[0] += voluntary - v0
            entry[1] += involuntary - i0
            entry[2] += ns
    return {
        "seconds": seconds,
        "cpu_s": cpu_between(terminal.pid, cpu_before, cpu_stat),
        "voluntary": sum(v for v, _, _ in woke.values()),
        "involuntary": sum(i for _, i, _ in woke.values()),
        "threads_woken": {name: {"voluntary": v, "involuntary": i, "cpu_ms": ns / 1e6} for name, (v, i, ns) in woke.items()},
        "bytes": terminal.bytes_total - bytes_before,
        "threads": len(glob.glob(f"/proc/{terminal.pid}/task/*")),
    }
