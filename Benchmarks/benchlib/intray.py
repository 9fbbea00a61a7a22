"""The measurements of Intray for one inbox size, against a sandbox already running."""

import os
import statistics
import time
import urllib.parse

from . import cleanup, keys, probes, proxy
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

    def __init__(self, binary, sandbox, work, rows, columns, base_url=None):
        self.terminal = Terminal([binary, "--api-url", base_url or sandbox.base_url], environment(work, sandbox), rows, columns)
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


class SpinnerProbe:
    """Classifies each read while loading: a read that changes only one or two neighbouring cells
    of the tabs or status line is a spinner turn; anything else that changes cells is a frame."""

    def __init__(self, rows):
        self.rows = rows
        self.ticks = []   # bytes of each spinner turn
        self.frames = []  # bytes of each other read that changed the screen
        self.unchanged = 0

    def __call__(self, data, changed):
        if not changed:
            self.unchanged += 1
            return
        rows = {r for r, _ in changed}
        columns = sorted(c for _, c in changed)
        if len(changed) <= 2 and len(rows) == 1 and rows <= {0, self.rows - 1} and columns[-1] - columns[0] <= 1:
            self.ticks.append(len(data))
        else:
            self.frames.append(len(data))

    def summary(self):
        ticks = sorted(self.ticks)
        return {
            "ticks": len(ticks),
            "tick_bytes_median": statistics.median(ticks) if ticks else None,
            "tick_bytes_max": max(ticks) if ticks else None,
            "frames": len(self.frames),
            "frame_bytes_median": statistics.median(self.frames) if self.frames else None,
            "unchanged_reads": self.unchanged,
        }


def loaded_session(binary, sandbox, work, options, log):
    """One run: waits for every tab to load, then memory, bytes per move and cost per key."""
    result = {}
    sandbox.wait_until_idle()
    with App(binary, sandbox, work, options.rows, options.columns) as terminal:
        terminal.wait_for(probes.painted, 30, "first paint")
        spinner = SpinnerProbe(options.rows)
        terminal.on_read = spinner
        try:
            terminal.wait_for(probes.all_loaded, options.load_timeout, "end of loading (tabs line without 'loading')")
        finally:
            terminal.on_read = None
        result["load_s"] = time.monotonic() - terminal.spawned_at
        result["load_cpu_s"] = probes.cpu_seconds(terminal.pid)
        result["tab_counts"] = probes.tab_counts(terminal.screen)
        result["spinner"] = spinner.summary()
        log(f"    all tabs loaded after {result['load_s']:.1f} s: {result['tab_counts']}; spinner turns while loading: "
            f"{result['spinner']['ticks']} (median {result['spinner']['tick_bytes_median']} B)")

        status, settled = probes.stable_memory(terminal)
        result["memory_kib"] = status | {"settled": settled}
        result["smaps_kib"] = probes.smaps_breakdown(terminal.pid)
        result["executable_sections_kib"] = probes.executable_sections(terminal.pid)
        result["idle"] = probes.idle_activity(terminal, options.idle_seconds)
        log(f"    RSS {status['VmRSS'] / 1024:.1f} MiB; idle {options.idle_seconds:g} s: {result['idle']}")

        start = probes.intray_position(terminal.screen, options.rows)
        bursts = []
        sizes = keys.bytes_per_key(terminal, "j", options.moves, burst_counts=bursts)
        result["bytes_per_move"] = keys.summary(sizes) | {"bursts_max": max(bursts, default=0),
                                                          "multi_burst_keys": sum(1 for n in bursts if n > 1)}
        result["moves_seen"] = (probes.intray_position(terminal.screen, options.rows) or 0) - (start or 0)

        result["cost_j"] = keys.median_cost(terminal, "j", options.keys)
        result["cost_bottom_top"] = keys.cost_per_key(terminal, ["G", "g"] * options.round_trips)
        result["key_latency"] = key_suite(terminal, options, log)
        result["cost_tab_switch"] = keys.cost_per_key(terminal, ["2", "1"] * options.round_trips)
        result["screen"] = terminal.screen.text()
    return result


