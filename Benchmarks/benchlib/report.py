"""The results as a plain-text table with PASS/FAIL against the design's targets."""

import math

FIRST_PAINT_S = 0.2
FIRST_PAINT_OF_MUTT = 0.5      # first paint at most half of mutt's (10k mbox)
MEMORY_MIB = {100000: 65}      # read as MiB (1 MiB = 1,048,576 bytes); 10k is judged against mutt
BYTES_OF_MUTT = 0.6            # bytes per j at most 0.6x mutt's index+pager
CPU_PER_J_S = 0.0005
FRAME_S = 0.016                # every key answered within one frame, p95
SPINNER_TICK_BYTES = 64        # a spinner turn writes its cell, not a frame
RATE = (100, 10.0)             # the rate limit: 100 requests per 10 s
PAGE = 200                     # background page size
# "No keystroke does work proportional to the inbox size": the CPU per key with the largest
# inbox may be at most this many times the CPU with the smallest (noise on a shared machine).
COST_RATIO = 2.0
COSTS = (("cost_j", "j", True), ("cost_bottom_top", "G/g", False), ("cost_tab_switch", "2/1 (tab)", False))


def _size(n):
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _verdict(ok):
    return "PASS" if ok else "FAIL"


def _presses(cost):
    batches = cost.get("batches_cpu_per_key_s")
    return f"{len(batches)}x{cost['keys']}" if batches else f"x{cost['keys']}"


def _ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.2f} ms"


def _cost(cost):
    ui = cost.get("cpu_busiest_thread_per_key_s")
    batches = cost.get("batches_cpu_per_key_s")
    return (f"CPU {_ms(cost['cpu_per_key_s'])}/key" + (f" (median of {', '.join(_ms(b) for b in batches)})" if batches else "")
            + (f" (busiest thread {_ms(ui)})" if ui is not None else "")
            + f", latency {_ms(cost['latency_median_s'])} (max {_ms(cost['latency_max_s'])})")


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


def _mutt_first_paint(results):
    mutt = results.get("mutt") or {}
    paints = [mutt[k]["first_paint_s"] for k in ("index", "split") if mutt.get(k) and "first_paint_s" in mutt[k]]
    return (sum(paints) / len(paints)) if paints else None


def _first_paint(table, sizes, results):
    mutt_paint = _mutt_first_paint(results)
    for n, entry in sizes.items():
        paint = entry.get("first_paint")
        if not paint:
            continue
        value = f"{paint['median_s'] * 1000:.0f} ms (runs {', '.join(f'{t * 1000:.0f}' for t in paint['runs_s'])}; "
        value += f"first output at {paint['first_output_median_s'] * 1000:.0f} ms)"
        ok = paint["median_s"] <= FIRST_PAINT_S
        target = f"<= {FIRST_PAINT_S * 1000:.0f} ms"
        if mutt_paint is not None:
            target += f" and <= 1/2 mutt {mutt_paint * 1000:.0f} ms"
            ok = ok and paint["median_s"] <= mutt_paint * FIRST_PAINT_OF_MUTT
        table.add(f"1 first paint (median of {len(paint['runs_s'])})", _size(n), value, target, _verdict(ok))
    if mutt_paint is not None:
        mutt = results["mutt"]
        table.add("1 mutt first paint (index shown, 2 runs)", _size(mutt["emails"]), f"{mutt_paint * 1000:.0f} ms", "reference", "info")


