"""Keystrokes against a settled screen: bytes written per key, and latency and CPU per key."""

import statistics
import time

from .probes import cpu_between, cpu_seconds, cpu_snapshot


def bytes_per_key(terminal, key, count, quiet=0.15, timeout=10.0):
    """Sends key `count` times, each after the previous frame finished; answers the bytes of each."""
    terminal.settle(0.5, 30)
    sizes = []
    for _ in range(count):
        terminal.send(key)
        sizes.append(terminal.settle(quiet, timeout))
    return sizes


def cost_per_key(terminal, keys, quiet=0.03, timeout=10.0):
    """Sends each key once the previous frame is out; answers latencies (key sent to last byte
    of its frame, s) and the process's CPU time per key (s)."""
    terminal.settle(0.5, 30)
    latencies = []
    snapshot, seconds = cpu_snapshot(terminal.pid), cpu_seconds(terminal.pid)
    for key in keys:
        sent = time.monotonic()
        before = terminal.bytes_total
        terminal.send(key)
        terminal.settle(quiet, timeout)
        if terminal.bytes_total > before:
            latencies.append(terminal.last_output_at - sent)
    cpu = cpu_between(terminal.pid, snapshot, seconds)
    return {
        "keys": len(keys),
        "frames": len(latencies),
        "latency_median_s": statistics.median(latencies) if latencies else None,
        "latency_max_s": max(latencies) if latencies else None,
        "cpu_per_key_s": cpu / len(keys),
    }


def summary(sizes):
    return {"mean": statistics.fmean(sizes), "max": max(sizes), "min": min(sizes), "count": len(sizes)}
