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
static inline int intray_has_colors(void) { return has_colors() ? 1 : 0; }

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