def _memory(table, sizes, results):
    mutt = results.get("mutt") or {}
    mutt_rss = (mutt.get("index") or {}).get("memory_kib", {}).get("VmRSS")
    for n, entry in sizes.items():
        memory = entry.get("memory_kib")
        if not memory:
            continue
        rss, hwm = memory["VmRSS"] / 1024, memory["VmHWM"] / 1024
        value = f"RSS {rss:.1f} MiB = {memory['VmRSS'] * 1024 / 1e6:.1f} MB (anon {memory.get('RssAnon', 0) / 1024:.1f}, file {memory.get('RssFile', 0) / 1024:.1f}), peak {hwm:.1f} MiB"
        value += "" if memory["settled"] else " (RSS not stable)"
        limit = MEMORY_MIB.get(n)
        if limit:
            target, verdict = f"<= {limit} MiB", _verdict(rss <= limit)
        elif n == mutt.get("emails") and mutt_rss:
            target, verdict = f"<= mutt RSS {mutt_rss / 1024:.1f} MiB", _verdict(memory["VmRSS"] <= mutt_rss)
        else:
            target, verdict = "(no target)", "info"
        table.add("2 memory, Unresolved listed + 3 counts", _size(n), value, target, verdict)
    if mutt_rss:
        m = mutt["index"]["memory_kib"]
        table.add("2 mutt memory, mbox open and idle", _size(mutt["emails"]),
                  f"RSS {mutt_rss / 1024:.1f} MiB (anon {m.get('RssAnon', 0) / 1024:.1f}, file {m.get('RssFile', 0) / 1024:.1f}), peak {m['VmHWM'] / 1024:.1f} MiB",
                  "reference", "info")


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
            table.add(f"3 bytes per j (of {moves['count']})", _size(n), value, f"<= {BYTES_OF_MUTT:g}x mutt index+pager = {reference * BYTES_OF_MUTT:.0f} B",
                      _verdict(moves["mean"] <= reference * BYTES_OF_MUTT))
        else:
            table.add(f"3 bytes per j (of {moves['count']})", _size(n), value, "<= 0.6x mutt (not measured)", "n/a")
        if "bursts_max" in moves:
            table.add(f"3 bursts per j (of {moves['count']})", _size(n), f"max {moves['bursts_max']}, {moves['multi_burst_keys']} presses in >1 burst",
                      "1 burst (one frame) per j", _verdict(moves["bursts_max"] <= 1))
    if split and index:
        for name, data in (("index+pager", split), ("index only", index)):
            table.add(f"3 mutt {name}, bytes per j", _size(mutt["emails"]), _moves(data["bytes_per_move"]), "reference", "info")
        if measured:
            worst = max(entry["bytes_per_move"]["mean"] for entry in measured.values())
            table.add("3 stricter: Intray vs mutt index only", "all", f"worst mean {worst:.0f} B",
                      f"<= {index['bytes_per_move']['mean']:.0f} B", "info")
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
    for n in sorted(measured):
        cost = measured[n]["cost_j"]
        table.add(f"4 CPU per j {_presses(cost)}", _size(n), _cost(cost) + f", {cost.get('multi_burst_keys', 0)} in >1 burst",
                  f"<= {CPU_PER_J_S * 1000:g} ms", _verdict(cost["cpu_per_key_s"] <= CPU_PER_J_S))
    for key, label, is_target in COSTS:
        if small == large:
            break
        cost = measured[large][key]
        ratio = cost["cpu_per_key_s"] / max(measured[small][key]["cpu_per_key_s"], 1e-9)
        value = f"CPU {_ms(cost['cpu_per_key_s'])}/key vs {_ms(measured[small][key]['cpu_per_key_s'])}: x{ratio:.1f}"
        table.add(f"4 {label} CPU {_size(large)} vs {_size(small)}", _size(large), value,
                  f"<= {COST_RATIO:g}x {_size(small)}" if is_target else "(no target)", _verdict(ratio <= COST_RATIO) if is_target else "info")
    if mutt_cost:
        table.add(f"4 mutt index j {_presses(mutt_cost)}", _size(results["mutt"]["emails"]), _cost(mutt_cost), "reference", "info")


def _idle(table, sizes):
    for n, entry in sizes.items():
        idle = entry.get("idle")
        if not idle:
            continue
        value = (f"CPU {idle['cpu_s'] * 1000:.2f} ms, {idle['voluntary']} voluntary + {idle['involuntary']} involuntary switches, "
                 f"{idle['bytes']} B written ({idle['threads']} threads)")
        woken = ", ".join(f"{name} {w['voluntary']}+{w['involuntary']} ({w['cpu_ms']:.2f} ms)" for name, w in idle.get("threads_woken", {}).items())
        if woken:
            value += f"; woke: {woken}"
        table.add(f"4 idle {idle['seconds']:g} s after loading", _size(n), value, "0 CPU, 0 switches",
                  _verdict(idle["cpu_s"] == 0 and idle["voluntary"] == 0 and idle["involuntary"] == 0))


