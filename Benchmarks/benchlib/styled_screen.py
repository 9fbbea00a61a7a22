"""`Screen` with each cell's style (bold, dim, underline, reverse, colours) as the SGR state it
was written or erased with: enough to tell which cells a frame really changed."""

from .screen import Screen, char_width, shift_rows

PLAIN = (False, False, False, False, None, None)  # bold, dim, underline, reverse, fg, bg


class StyledScreen(Screen):
    def __init__(self, rows, columns):
        self.style = PLAIN
        self.styles = [[PLAIN] * columns for _ in range(rows)]
        super().__init__(rows, columns)

    def cells(self):
        """Rows of (character, style); a blank shows only its background, underline and reverse."""
        return [[(ch, self._visible(ch, style)) for ch, style in zip(chars, styles)]
                for chars, styles in zip(self.grid, self.styles)]

    @staticmethod
    def _visible(ch, style):
        return (False, False, style[2], style[3], None, style[5]) if ch == " " else style

    def _blank(self):
        return (False, False, False, False, None, self.style[5])  # xterm erases with the background (bce)

    def _print(self, ch):
        placed = super()._print(ch)
        if placed is None:
            return
        row, column = placed
        self.styles[row][column] = self.style
        if char_width(ch) == 2 and column + 1 < self.columns:
            self.styles[row][column + 1] = self.style

    def _csi(self, body, final):
        if final == "m" and body[:1] not in ("?", ">"):
            self._sgr([int(p) if p.isdigit() else 0 for p in body.split(";")] if body else [0])
        else:
            super()._csi(body, final)

    def _sgr(self, params):
        bold, dim, underline, reverse, fg, bg = self.style
        i = 0
        while i < len(params):
            p = params[i]
            if p == 0:
                bold, dim, underline, reverse, fg, bg = PLAIN
            elif p in (1, 2, 4, 7):
                bold, dim, underline, reverse = (bold or p == 1, dim or p == 2, underline or p == 4, reverse or p == 7)
            elif p == 22:
                bold = dim = False
            elif p == 24:
                underline = False
            elif p == 27:
                reverse = False
            elif 30 <= p <= 37 or 90 <= p <= 97:
                fg = p - 30 if p < 90 else p - 82
            elif p == 39:
                fg = None
            elif 40 <= p <= 47 or 100 <= p <= 107:
                bg = p - 40 if p < 100 else p - 92
            elif p == 49:
                bg = None
            elif p in (38, 48) and i + 2 < len(params) and params[i + 1] == 5:
                fg, bg = (params[i + 2], bg) if p == 38 else (fg, params[i + 2])
                i += 2
            i += 1
        self.style = (bold, dim, underline, reverse, fg, bg)

    def _erase_cells(self, row, start, end):
        super()._erase_cells(row, start, end)
        for column in range(max(start, 0), min(end, self.columns)):
            self.styles[row][column] = self._blank()

    def _erase_rows(self, start, end):
        super()._erase_rows(start, end)
        for row in range(max(start, 0), min(end, self.rows)):
            self.styles[row] = [self._blank()] * self.columns

    def _shift(self, first, last, count):
        super()._shift(first, last, count)
        shift_rows(self.styles, first, last, count, lambda: [self._blank()] * self.columns)
