#!/usr/bin/env bash
# Builds OUTDIR/intray_<version>_<arch>.deb: the self-contained binary, its man page, the
# bash, zsh and fish completions and the copyright file. Depends is computed by
# dpkg-shlibdeps from the binary's shared libraries. Installs dpkg-dev when missing
# (and lintian, which checks the result when LINTIAN=1 or in CI).
set -euo pipefail
outdir=${1:?usage: scripts/package-deb.sh OUTDIR}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
cd "$(dirname "$0")/.."

need=()
command -v dpkg-shlibdeps >/dev/null 2>&1 || need+=(dpkg-dev)
lint=${LINTIAN:-${CI:-}}
if [ -n "$lint" ] && [ "$lint" != 0 ] && [ "$lint" != false ]; then
    command -v lintian >/dev/null 2>&1 || need+=(lintian)
fi
if ((${#need[@]})); then
    echo "package-deb: installing ${need[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

stage=$(scripts/build-release)
version=$(tr -d ' \t\r\n' < VERSION)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/intray"

install -D -m 755 "$stage/bin/intray" "$root/usr/bin/intray"
install -d -m 755 "$root/usr/share/man/man1"
gzip -9n < "$stage/share/man/man1/intray.1" > "$root/usr/share/man/man1/intray.1.gz"
install -D -m 644 "$stage/share/bash-completion/completions/intray" "$root/usr/share/bash-completion/completions/intray"
install -D -m 644 "$stage/share/zsh/site-functions/_intray" "$root/usr/share/zsh/vendor-completions/_intray"
install -D -m 644 "$stage/share/fish/vendor_completions.d/intray.fish" "$root/usr/share/fish/vendor_completions.d/intray.fish"
install -D -m 644 packaging/debian/copyright "$root/usr/share/doc/intray/copyright"
{
    echo "intray ($version) unstable; urgency=medium"
    echo
    echo "  * Release $version ($("$stage/bin/intray" --version | sed 's/^intray [^ ]* //'))."
    echo
    echo " -- Intray maintainers <intray@example.com>  $(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
} | gzip -9n > "$work/changelog.gz"
install -m 644 "$work/changelog.gz" "$root/usr/share/doc/intray/changelog.gz"

# dpkg-shlibdeps reads debian/control of the folder it runs in, and wants the package's
# DEBIAN folder to exist.
install -d -m 755 "$root/DEBIAN"
mkdir -p "$work/src/debian"
printf 'Source: intray\n\nPackage: intray\nArchitecture: any\n' > "$work/src/debian/control"
# The RUNPATH $ORIGIN that SwiftPM sets finds nothing there; say so once, not per library.
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/bin/intray" 2> "$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
grep -v 'RPATH' "$work/shlibdeps.log" >&2 || true
[ -n "$depends" ] || { echo "package-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# libxml2 is opened with dlopen when an HTML body is first read, so dpkg-shlibdeps cannot see it.
depends="$depends, libxml2 (>= 2.9)"

cat > "$root/DEBIAN/control" <<CONTROL
Package: intray
Version: $version
Architecture: $arch
Maintainer: Intray maintainers <intray@example.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: mail
Priority: optional
Description: terminal app to triage the email inbox of Productive.io
 Intray is a keyboard-driven terminal app for triaging the shared email
 inbox of a Productive.io organization: read what came in, then resolve
 it, attach it to a deal, dismiss it or delete it, over SSH. It is one
 binary with the Swift runtime linked in; "intray doctor" checks a new
 server.
CONTROL

(cd "$root" && find usr -type f -exec md5sum {} + | sort -k 2) > "$root/DEBIAN/md5sums"

deb="$outdir/intray_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "package-deb: $deb ($(stat -c %s "$deb") bytes), Depends: $depends" >&2
if command -v lintian >/dev/null 2>&1 && [ -n "$lint" ] && [ "$lint" != 0 ] && [ "$lint" != false ]; then
    # Errors fail the package; warnings are shown. Tags we accept, with the reason, are in
    # packaging/debian/lintian-ignored (one per line, `#` comments).
    ignored=$(sed 's/#.*//' packaging/debian/lintian-ignored | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
    lintian --fail-on error ${ignored:+--suppress-tags "$ignored"} "$deb" >&2
fi
echo "$deb"