def _spinner(table, sizes):
    for n, entry in sizes.items():
        spin = entry.get("spinner")
        if not spin:
            continue
        if not spin["ticks"]:
            table.add("4 spinner turn while loading", _size(n), f"no turn seen ({spin['frames']} frames while loading)", f"<= {SPINNER_TICK_BYTES} B", "n/a")
            continue
        value = (f"{spin['ticks']} turns: median {spin['tick_bytes_median']:.0f} B, max {spin['tick_bytes_max']} B; "
                 f"{spin['frames']} other frames, median {spin['frame_bytes_median'] or 0:.0f} B")
        table.add("4 spinner turn while loading", _size(n), value, f"<= {SPINNER_TICK_BYTES} B",
                  _verdict(spin["tick_bytes_max"] <= SPINNER_TICK_BYTES))


def _latency_value(summary):
    return (f"p50 {_ms(summary['p50_s'])}, p95 {_ms(summary['p95_s'])}, max {_ms(summary['max_s'])} (n={summary['count']}"
            + (f", {summary['multi_burst_keys']} in >1 burst" if summary["multi_burst_keys"] else "") + ")")


def _latency(table, sizes, options):
    measured = {n: e for n, e in sizes.items() if "key_latency" in e}
    if not measured:
        return
    large = max(measured)
    entry = measured[large]
    suite = entry["key_latency"]
    j = entry["cost_j"]
    table.add(f"5 key latency j (no selection, x{j['keys']})", _size(large),
              f"p50 {_ms(j['latency_median_s'])}, p95 {_ms(j.get('latency_p95_s'))}, max {_ms(j['latency_max_s'])}; "
              f"{j.get('multi_burst_keys', 0)} followed by a 2nd burst (to its last byte: p50 {_ms(j.get('to_last_byte_median_s'))}, max {_ms(j.get('to_last_byte_max_s'))})",
              f"p95 <= {FRAME_S * 1000:.0f} ms", _verdict((j.get("latency_p95_s") or 1) <= FRAME_S))
    for key, summary in suite["keys"].items():
        table.add(f"5 key latency {key}, {suite['selected'] or '?'} selected", _size(large), _latency_value(summary),
                  f"p95 <= {FRAME_S * 1000:.0f} ms", _verdict((summary["p95_s"] or 1) <= FRAME_S))
    if suite["selected"] is not None:
        table.add("5 emails selected by * in Unresolved", _size(large), f"{suite['selected']:,}", ">= 60,000", _verdict(suite["selected"] >= 60000))
    frames = [(key, s) for key, s in suite["keys"].items()]
    worst = max((s["bursts_max"] for _, s in frames), default=0)
    multi = [f"{key} {s['multi_burst_keys']}/{s['count']}" for key, s in frames if s["multi_burst_keys"]]
    table.add("5 bursts of output per key (suite)", _size(large), f"max {worst} bursts per key" + (f"; >1 burst: {', '.join(multi)}" if multi else ""),
              "1st = the key's frame; later = network answers", "info")


def _requests(table, sizes):
    for n, entry in sizes.items():
        req = entry.get("requests")
        if not req:
            continue
        table.add(f"6 requests in the first {req['window_s']:g} s", _size(n), f"{req['requests_in_window']}: " + _kinds(req["kinds_in_window"]),
                  "a few", "info")
    for n, entry in sizes.items():
        req, counts = entry.get("requests"), entry.get("tab_counts")
        if not req or "load_s" not in entry or not counts:
            continue
        pages = math.ceil(counts[0] / PAGE)
        needed = req["requests_until_loaded"]
        allowed = RATE[1] * ((needed - 1) // RATE[0]) if needed else 0
        ideal = RATE[1] * ((pages + 2 - 1) // RATE[0])
        table.add("6 Unresolved fully listed (start -> no loading)", _size(n),
                  f"{entry['load_s']:.1f} s; {needed} requests by then ("
                  + (f"through the proxy: {req['load_s']:.1f} s)" if req["load_s"] > req["window_s"] + 0.1 else f"through the proxy: within its {req['window_s']:g} s window)"),
                  f"rate limit allows {needed} requests in {allowed:.0f} s; {pages} pages of {PAGE} + 2 counts in {ideal:.0f} s", "info")


def _kinds(kinds):
    return ", ".join(f"{count} {kind}" for kind, count in kinds.items()) or "none"


def smaps_lines(results):
    """Resident memory by mapping for the 10k and 100k runs (and mutt's), so every MiB has a name."""
    out = []
    blocks = [(f"Intray {_size(n)}", e["smaps_kib"], e.get("memory_kib", {}).get("VmRSS"), e.get("executable_sections_kib"))
              for n, e in results["sizes"].items() if "smaps_kib" in e and n >= 10000]
    mutt = (results.get("mutt") or {}).get("index") or {}
    if mutt.get("smaps_kib"):
        blocks.append((f"mutt {_size(results['mutt']['emails'])}", mutt["smaps_kib"], mutt.get("memory_kib", {}).get("VmRSS"), None))
    for title, smaps, rss, sections in blocks:
        total = sum(smaps.values())
        out.append(f"Resident memory by mapping, {title}: {total / 1024:.1f} MiB in smaps (VmRSS {(rss or 0) / 1024:.1f} MiB)")
        shown, rest, rest_count = [], 0, 0
        for name, kib in smaps.items():
            if kib >= 256:
                shown.append((name, kib))
            else:
                rest += kib
                rest_count += 1 if kib else 0
        for name, kib in shown:
            out.append(f"  {kib / 1024:8.1f} MiB  {name}")
        out.append(f"  {rest / 1024:8.1f} MiB  {rest_count} other mappings under 256 KiB each")
        if sections:
            big = [(name, s) for name, s in sections.items() if s["resident_kib"] >= 128]
            small = sum(s["resident_kib"] for name, s in sections.items() if s["resident_kib"] < 128)
            out.append("  the executable's resident pages by ELF section (resident of size):")
            out += [f"  {s['resident_kib'] / 1024:8.1f} MiB  {name} (of {s['size_kib'] / 1024:.1f} MiB)" for name, s in big]
            out.append(f"  {small / 1024:8.1f} MiB  other sections under 128 KiB each")
    return out


def latency_lines(results):
    """Every key's latency at every size (the table judges the largest)."""
    out = []
    for n, entry in results["sizes"].items():
        suite = entry.get("key_latency")
        if not suite:
            continue
        j = entry["cost_j"]
        out.append(f"Key latency, {_size(n)} ({suite['selected']} selected by *; Resolved listed {suite['resolved_listed_s'] or 0:.1f} s after its first showing):")
        out.append(f"  {'j (no selection)':<22} p50 {_ms(j['latency_median_s'])}, p95 {_ms(j.get('latency_p95_s'))}, max {_ms(j['latency_max_s'])} (n={j['frames']}, "
                   f"{j.get('multi_burst_keys', 0)} followed by a 2nd burst; to the last byte: p50 {_ms(j.get('to_last_byte_median_s'))}, max {_ms(j.get('to_last_byte_max_s'))})")
        for key, summary in suite["keys"].items():
            out.append(f"  {key:<22} {_latency_value(summary)}, {summary['bytes_mean']:.0f} B, {summary['late_bursts']} frames after the drain wait"
                       + (f", to the last byte max {_ms(summary['to_last_max_s'])}" if summary.get("to_last_max_s") else ""))
    return out


def render(results, options):
    sizes = results["sizes"]
    table = Table()
    _first_paint(table, sizes, results)
    _memory(table, sizes, results)
    _bytes(table, sizes, results, options)
    _costs(table, sizes, results)
    _idle(table, sizes)
    _spinner(table, sizes)
    _latency(table, sizes, options)
    _requests(table, sizes)
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
            out.append(f"{_size(n)}: sandbox seeded in {entry['sandbox_start_s']:.1f} s (not timed); Unresolved listed and all counts shown {entry['load_s']:.1f} s "
                       f"after start, the UI using {entry['load_cpu_s']:.1f} s of CPU by then; tab counts {entry['tab_counts']}")
        if entry.get("requests"):
            out.append(f"{_size(n)}: first requests: " + "; ".join(entry["requests"]["first_requests"]))
    out += [""] + smaps_lines(results) + [""] + latency_lines(results)
    return "\n".join(out)
