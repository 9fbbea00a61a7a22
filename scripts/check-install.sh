#!/usr/bin/env bash
# Checks what users install, as CI runs it after scripts/test:
#  1. scripts/install.sh into a temporary prefix; the installed binary then runs, with the
#     Swift toolchain's folder hidden (a tmpfs over it in a private mount namespace):
#     --version, doctor against a sandbox (good token, bad token, server down) and --demo in
#     a pseudo-terminal (tmux) until it paints. Its shared libraries and size are checked.
#  2. scripts/package-deb.sh (same release build); the .deb is unpacked with dpkg-deb -x
#     and its binary goes through the same checks. Skipped where dpkg cannot be had.
# Prints the size and the time of each step. Needs root or unprivileged user namespaces.
set -euo pipefail
cd "$(dirname "$0")/.."

max_bytes=$((60 * 1000 * 1000))
work=$(mktemp -d)
sandbox_pid=""
tmux_socket="intray-check-$$"
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

step_started=0
step() { step_started=$(date +%s); echo "check-install: $*" >&2; }
done_step() { echo "check-install:   ok ($(( $(date +%s) - step_started )) s)" >&2; }
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if [ "$(id -u)" -eq 0 ]; then unshare_flags=(-m); else unshare_flags=(-r -m); fi
# Runs a command with the toolchain's folder replaced by an empty tmpfs.
hidden() {
    unshare "${unshare_flags[@]}" sh -c 'mount -t tmpfs none "$0" && shift && exec "$@"' "$toolchain" -- "$@"
}
hidden true || fail "cannot hide $toolchain in a private mount namespace (needs root or user namespaces)."

check_binary() {
    local binary=$1 label=$2
    step "$label: libraries and size"
    local libs size
    libs=$(ldd "$binary")
    echo "$libs" | sed 's/^/    /' >&2
    if echo "$libs" | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|not found'; then
        fail "$binary still needs the Swift toolchain's libraries."
    fi
    local needed
    needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    for lib in $needed; do
        case "$lib" in
            libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|libutil.so.*|ld-linux*|libstdc++.so.*|libgcc_s.so.*) ;;
            libncursesw.so.*|libtinfo.so.*|libxml2.so.*|libsqlite3.so.*|libz.so.*) ;;
            *) fail "$binary links $lib, which is not libc, libstdc++/libgcc, ncurses, libxml2, sqlite or zlib." ;;
        esac
    done
    # Linked in (libstdc++) or opened when first needed (libxml2): docs/release-binary.md.
    for lib in $needed; do
        case "$lib" in
            libstdc++.so.*|libxml2.so.*) fail "$binary links $lib, which the release build links statically or opens when needed." ;;
        esac
    done
    size=$(stat -c %s "$binary")
    echo "    $binary: $size bytes" >&2
    [ "$size" -le "$max_bytes" ] || fail "$binary is $size bytes, more than $max_bytes."
    done_step

    step "$label: --version with $toolchain hidden"
    local version
    version=$(hidden "$binary" --version)
    echo "    $version" >&2
    [[ "$version" =~ ^intray\ [0-9]+\.[0-9]+\.[0-9]+\ \(.+\)$ ]] || fail "--version printed “$version”."
    done_step

    step "$label: doctor against a sandbox, good and bad token, server down"
    local banner="$work/sandbox.out" url token org out status
    "$binary" sandbox --port 0 --emails 20 > "$banner" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 100); do grep -q 'X-Organization-Id' "$banner" 2>/dev/null && break; sleep 0.2; done
    url=$(sed -n 's/^ *Base URL: *//p' "$banner")
    token=$(sed -n 's/^ *X-Auth-Token: *//p' "$banner")
    org=$(sed -n 's/^ *X-Organization-Id: *//p' "$banner")
    [ -n "$url" ] && [ -n "$token" ] && [ -n "$org" ] || fail "the sandbox did not start: $(cat "$banner")"
    local home="$work/home"
    mkdir -p "$home"
    run_doctor() {
        hidden env -i PATH=/usr/bin:/bin HOME="$home" TERM=xterm-256color LANG=C.UTF-8 \
            PRODUCTIVE_API_TOKEN="$1" PRODUCTIVE_ORG_ID="$org" "$binary" doctor --api-url "$2"
    }
    status=0; out=$(run_doctor "$token" "$url") || status=$?
    echo "$out" | sed 's/^/    /' >&2
    [ "$status" -eq 0 ] || fail "doctor exited $status with a good token."
    echo "$out" | grep -q '^ok *api .*token accepted' || fail "doctor did not report the API as ok."
    echo "$out" | grep -q "$token" && fail "doctor printed the token."
    status=0; out=$(run_doctor "not-the-token" "$url") || status=$?
    [ "$status" -eq 1 ] || fail "doctor exited $status with a bad token (want 1)."
    echo "$out" | grep -q '^fail *api .*401' || fail "doctor did not report the refused token: $out"
    # libxml2 is opened the first time an HTML body is read: show an email that has only one.
    local id html_only=""
    for id in $(seq 1 20); do
        out=$(hidden env -i PATH=/usr/bin:/bin HOME="$home" PRODUCTIVE_API_TOKEN="$token" PRODUCTIVE_ORG_ID="$org" \
            "$binary" show --api-url "$url" "$id" --json) || fail "show $id --json failed: $out"
        if echo "$out" | python3 -c 'import json, sys; a = json.load(sys.stdin); sys.exit(0 if not (a.get("body") or "").strip() and a.get("body_html") else 1)'; then
            html_only=$id; break
        fi
    done
    [ -n "$html_only" ] || fail "the sandbox's first 20 emails have no HTML-only one to show."
    out=$(hidden env -i PATH=/usr/bin:/bin HOME="$home" PRODUCTIVE_API_TOKEN="$token" PRODUCTIVE_ORG_ID="$org" \
        "$binary" show --api-url "$url" "$html_only") || fail "show $html_only failed: $out"
    echo "$out" | sed -n '8,10p' | sed 's/^/    show (HTML only): /' >&2
    echo "$out" | grep -q 'libxml2' && fail "show $html_only could not read its HTML: $out"
    [ "$(echo "$out" | sed -n '8,$p' | grep -c '[[:alpha:]]')" -gt 0 ] || fail "show $html_only printed no body: $out"
    kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; sandbox_pid=""
    status=0; out=$(run_doctor "$token" "$url") || status=$?
    [ "$status" -eq 1 ] || fail "doctor exited $status with the server down (want 1)."
    echo "$out" | grep -q '^fail *api .*no answer' || fail "doctor did not report the server down: $out"
    done_step

    step "$label: --demo paints in a pseudo-terminal with $toolchain hidden"
    local screen=""
    tmux -L "$tmux_socket" -f /dev/null new-session -d -x 100 -y 30 \
        "env TERM=xterm-256color LANG=C.UTF-8 HOME=$home unshare ${unshare_flags[*]} sh -c 'mount -t tmpfs none $toolchain && exec $binary --demo'; sleep 30"
    for _ in $(seq 1 150); do
        screen=$(tmux -L "$tmux_socket" capture-pane -p 2>/dev/null || true)
        if echo "$screen" | grep -q 'Unresolved [0-9]' && echo "$screen" | grep -q 'Subject:'; then break; fi
        sleep 0.2
    done
    echo "$screen" | head -8 | sed 's/^/    /' >&2
    echo "$screen" | grep -q 'Unresolved [0-9]' && echo "$screen" | grep -q 'Subject:' \
        || fail "--demo did not paint the list and an email: $screen"
    tmux -L "$tmux_socket" send-keys q
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
    done_step
}

