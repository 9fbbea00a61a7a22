"""Keystrokes against a settled screen: bytes written per key, and latency and CPU per key."""

import statistics
import time

from .probes import cpu_between, cpu_seconds, cpu_snapshot
from .terminal import Timeout


def bytes_per_key(terminal, key, count, quiet=0.15, timeout=10.0, burst_counts=None):
    """Sends key `count` times, each after the previous frame finished; answers the bytes of each
    (and appends to `burst_counts`, when given, how many bursts of output each press caused)."""
    terminal.settle(0.5, 30)
    sizes = []
    for _ in range(count):
        terminal.chunks = []
        terminal.send(key)
        sizes.append(terminal.settle(quiet, timeout))
        if burst_counts is not None:
            burst_counts.append(len(bursts(terminal.chunks)))
        terminal.chunks = None
    return sizes


def await_answer(terminal, quiet, timeout, first_timeout=2.0):
    """After a key: waits up to `first_timeout` for the first byte (a slow key must not pass
    for a quiet one), then reads until `quiet` s of silence. A key that changes nothing on
    the screen writes nothing: that costs the wait and counts as no frame."""
    deadline = time.monotonic() + first_timeout
    before = terminal.bytes_total
    while terminal.bytes_total == before and time.monotonic() < deadline:
        terminal.pump(min(0.05, deadline - time.monotonic()))
    if terminal.bytes_total > before:
        terminal.settle(quiet, timeout)


def cost_per_key(terminal, keys, quiet=0.03, timeout=10.0):
    """Sends each key once the previous frame is out; answers latencies (key sent to the last
    byte of the first burst of output, the frame drawn for the key, s), the time to the last
    byte of everything until 30 ms of quiet (a network answer drawn after it included), the
    process's CPU time per key (s), and how many bursts of output each key was followed by."""
    terminal.settle(0.5, 30)
    latencies, burst_counts, to_last = [], [], []
    snapshot, seconds = cpu_snapshot(terminal.pid), cpu_seconds(terminal.pid)
    for key in keys:
        terminal.chunks = []
        sent = time.monotonic()
        before = terminal.bytes_total
        terminal.send(key)
        await_answer(terminal, quiet, timeout)
        groups = bursts(terminal.chunks)
        if groups:
            latencies.append(groups[0][1] - sent)
            to_last.append(groups[-1][1] - sent)
        burst_counts.append(len(groups))
        terminal.chunks = None
    after = cpu_snapshot(terminal.pid)
    cpu = cpu_between(terminal.pid, snapshot, seconds)
    # The UI loop does not run on the main thread (that one parks in the async main), so the
    # busiest thread over the presses stands for it; the rest is fetching and decoding.
    per_thread = {tid: ns - snapshot.get(tid, 0) for tid, ns in after.items()}
    busiest = max(per_thread, key=per_thread.get) if per_thread else None
    return {
        "keys": len(keys),
        "cpu_busiest_thread_per_key_s": per_thread[busiest] / 1e9 / len(keys) if busiest else None,
        "busiest_thread": f"{thread_name(terminal.pid, busiest)} ({busiest})" if busiest else None,
        "frames": len(latencies),
        "latency_median_s": statistics.median(latencies) if latencies else None,
        "latency_p95_s": percentile(latencies, 0.95),
        "latency_max_s": max(latencies) if latencies else None,
        "latencies_s": latencies,
        "to_last_byte_median_s": statistics.median(to_last) if to_last else None,
        "to_last_byte_max_s": max(to_last) if to_last else None,
        "cpu_per_key_s": cpu / len(keys),
        "bursts_max": max(burst_counts, default=0),
        "multi_burst_keys": sum(1 for n in burst_counts if n > 1),
    }


def median_cost(terminal, key, count, batches=3):
    """`cost_per_key` for `count` presses of `key`, `batches` times in a row: the batch of
    median CPU per key, with every batch's figure in `batches_cpu_per_key_s`. One batch on a
    shared machine can land on a busy moment of its neighbours; the median of three does not
    rest on one."""
    runs = [cost_per_key(terminal, [key] * count) for _ in range(batches)]
    median = sorted(runs, key=lambda run: run["cpu_per_key_s"])[len(runs) // 2]
    return median | {"batches_cpu_per_key_s": [run["cpu_per_key_s"] for run in runs]}


def thread_name(pid, tid):
    try:
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def summary(sizes):
    return {"mean": statistics.fmean(sizes), "max": max(sizes), "min": min(sizes), "count": len(sizes)}


BURST_GAP_S = 0.005  # output chunks closer than this belong to one burst (one frame)


def bursts(chunks, gap=BURST_GAP_S):
    """Groups (time, bytes) reads into bursts separated by more than `gap` seconds; answers
    [(start, end, bytes)]."""
    groups = []
    for at, size in chunks:
        if groups and at - groups[-1][1] <= gap:
            start, _, total = groups[-1]
            groups[-1] = (start, at, total + size)
        else:
            groups.append((at, at, size))
    return groups


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def timed_keys(terminal, keys, quiet=0.03, drain=0.0, timeout=10.0, label=None):
    """Sends each key once the previous one's output is over; per key: the latency from the
    write to the last byte of the first burst of output (the frame drawn for the key), the
    bytes and the number of bursts until `quiet` s of silence. With
    `drain`, output that follows later (a network answer: the deal list, a page) is waited out
    for `drain` s of quiet and counted as late bursts, not as the key's latency."""
    samples = []
    for key in keys:
        terminal.chunks = []
        sent = time.monotonic()
        terminal.send(key)
        await_answer(terminal, quiet, timeout)
        answered = list(terminal.chunks)
        drained = True
        if drain:
            try:
                terminal.settle(drain, timeout)
            except Timeout:  # something kept drawing (a spinner): noted, not fatal
                drained = False
        late = terminal.chunks[len(answered):]
        terminal.chunks = None
        groups = bursts(answered)
        samples.append({
            "key": label or key,
            "latency_s": (groups[0][1] - sent) if groups else None,
            "to_last_byte_s": (groups[-1][1] - sent) if groups else None,
            "bytes": sum(size for _, size in answered),
            "bursts": len(groups),
            "late_bursts": len(bursts(late)),
            "drained": drained,
        })
    return samples


def latency_summary(samples):
    latencies = [s["latency_s"] for s in samples if s["latency_s"] is not None]
    return {
        "count": len(samples),
        "frames": len(latencies),
        "p50_s": statistics.median(latencies) if latencies else None,
        "p95_s": percentile(latencies, 0.95),
        "max_s": max(latencies) if latencies else None,
        "bytes_mean": statistics.fmean(s["bytes"] for s in samples) if samples else 0,
        "bursts_max": max((s["bursts"] for s in samples), default=0),
        "multi_burst_keys": sum(1 for s in samples if s["bursts"] > 1),
        "late_bursts": sum(s["late_bursts"] for s in samples),
        "to_last_max_s": max((s["to_last_byte_s"] for s in samples if s["to_last_byte_s"] is not None), default=None),
    }
