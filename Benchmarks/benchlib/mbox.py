"""Writes the sandbox's emails as an mbox that mutt reads: same senders, subjects and bodies."""

import email.utils
from datetime import datetime
from email.header import Header
from html.parser import HTMLParser


class _TextOfHTML(HTMLParser):
    BREAKS = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"}

    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def text_of_html(html):
    parser = _TextOfHTML()
    parser.feed(html)
    return "".join(parser.parts).strip()


def _header(value):
    return value if value.isascii() else Header(value, "utf-8").encode()


def _address(person):
    if not person:
        return "unknown@example.invalid"
    name, address = person.get("name") or "", person.get("address") or "unknown@example.invalid"
    return email.utils.formataddr((name, address), charset="utf-8") if name else address


def write_mbox(emails, path):
    """Oldest first, as a mail spool grows; answers the number written."""
    def created(item):
        return datetime.fromisoformat(item["created_at"])

    ordered = sorted(emails, key=created)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for item in ordered:
            when = created(item)
            sender = (item.get("from") or {}).get("address") or "unknown@example.invalid"
            recipients = item.get("recipients") or {}
            body = item.get("body") or text_of_html(item.get("body_html") or "") or ""
            out.write(f"From {sender} {when.strftime('%a %b %d %H:%M:%S %Y')}\n")
            out.write(f"From: {_address(item.get('from'))}\n")
            to = ", ".join(_address(p) for p in recipients.get("to", [])) or "undisclosed-recipients:;"
            out.write(f"To: {to}\n")
            if recipients.get("cc"):
                out.write(f"Cc: {', '.join(_address(p) for p in recipients['cc'])}\n")
            out.write(f"Subject: {_header(item.get('subject') or '')}\n")
            out.write(f"Date: {email.utils.format_datetime(when)}\n")
            out.write(f"Message-ID: <{item['id']}@sandbox.invalid>\n")
            out.write("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n")
            if not item.get("unread", True):
                out.write("Status: RO\n")
            out.write("\n")
            for line in body.replace("\r\n", "\n").split("\n"):
                out.write((">" + line if line.startswith("From ") else line) + "\n")
            out.write("\n")
    return len(ordered)