all_started=$(date +%s)
step "scripts/install.sh into a temporary prefix"
scripts/install.sh "$work/prefix"
for file in bin/intray share/man/man1/intray.1 share/bash-completion/completions/intray \
    share/zsh/site-functions/_intray share/fish/vendor_completions.d/intray.fish; do
    [ -s "$work/prefix/$file" ] || fail "install.sh did not install $file."
done
if command -v man >/dev/null 2>&1; then
    warnings=$(LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$work/prefix/share/man/man1/intray.1" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "the man page has roff warnings: $warnings"
    LC_ALL=C.UTF-8 man -l "$work/prefix/share/man/man1/intray.1" 2>/dev/null | grep -q 'EXIT STATUS' || fail "the man page does not render."
fi
done_step
check_binary "$work/prefix/bin/intray" "installed"

if command -v dpkg >/dev/null 2>&1; then
    step "scripts/package-deb.sh"
    deb=$(CI=${CI:-} LINTIAN=${LINTIAN:-1} scripts/package-deb.sh "$work/deb")
    dpkg-deb -x "$deb" "$work/unpacked"
    for file in usr/bin/intray usr/share/man/man1/intray.1.gz usr/share/doc/intray/copyright \
        usr/share/bash-completion/completions/intray usr/share/zsh/vendor-completions/_intray \
        usr/share/fish/vendor_completions.d/intray.fish; do
        [ -s "$work/unpacked/$file" ] || fail "the .deb has no $file."
    done
    dpkg-deb -f "$deb" Depends | sed 's/^/    Depends: /' >&2
    dpkg-deb -f "$deb" Depends | grep -q 'libxml2' || fail "the .deb does not depend on libxml2, which HTML bodies need."
    done_step
    check_binary "$work/unpacked/usr/bin/intray" "from the .deb"
else
    echo "check-install: no dpkg here; the .deb is not built." >&2
fi
echo "check-install: all checks passed in $(( $(date +%s) - all_started )) s"
