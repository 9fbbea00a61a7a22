#ifndef INTRAY_CNCURSESW_SHIM_H
#define INTRAY_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Swift 6 cannot read C globals or expand function-like macros: wrap them. */

static inline WINDOW *intray_stdscr(void) { return stdscr; }
static inline int intray_lines(void) { return LINES; }
static inline int intray_cols(void) { return COLS; }
static inline int intray_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int intray_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int intray_colors(void) { return COLORS; }

static inline attr_t intray_a_normal(void) { return A_NORMAL; }
static inline attr_t intray_a_bold(void) { return A_BOLD; }
static inline attr_t intray_a_reverse(void) { return A_REVERSE; }
static inline attr_t intray_a_underline(void) { return A_UNDERLINE; }
static inline attr_t intray_a_dim(void) { return A_DIM; }

static inline int intray_key_resize(void) { return KEY_RESIZE; }
static inline int intray_key_code_yes(void) { return KEY_CODE_YES; }
static inline int intray_err(void) { return ERR; }

static inline void intray_set_escdelay(int ms) { set_escdelay(ms); }

/* xterm mouse tracking on or off: clicks and the wheel (1000) in the SGR form (1006), which
   carries any column. Only write(2), so a signal handler may call it. */
static inline void intray_mouse_tracking(int on) {
    static const char enable[] = "\033[?1006h\033[?1000h";
    static const char disable[] = "\033[?1000l\033[?1006l";
    ssize_t written = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)written;
}

/* Whether what signal() answered is SIG_IGN. */
static inline int intray_is_signal_ignored(void (*handler)(int)) {
    return handler == SIG_IGN;
}

/* Whether what signal() answered is a handler function rather than SIG_DFL, SIG_IGN or SIG_ERR. */
static inline int intray_is_signal_function(void (*handler)(int)) {
    return handler != SIG_DFL && handler != SIG_IGN && handler != SIG_ERR;
}

/* Draws one wide-character string with attributes; n is a count of wchar_t. */
static inline int intray_mvaddnwstr_attr(WINDOW *win, int y, int x, const wchar_t *s, int n, attr_t attr, short pair) {
    wattr_set(win, attr, pair, NULL);
    return mvwaddnwstr(win, y, x, s, n);
}

/* Copies n printable ASCII bytes into a row as cells with attributes, without interpreting
   them or moving the cursor (waddchnstr): far cheaper per cell than mvwaddnwstr. Only for
   cells that split no wide character: the caller knows the row holds none. */
static inline int intray_mvaddascii_attr(WINDOW *win, int y, int x, const unsigned char *s, int n, attr_t attr, short pair) {
    chtype cells[256];
    chtype style = (chtype)attr | (chtype)COLOR_PAIR(pair);
    while (n > 0) {
        int count = n < 256 ? n : 256;
        for (int i = 0; i < count; i++) cells[i] = (chtype)s[i] | style;
        if (mvwaddchnstr(win, y, x, cells, count) == ERR) return ERR;
        s += count;
        x += count;
        n -= count;
    }
    return OK;
}

/* The character of valid UTF-8 at s[*i], stepping *i past it. */
static inline wchar_t intray_utf8_next(const unsigned char *s, int *i) {
    unsigned int lead = s[*i];
    if (lead < 0x80) { *i += 1; return (wchar_t)lead; }
    if (lead < 0xE0) { *i += 2; return (wchar_t)((lead & 0x1F) << 6 | (s[*i - 1] & 0x3F)); }
    if (lead < 0xF0) { *i += 3; return (wchar_t)((lead & 0x0F) << 12 | (s[*i - 2] & 0x3F) << 6 | (s[*i - 1] & 0x3F)); }
    *i += 4;
    return (wchar_t)((lead & 0x07) << 18 | (s[*i - 3] & 0x3F) << 12 | (s[*i - 2] & 0x3F) << 6 | (s[*i - 1] & 0x3F));
}

/* Text of n bytes of valid UTF-8 copied into a row as cells with attributes, as
   intray_mvaddascii_attr does, when each of its characters takes one column (wcwidth 1), so
   none is split, joined or widened. When the terminal is not UTF-8 (utf8 0), characters past
   ASCII are written as '?'. Answers 0, writing nothing, when a character is not one column
   wide; 1 otherwise. */
extern int wcwidth(wchar_t c);
static inline int intray_mvaddnarrow_attr(WINDOW *win, int y, int x, const unsigned char *s, int n, int utf8, attr_t attr, short pair) {
    int ascii = 1;
    for (int i = 0; i < n; i++) {
        if (s[i] < 0x20 || s[i] >= 0x7F) { ascii = 0; break; }
    }
    if (ascii) {
        intray_mvaddascii_attr(win, y, x, s, n, attr, pair);
        return 1;
    }
    for (int i = 0; i < n;) {
        wchar_t c = intray_utf8_next(s, &i);
        if (!utf8 && c >= 0x7F) c = L'?';
        if (wcwidth(c) != 1) return 0;
    }
    cchar_t cells[256];
    cchar_t style;
    const wchar_t blank[2] = { L' ', 0 };
    if (setcchar(&style, blank, attr, pair, NULL) == ERR) return 0;
    int i = 0;
    while (i < n) {
        int count = 0;
        while (i < n && count < 256) {
            wchar_t c = intray_utf8_next(s, &i);
            cells[count] = style;
            cells[count].chars[0] = !utf8 && c >= 0x7F ? L'?' : c;
            count++;
        }
        if (mvwadd_wchnstr(win, y, x, cells, count) == ERR) return 1;
        x += count;
    }
    return 1;
}

/* ioctl is variadic, which Swift cannot call: the terminal's size in cells, or -1. */
static inline int intray_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* Whether the terminal can move the cursor at all (TERM=dumb cannot). Call after newterm. */
static inline int intray_can_address_cursor(void) {
    char *cup = tigetstr((char *)"cup");
    return cup != NULL && cup != (char *)-1;
}

static inline int intray_get_wch(WINDOW *win, unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(win, &ch);
    *out = (unsigned int)ch;
    return rc;
}

/* The terminfo entry of `term`: 1 found (colors and whether it can move the cursor set),
   0 no such entry, -1 no terminfo database. Leaves no terminal set up. Defined last: term.h
   defines macros such as `columns` and `lines`. */
#include <ncursesw/term.h>
static inline int intray_terminfo_entry(const char *term, int *colors, int *cursor) {
    int status = 0;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) return status == 0 ? 0 : -1;
    *colors = tigetnum((char *)"colors");
    char *cup = tigetstr((char *)"cup");
    *cursor = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return 1;
}

/* A terminfo string of the terminal set up, or NULL when it has none. */
static inline const char *intray_tigetstr(const char *name) {
    char *value = tigetstr((char *)name);
    return value == NULL || value == (char *)-1 ? NULL : value;
}

/* A terminfo flag: 1 set, 0 not, -1 not a flag. */
static inline int intray_tigetflag(const char *name) { return tigetflag((char *)name); }

/* tiparm is variadic, which Swift cannot call: a string with two parameters filled in. */
static inline const char *intray_tiparm2(const char *capability, int first, int second) {
    return tiparm(capability, first, second);
}

/* Where ncurses takes the terminal's cursor to be. */
static inline void intray_curscr_cursor(int *row, int *column) {
    *row = getcury(curscr);
    *column = getcurx(curscr);
}

#endif