def key_suite(terminal, options, log):
    """Latency of the keys of issue 8 with the whole Unresolved tab selected (`*`): j, x, G/g,
    `/` and typing in search then Esc, the deal picker (`a`) and typing in it then Esc, the bulk
    question (`d`, answered `n`), and tab switches (`2`, `1`; a switch clears the selection, so
    `*` selects again before each). Answers per key label the samples and their summary."""
    samples = []
    terminal.settle(0.5, 30)
    rounds = options.key_rounds
    for _ in range(rounds - 1):  # `*` again would change nothing on the screen: clear in between
        samples += keys.timed_keys(terminal, ["*"], drain=0.1)
        keys.timed_keys(terminal, ["\x1b"], drain=0.1)
    samples += keys.timed_keys(terminal, ["*"], drain=0.1)
    selected = probes.selected_count(terminal.screen)
    log(f"    '*' selected {selected}")
    samples += keys.timed_keys(terminal, ["j"] * options.selected_moves, label="j (selected)")
    samples += keys.timed_keys(terminal, ["x"] * rounds, drain=0.1)
    samples += keys.timed_keys(terminal, ["*"], drain=0.1)
    for _ in range(rounds):
        samples += keys.timed_keys(terminal, ["G", "g"], drain=0.1)
    for _ in range(rounds):
        samples += keys.timed_keys(terminal, ["/"], drain=0.1)
        samples += keys.timed_keys(terminal, list(options.search_text), drain=0.1, label="typing in search")
        samples += keys.timed_keys(terminal, ["\x1b"], drain=0.2, label="Esc (search)")
    for _ in range(rounds):  # the picker searches deals 250 ms after the last key: a late frame
        samples += keys.timed_keys(terminal, ["a"], drain=0.5)
        samples += keys.timed_keys(terminal, list(options.picker_text), drain=0.5, label="typing in picker")
        samples += keys.timed_keys(terminal, ["\x1b"], drain=0.2, label="Esc (picker)")
    for _ in range(min(rounds, 3)):
        samples += keys.timed_keys(terminal, ["d"], drain=0.1, label="d (bulk question)")
        samples += keys.timed_keys(terminal, ["n"], drain=0.1, label="n (answer)")
    still_selected = probes.selected_count(terminal.screen)
    first_show = None
    for index in range(rounds):
        samples += keys.timed_keys(terminal, ["*"], drain=0.1)
        tab = keys.timed_keys(terminal, ["2"], drain=0 if index == 0 else 0.1)
        if index == 0:  # Resolved is listed when first shown: let it load before timing more
            for sample in tab:
                sample["key"] = "2 (first show)"
            first_show = time.monotonic()
            terminal.wait_for(probes.all_loaded, options.load_timeout, "Resolved listed after its first showing")
            first_show = time.monotonic() - first_show
        samples += tab + keys.timed_keys(terminal, ["1"], drain=0.1)
    by_key = {}
    for sample in samples:
        by_key.setdefault(sample["key"], []).append(sample)
    return {"selected": selected, "selected_after": still_selected, "resolved_listed_s": first_show,
            "keys": {key: keys.latency_summary(group) | {"latencies_s": [s["latency_s"] for s in group]}
                     for key, group in by_key.items()}}


def start_requests(binary, sandbox, work, options, log, window=2.0):
    """The app started through a counting proxy: the requests it sends in its first `window`
    seconds, and in all until Unresolved is fully listed (and the counts shown)."""
    target = urllib.parse.urlparse(sandbox.base_url)
    counting = proxy.CountingProxy(target.hostname, target.port)
    stop = cleanup.register(counting.stop)
    try:
        sandbox.wait_until_idle()
        base = sandbox.base_url.replace(f":{target.port}", f":{counting.port}", 1)
        with App(binary, sandbox, work, options.rows, options.columns, base_url=base) as terminal:
            spawned = terminal.spawned_at
            end = spawned + window
            while time.monotonic() < end:
                terminal.pump(end - time.monotonic())
            early = counting.lines(until=end)
            terminal.wait_for(probes.all_loaded, options.load_timeout, "end of loading (through the counting proxy)")
            loaded = time.monotonic()
            result = {
                "window_s": window,
                "requests_in_window": len(early),
                "kinds_in_window": request_kinds(early),
                "first_requests": [f"{(at - spawned) * 1000:.0f} ms {method} {path}" for at, method, path in early[:12]],
                "load_s": loaded - spawned,
                "requests_until_loaded": counting.count(until=loaded),
                "tab_counts": probes.tab_counts(terminal.screen),
            }
        return result
    finally:
        cleanup.unregister(stop)
        counting.stop()


def request_kind(method, path):
    """A request in words: which list page, a count, a whole email, the deals."""
    parsed = urllib.parse.urlparse(path)
    query = dict(urllib.parse.parse_qsl(parsed.query))
    parts = [p for p in parsed.path.split("/") if p]
    tabs = {"1": "Unresolved", "2": "Resolved", "3": "Dismissed"}
    if parts[-1:] == ["emails"] and method == "GET":
        tab = tabs.get(query.get("filter[status]"), "all")
        number, size = query.get("page[number]", "1"), query.get("page[size]", "?")
        if number == "1":
            return f"{tab} page 1 (size {size})"
        return f"{tab} later pages (size {size})"
    if len(parts) >= 2 and parts[-2] == "emails" and method == "GET":
        return "whole emails (GET /emails/{id})"
    if "deals" in parts:
        return f"{method} deals"
    return f"{method} {parsed.path}"


def request_kinds(lines):
    kinds = {}
    for _, method, path in lines:
        kind = request_kind(method, path)
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds
