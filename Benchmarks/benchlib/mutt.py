"""The same cursor-move measurement on mutt, reading an mbox of the sandbox's emails."""

import os
import shutil
import subprocess

from . import cleanup, keys, probes
from .terminal import Terminal

# Everything here only keeps mutt from asking questions or writing files; the display is mutt's
# default, except that the pager shows the usual headers (as Debian's /etc/Muttrc does).
MUTTRC = """\
set folder={work}
set record=""
set postponed={work}/postponed
set header_cache=""
set mailcap_path=/dev/null
set mbox_type=mbox
set charset=utf-8
set quit=yes
unset wait_key
ignore *
unignore from: to: cc: date: subject:
"""


def available(try_install):
    """The mutt binary, installing Debian's package first when allowed; None when it cannot be had."""
    if shutil.which("mutt") is None and try_install and os.geteuid() == 0 and shutil.which("apt-get"):
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "install", "-y", "-q", "mutt"], ["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "mutt"]):
            try:
                subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
            except subprocess.TimeoutExpired:
                break
            if shutil.which("mutt"):
                break
    return shutil.which("mutt")


def _environment(work):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": work,
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


def bytes_per_move(mutt, mbox, work, moves, rows, columns, split_lines=None, cost_keys=0):
    """Bytes mutt writes per `j` in its index (split_lines=None) or in the pager with a mini-index
    of split_lines rows above the message, as Intray's list sits above its detail pane."""
    muttrc = os.path.join(work, "muttrc")
    with open(muttrc, "w") as f:
        f.write(MUTTRC.format(work=work))
    argv = [mutt, "-n", "-F", muttrc]
    if split_lines:
        argv += ["-e", f"set pager_index_lines={split_lines}"]
    argv += ["-R", "-f", mbox]
    terminal = Terminal(argv, _environment(work), rows, columns)
    stop = cleanup.register(lambda: terminal.close("qqq"))
    try:
        ready = terminal.wait_for(probes.mutt_ready, 180, "mutt's index")
        terminal.settle(0.5, 60)
        first_frame = terminal.bytes_total
        # mutt has read the whole mbox and sits idle in its index: its memory for these emails.
        memory = probes.stable_memory(terminal, timeout=10)[0]
        terminal.send("=")  # first-entry: start at the top, as Intray does
        terminal.settle(0.3, 10)
        if split_lines:
            terminal.send("\r")  # open the message: mini-index above, pager below
            terminal.settle(0.3, 10)
        sizes = keys.bytes_per_key(terminal, "j", moves)
        terminal.send("\x0c")  # redraw-screen: what a whole screen costs mutt
        redraw = terminal.settle(0.3, 10)
        cost = keys.median_cost(terminal, "j", cost_keys) if cost_keys else None
        return {"bytes_per_move": keys.summary(sizes), "first_frame_bytes": first_frame, "redraw_bytes": redraw,
                "first_paint_s": ready - terminal.spawned_at, "memory_kib": memory, "smaps_kib": probes.smaps_breakdown(terminal.pid),
                "cost_j": cost, "screen": terminal.screen.text()}
    finally:
        cleanup.unregister(stop)
        terminal.close("qqq")
