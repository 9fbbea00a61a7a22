"""The results as a plain-text table with PASS/FAIL against the design's targets."""

FIRST_PAINT_S = 0.2
MEMORY_MIB = {10000: 35, 100000: 130}
# "No keystroke does work proportional to the inbox size": the CPU per key with the largest
# inbox may be at most this many times the CPU with the smallest (noise on a shared machine).
COST_RATIO = 2.0
COSTS = (("cost_j", "j", True), ("cost_bottom_top", "G/g", False), ("cost_tab_switch", "2/1 (tab)", False))


def _size(n):
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _verdict(ok):
    return "PASS" if ok else "FAIL"


def _ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.2f} ms"


def _cost(cost):
    return f"CPU {_ms(cost['cpu_per_key_s'])}/key, latency {_ms(cost['latency_median_s'])} (max {_ms(cost['latency_max_s'])})"


def _moves(moves):
    return f"mean {moves['mean']:.0f} B, max {moves['max']} B"


class Table:
    HEADERS = ("measure", "inbox", "value", "target", "result")

    def __init__(self):
        self.rows = []

    def add(self, measure, inbox="", value="", target="", result=""):
        self.rows.append((measure, inbox, value, target, result))

    def lines(self):
        widths = [max(len(str(r[i])) for r in self.rows + [self.HEADERS]) for i in range(5)]

        def line(cells):
            return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

        return [line(self.HEADERS), "|-" + "-|-".join("-" * w for w in widths) + "-|"] + [line(r) for r in self.rows]


def _first_paint(table, sizes):
    for n, entry in sizes.items():
        paint = entry.get("first_paint")
        if not paint:
            continue
        value = f"{paint['median_s'] * 1000:.0f} ms (runs {', '.join(f'{t * 1000:.0f}' for t in paint['runs_s'])}; "
        value += f"first output at {paint['first_output_median_s'] * 1000:.0f} ms)"
        table.add(f"1 first paint (median of {len(paint['runs_s'])})", _size(n), value,
                  f"<= {FIRST_PAINT_S * 1000:.0f} ms", _verdict(paint["median_s"] <= FIRST_PAINT_S))


def _memory(table, sizes):
    for n, entry in sizes.items():
        memory = entry.get("memory_kib")
        if not memory:
            continue
        rss, hwm = memory["VmRSS"] / 1024, memory["VmHWM"] / 1024
        value = f"RSS {rss:.1f} MiB (anon {memory.get('RssAnon', 0) / 1024:.1f}, file {memory.get('RssFile', 0) / 1024:.1f}), peak {hwm:.1f} MiB"
        value += "" if memory["settled"] else " (RSS not stable)"
        limit = MEMORY_MIB.get(n)
        table.add("2 memory after all tabs loaded", _size(n), value,
                  f"<= {limit} MiB" if limit else "(no target)", _verdict(rss <= limit) if limit else "info")


def _bytes(table, sizes, results, options):
    mutt = results.get("mutt") or {}
    split, index = mutt.get("split"), mutt.get("index")
    measured = {n: e for n, e in sizes.items() if "bytes_per_move" in e}
    for n, entry in measured.items():
        moves = entry["bytes_per_move"]
        value = _moves(moves)
        if entry["moves_seen"] != moves["count"]:
            value += f" (cursor moved {entry['moves_seen']} rows, not {moves['count']})"
        if split:
            reference = split["bytes_per_move"]["mean"]
            table.add(f"3 bytes per j (of {moves['count']})", _size(n), value, f"<= mutt index+pager {reference:.0f} B",
                      _verdict(moves["mean"] <= reference))
        else:
            table.add(f"3 bytes per j (of {moves['count']})", _size(n), value, "<= mutt (not measured)", "n/a")
    if split and index:
        for name, data in (("index+pager", split), ("index only", index)):
            table.add(f"3 mutt {name}, bytes per j", _size(mutt["emails"]), _moves(data["bytes_per_move"]), "reference", "info")
        if measured:
            worst = max(entry["bytes_per_move"]["mean"] for entry in measured.values())
            table.add("3 stricter: Intray vs mutt index only", "all", f"worst mean {worst:.0f} B",
                      f"<= {index['bytes_per_move']['mean']:.0f} B", _verdict(worst <= index["bytes_per_move"]["mean"]))
    frames = [f"Intray {_size(n)} {e['first_paint']['first_frame_bytes']:.0f} B" for n, e in sizes.items() if "first_paint" in e]
    table.add("3 whole screen: start to first list frame", "", f"{options.columns * options.rows} cells; " + ", ".join(frames), "reference", "info")
    if split and index:
        table.add("3 whole screen: mutt redraw (Ctrl-L)", _size(mutt["emails"]),
                  f"index {index['redraw_bytes']} B, index+pager {split['redraw_bytes']} B", "reference", "info")


def _costs(table, sizes, results):
    measured = {n: e for n, e in sizes.items() if "cost_j" in e}
    if not measured:
        return
    small, large = min(measured), max(measured)
    mutt_cost = (((results.get("mutt") or {}).get("index")) or {}).get("cost_j")
    for key, label, is_target in COSTS:
        for n in sorted(measured):
            cost = measured[n][key]
            value, target, verdict = _cost(cost), "", ""
            if n == large and small != large:
                ratio = cost["cpu_per_key_s"] / max(measured[small][key]["cpu_per_key_s"], 1e-9)
                value += f", x{ratio:.1f} vs {_size(small)}"
                target = f"CPU <= {COST_RATIO:g}x {_size(small)}" if is_target else "(no target)"
                verdict = _verdict(ratio <= COST_RATIO) if is_target else "info"
            table.add(f"4 {label} x{cost['keys']}", _size(n), value, target, verdict)
        if key == "cost_j" and mutt_cost:
            table.add(f"4 mutt index j x{mutt_cost['keys']}", _size(results["mutt"]["emails"]), _cost(mutt_cost), "reference", "info")


def render(results, options):
    sizes = results["sizes"]
    table = Table()
    _first_paint(table, sizes)
    _memory(table, sizes)
    _bytes(table, sizes, results, options)
    _costs(table, sizes, results)
    for n, entry in sizes.items():
        if "error" in entry:
            table.add("measurement failed", _size(n), entry["error"], "", "FAIL")

    out = [f"Intray benchmarks: {results['binary']}", f"terminal {results['terminal']}, run took {results['seconds']:.0f} s"]
    out += table.lines()
    if results.get("mutt_note"):
        out.append(f"note: {results['mutt_note']}")
    if results.get("mutt"):
        out.append(f"mutt read an mbox of the same {results['mutt']['emails']} sandbox emails ({results['mutt']['mbox_bytes'] // 1024} KiB); "
                   f"index+pager = pager_index_lines={options.split_lines}, like Intray's list above its detail pane.")
    for n, entry in sizes.items():
        if "load_s" in entry:
            out.append(f"{_size(n)}: sandbox seeded in {entry['sandbox_start_s']:.1f} s (not timed); all tabs loaded {entry['load_s']:.1f} s "
                       f"after start, the UI using {entry['load_cpu_s']:.1f} s of CPU by then; tab counts {entry['tab_counts']}")
    return "\n".join(out)
