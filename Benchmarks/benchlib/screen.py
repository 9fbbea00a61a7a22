"""A small terminal emulator: enough of xterm to follow what ncurses and mutt send with
TERM=xterm-256color, so the benchmark can read the screen (text only, no attributes)."""

import unicodedata


def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    def __init__(self, rows, columns):
        self.rows = rows
        self.columns = columns
        self.grid = [[" "] * columns for _ in range(rows)]
        self.row = 0
        self.column = 0
        self.wrap_pending = False
        self.top = 0
        self.bottom = rows - 1
        self.saved = (0, 0)
        self.last_char = " "
        self._pending = b""
        self._decoder_buffer = b""

    # -- reading ---------------------------------------------------------------------------

    def line(self, row):
        return "".join(ch for ch in self.grid[row] if ch is not None)

    def text(self):
        return "\n".join(self.line(r) for r in range(self.rows))

    def contains(self, needle):
        return any(needle in self.line(r) for r in range(self.rows))

    # -- feeding ---------------------------------------------------------------------------

    def feed(self, data):
        data = self._pending + data
        self._pending = b""
        i, n = 0, len(data)
        while i < n:
            b = data[i]
            if b == 0x1B:
                end = self._escape_end(data, i)
                if end is None:
                    self._pending = data[i:]
                    return
                self._escape(data[i:end])
                i = end
            elif b < 0x20 or b == 0x7F:
                self._control(b)
                i += 1
            else:
                length = 1 if b < 0x80 else 2 if b >> 5 == 0b110 else 3 if b >> 4 == 0b1110 else 4 if b >> 3 == 0b11110 else 1
                if i + length > n:
                    self._pending = data[i:]
                    return
                self._print(data[i:i + length].decode("utf-8", "replace"))
                i += length

    @staticmethod
    def _escape_end(data, i):
        """Index just past the escape sequence starting at i, or None when it is incomplete."""
        n = len(data)
        if i + 1 >= n:
            return None
        kind = data[i + 1]
        if kind == ord("["):
            j = i + 2
            while j < n and not (0x40 <= data[j] <= 0x7E):
                j += 1
            return j + 1 if j < n else None
        if kind == ord("]") or kind == ord("P"):
            j = i + 2
            while j < n:
                if data[j] == 0x07:
                    return j + 1
                if data[j] == 0x1B and j + 1 < n and data[j + 1] == ord("\\"):
                    return j + 2
                j += 1
            return None
        if kind in b"()*+#":
            return i + 3 if i + 2 < n else None
        return i + 2

    def _control(self, b):
        if b == 0x0D:
            self.column = 0
            self.wrap_pending = False
        elif b in (0x0A, 0x0B, 0x0C):
            self._line_feed()
        elif b == 0x08:
            self.column = max(self.column - 1, 0)
            self.wrap_pending = False
        elif b == 0x09:
            self.column = min((self.column // 8 + 1) * 8, self.columns - 1)

    def _line_feed(self):
        self.wrap_pending = False
        if self.row == self.bottom:
            self._scroll_up(1)
        elif self.row < self.rows - 1:
            self.row += 1

    def _print(self, ch):
        """Puts a character at the cursor; answers the cell it took, or None for a zero-width one."""
        width = char_width(ch)
        if width == 0:
            return None
        if self.wrap_pending or self.column + width > self.columns:
            self.column = 0
            self._line_feed()
        placed = (self.row, self.column)
        line = self.grid[self.row]
        self._split_wide(line, self.column)
        if width == 2 and self.column + 1 < self.columns:
            self._split_wide(line, self.column + 1)
        line[self.column] = ch
        if width == 2 and self.column + 1 < self.columns:
            self.grid[self.row][self.column + 1] = None
        self.last_char = ch
        if self.column + width >= self.columns:
            self.column = self.columns - 1
            self.wrap_pending = True
        else:
            self.column += width
        return placed

    def _escape(self, seq):
        kind = chr(seq[1])
        if kind == "[":
            self._csi(seq[2:-1].decode("latin-1"), chr(seq[-1]))
        elif kind == "M":
            self.wrap_pending = False
            if self.row == self.top:
                self._scroll_down(1)
            elif self.row > 0:
                self.row -= 1
        elif kind == "D":
            self._line_feed()
        elif kind == "E":
            self.column = 0
            self._line_feed()
        elif kind == "7":
            self.saved = (self.row, self.column)
        elif kind == "8":
            self.row, self.column = self.saved
            self.wrap_pending = False
        elif kind == "c":
            self.__init__(self.rows, self.columns)

    def _csi(self, body, final):
        private = body[:1] in ("?", ">", "<", "=")
        if private:
            body = body[1:]
        params = [int(p) if p.isdigit() else 0 for p in body.split(";")] if body else []

        def p(index, default=1):
            value = params[index] if index < len(params) else 0
            return value if value else default

        if private:
            if final in "hl" and any(mode in params for mode in (47, 1047, 1049)):
                self._erase_rows(0, self.rows)
            return
        if final in "Hf":
            self._move(p(0) - 1, p(1) - 1)
        elif final == "A":
            self._move(max(self.row - p(0), self.top if self.row >= self.top else 0), self.column)
        elif final in "Be":
            self._move(min(self.row + p(0), self.bottom if self.row <= self.bottom else self.rows - 1), self.column)
        elif final in "Ca":
            self._move(self.row, self.column + p(0))
        elif final == "D":
            self._move(self.row, self.column - p(0))
        elif final in "G`":
            self._move(self.row, p(0) - 1)
        elif final == "d":
            self._move(p(0) - 1, self.column)
        elif final == "K":
            mode = p(0, 0)
            start, end = {0: (self.column, self.columns), 1: (0, self.column + 1), 2: (0, self.columns)}.get(mode, (0, 0))
            self._erase_cells(self.row, start, end)
        elif final == "J":
            mode = p(0, 0)
            if mode == 0:
                self._erase_cells(self.row, self.column, self.columns)
                self._erase_rows(self.row + 1, self.rows)
            elif mode == 1:
                self._erase_rows(0, self.row)
                self._erase_cells(self.row, 0, self.column + 1)
            else:
                self._erase_rows(0, self.rows)
        elif final == "X":
            self._erase_cells(self.row, self.column, min(self.column + p(0), self.columns))
        elif final == "b":
            for _ in range(p(0)):
                self._print(self.last_char)
        elif final == "r":
            top, bottom = p(0) - 1, p(1, self.rows) - 1
            if 0 <= top < bottom < self.rows:
                self.top, self.bottom = top, bottom
            else:
                self.top, self.bottom = 0, self.rows - 1
            self._move(0, 0)
        elif final == "L":
            if self.top <= self.row <= self.bottom:
                self._shift(self.row, self.bottom, -p(0))
        elif final == "M":
            if self.top <= self.row <= self.bottom:
                self._shift(self.row, self.bottom, p(0))
        elif final == "S":
            self._scroll_up(p(0))
        elif final == "T":
            self._scroll_down(p(0))
        elif final == "@":
            line = self.grid[self.row]
            count = min(p(0), self.columns - self.column)
            line[self.column:] = [" "] * count + line[self.column:self.columns - count]
        elif final == "P":
            line = self.grid[self.row]
            count = min(p(0), self.columns - self.column)
            line[self.column:] = line[self.column + count:] + [" "] * count
        elif final == "s":
            self.saved = (self.row, self.column)
        elif final == "u":
            self.row, self.column = self.saved
        # m (colours), t (window ops), n, c and the rest change no text.

    def _split_wide(self, line, column):
        """Blanks the other half of a wide character that a write at column cuts in two."""
        if line[column] is None and column > 0:
            line[column - 1] = " "
        elif column + 1 < self.columns and line[column + 1] is None:
            line[column + 1] = " "

    def _move(self, row, column):
        self.row = min(max(row, 0), self.rows - 1)
        self.column = min(max(column, 0), self.columns - 1)
        self.wrap_pending = False

    def _erase_cells(self, row, start, end):
        line = self.grid[row]
        for c in range(max(start, 0), min(end, self.columns)):
            line[c] = " "
        self.wrap_pending = False

    def _erase_rows(self, start, end):
        for r in range(max(start, 0), min(end, self.rows)):
            self.grid[r] = [" "] * self.columns

    def _shift(self, first, last, count):
        """Moves rows first...last up by count (down when negative), filling with blanks."""
        shift_rows(self.grid, first, last, count, lambda: [" "] * self.columns)

    def _scroll_up(self, count):
        self._shift(self.top, self.bottom, count)

    def _scroll_down(self, count):
        self._shift(self.top, self.bottom, -count)


def shift_rows(rows, first, last, count, blank):
    """Moves rows[first...last] up by count (down when negative), filling with blank()."""
    region = rows[first:last + 1]
    height = len(region)
    if count > 0:
        count = min(count, height)
        region = region[count:] + [blank() for _ in range(count)]
    else:
        count = min(-count, height)
        region = [blank() for _ in range(count)] + region[:height - count]
    rows[first:last + 1] = region
