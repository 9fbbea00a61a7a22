"""A counting TCP proxy on 127.0.0.1 between the app and the sandbox: it forwards bytes both
ways unchanged and notes the time and request line of every HTTP request the app sends, so the
requests the app makes can be counted without changing the app or the sandbox."""

import re
import select
import socket
import threading
import time

REQUEST_LINE = re.compile(rb"(?:^|\r\n)(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS) (\S+) HTTP/1\.[01]\r\n")


class CountingProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.requests = []  # (monotonic time, method, path)
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        self._sockets = []
        self._thread = threading.Thread(target=self._serve, name="counting-proxy", daemon=True)
        self._thread.start()

    def count(self, since=None, until=None):
        with self._lock:
            return sum(1 for at, _, _ in self.requests if (since is None or at >= since) and (until is None or at <= until))

    def lines(self, since=None, until=None):
        with self._lock:
            return [(at, method, path) for at, method, path in self.requests
                    if (since is None or at >= since) and (until is None or at <= until)]

    def _serve(self):
        # One thread: select over the listener and every pair of sockets.
        pairs = {}  # socket -> (peer socket, is_client_side, pending request bytes)
        while not self._stopped.is_set():
            readable, _, _ = select.select([self._listener] + list(pairs), [], [], 0.1)
            for sock in readable:
                if sock is self._listener:
                    try:
                        client, _ = self._listener.accept()
                        upstream = socket.create_connection(self.target, timeout=5)
                    except OSError:
                        continue
                    for s in (client, upstream):
                        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    pairs[client] = [upstream, True, b""]
                    pairs[upstream] = [client, False, b""]
                    self._sockets += [client, upstream]
                    continue
                if sock not in pairs:
                    continue
                peer, from_client, pending = pairs[sock]
                try:
                    data = sock.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    for s in (sock, peer):
                        pairs.pop(s, None)
                        try:
                            s.close()
                        except OSError:
                            pass
                    continue
                if from_client:
                    now = time.monotonic()
                    buffer = pending + data
                    found = list(REQUEST_LINE.finditer(buffer))
                    with self._lock:
                        for match in found:
                            self.requests.append((now, match.group(1).decode(), match.group(2).decode("latin-1")))
                    # Keep a tail in case a request line is split across reads.
                    tail_from = found[-1].end() if found else 0
                    pairs[sock][2] = buffer[max(tail_from, len(buffer) - 512):]
                try:
                    peer.sendall(data)
                except OSError:
                    pass
        for s in self._sockets:
            try:
                s.close()
            except OSError:
                pass

    def stop(self):
        self._stopped.set()
        self._thread.join(timeout=2)
        try:
            self._listener.close()
        except OSError:
            pass
