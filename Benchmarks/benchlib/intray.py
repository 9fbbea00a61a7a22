"""The measurements of Intray for one inbox size, against a sandbox already running."""

import os
import statistics
import time

from . import cleanup, keys, probes
from .terminal import Terminal, Timeout


def environment(work, sandbox):
    """A clean environment: no user config or keymap, the log in the work folder."""
    for folder in ("config", "state"):
        os.makedirs(os.path.join(work, folder), exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": work,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "XDG_CONFIG_HOME": os.path.join(work, "config"),
        "XDG_STATE_HOME": os.path.join(work, "state"),
    } | sandbox.app_environment()


class App:
    """The UI in a pty, stopped by the cleanup registry if the benchmark dies."""

    def __init__(self, binary, sandbox, work, rows, columns):
        self.terminal = Terminal([binary, "--api-url", sandbox.base_url], environment(work, sandbox), rows, columns)
        self._stop = cleanup.register(self.terminal.close)

    def __enter__(self):
        return self.terminal

    def __exit__(self, *exc):
        cleanup.unregister(self._stop)
        self.terminal.close()


def first_paint(binary, sandbox, work, runs, rows, columns):
    times, frame_bytes, setup = [], [], []
    for _ in range(runs):
        sandbox.wait_until_idle()
        with App(binary, sandbox, work, rows, columns) as terminal:
            at = terminal.wait_for(probes.painted, 30, "first paint")
            times.append(at - terminal.spawned_at)
            setup.append(terminal.first_output_at - terminal.spawned_at)
            try:  # the rest of that frame (ncurses may write it in more than one chunk)
                terminal.settle(0.01, 1)
            except Timeout:
                pass
            frame_bytes.append(terminal.bytes_total)
    return {"median_s": statistics.median(times), "runs_s": times, "first_frame_bytes": statistics.median(frame_bytes),
            "first_output_median_s": statistics.median(setup)}


def loaded_session(binary, sandbox, work, options, log):
    """One run: waits for every tab to load, then memory, bytes per move and cost per key."""
    result = {}
    sandbox.wait_until_idle()
    with App(binary, sandbox, work, options.rows, options.columns) as terminal:
        terminal.wait_for(probes.painted, 30, "first paint")
        terminal.wait_for(probes.all_loaded, options.load_timeout, "end of loading (tabs line without 'loading')")
        result["load_s"] = time.monotonic() - terminal.spawned_at
        result["load_cpu_s"] = probes.cpu_seconds(terminal.pid)
        result["tab_counts"] = probes.tab_counts(terminal.screen)
        log(f"    all tabs loaded after {result['load_s']:.1f} s: {result['tab_counts']}")

        status, settled = probes.stable_memory(terminal)
        result["memory_kib"] = status | {"settled": settled}

        start = probes.intray_position(terminal.screen, options.rows)
        sizes = keys.bytes_per_key(terminal, "j", options.moves)
        result["bytes_per_move"] = keys.summary(sizes)
        result["moves_seen"] = (probes.intray_position(terminal.screen, options.rows) or 0) - (start or 0)

        result["cost_j"] = keys.cost_per_key(terminal, ["j"] * options.keys)
        result["cost_bottom_top"] = keys.cost_per_key(terminal, ["G", "g"] * options.round_trips)
        result["cost_tab_switch"] = keys.cost_per_key(terminal, ["2", "1"] * options.round_trips)
        result["screen"] = terminal.screen.text()
    return result
