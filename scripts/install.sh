#!/usr/bin/env bash
# Installs Intray under PREFIX (default /usr/local): one self-contained binary (the Swift
# runtime linked in), its man page and bash, zsh and fish completions. Needs no root when
# PREFIX is writable, e.g. `scripts/install.sh ~/.local`.
set -euo pipefail
prefix=${1:-/usr/local}
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
cd "$(dirname "$0")/.."

stage=$(scripts/build-release)
if ! mkdir -p "$prefix" 2>/dev/null || [ ! -w "$prefix" ]; then
    echo "install.sh: cannot write to $prefix; run as a user who can, or choose another PREFIX (e.g. scripts/install.sh ~/.local)." >&2
    exit 1
fi
files=(
    bin/intray
    share/man/man1/intray.1
    share/bash-completion/completions/intray
    share/zsh/site-functions/_intray
    share/fish/vendor_completions.d/intray.fish
)
echo "Installed Intray $("$stage/bin/intray" --version | sed 's/^intray //'):"
for file in "${files[@]}"; do
    mode=644
    [ "$file" = bin/intray ] && mode=755
    install -D -m "$mode" "$stage/$file" "$prefix/$file"
    echo "  $prefix/$file"
done
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to PATH to run intray by name." ;; esac
echo "Next: intray doctor"
