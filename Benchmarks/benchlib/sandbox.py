"""The Productive sandbox as a separate process on 127.0.0.1, so its seeding is not timed
with the app, and a reader of its emails (for the mutt mbox)."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.parse
import urllib.request


class Sandbox:
    def __init__(self, binary, emails, workdir, timeout=180):
        self.emails = emails
        self.log_path = os.path.join(workdir, f"sandbox-{emails}.out")
        self._log = open(self.log_path, "w")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [binary, "sandbox", "--host", "127.0.0.1", "--port", "0", "--emails", str(emails)],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        banner = ""
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                break
            with open(self.log_path) as f:
                banner = f.read()
            if "X-Organization-Id:" in banner:
                break
            time.sleep(0.05)
        match = re.search(r"Base URL:\s+(\S+)", banner)
        token = re.search(r"X-Auth-Token:\s+(\S+)", banner)
        org = re.search(r"X-Organization-Id:\s+(\S+)", banner)
        if not (match and token and org):
            self.stop()
            raise RuntimeError(f"sandbox with {emails} emails did not start within {timeout} s; see {self.log_path}")
        self.base_url = match.group(1)
        if urllib.parse.urlparse(self.base_url).hostname != "127.0.0.1":
            self.stop()
            raise RuntimeError(f"sandbox listens on {self.base_url}, not 127.0.0.1")
        self.token = token.group(1)
        self.organization_id = org.group(1)
        self.seconds_to_start = time.monotonic() - started

    def app_environment(self):
        return {"PRODUCTIVE_API_TOKEN": self.token, "PRODUCTIVE_ORG_ID": self.organization_id}

    def get(self, path, query, timeout=30):
        url = f"{self.base_url}/{path}?{urllib.parse.urlencode(query)}"
        request = urllib.request.Request(url, headers={
            "X-Auth-Token": self.token,
            "X-Organization-Id": self.organization_id,
            "Content-Type": "application/vnd.api+json",
        })
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)

    def all_emails(self, deadline):
        """Every email's attributes, all three statuses, as the API sends them."""
        emails = []
        for status in (1, 2, 3):
            page = 1
            while True:
                if time.monotonic() > deadline:
                    raise RuntimeError("reading the sandbox's emails took too long")
                document = self.get("emails", {"filter[status]": status, "page[size]": 200, "page[number]": page})
                emails += [item["attributes"] | {"id": item["id"]} for item in document["data"]]
                if page >= document["meta"].get("total_pages", 1) or not document["data"]:
                    break
                page += 1
        return emails

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_until_idle(self, quiet=0.3, timeout=10.0):
        """Waits until the sandbox used no CPU for `quiet` seconds (requests of a previous run
        that quit are still being answered), so one run's leftovers do not slow the next."""
        deadline = time.monotonic() + timeout
        last, since = self.cpu_seconds(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.cpu_seconds()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return True
        return False

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=5)
        self._log.close()
