"""Stops everything the benchmark started, however it ends: normal exit, an exception,
Ctrl-C, SIGTERM/SIGHUP, or the overall deadline (SIGALRM)."""

import atexit
import signal
import sys


class Deadline(Exception):
    pass


_stoppers = []


def register(stop):
    """Remembers a callable that stops one thing; answers it so it can be unregistered."""
    _stoppers.append(stop)
    return stop


def unregister(stop):
    if stop in _stoppers:
        _stoppers.remove(stop)


def stop_all():
    while _stoppers:
        stop = _stoppers.pop()
        try:
            stop()
        except Exception as error:  # keep stopping the rest
            print(f"cleanup: {error}", file=sys.stderr)


def install(overall_seconds):
    atexit.register(stop_all)

    def on_signal(number, frame):
        raise SystemExit(128 + number)

    def on_alarm(number, frame):
        raise Deadline(f"the benchmark ran past its {overall_seconds} s limit")

    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(overall_seconds)
