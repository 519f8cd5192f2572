#!/usr/bin/env bash
# test-local.sh: prove flatpak/io.github.wenda.Wenda.json offline.
#
# Flathub cannot be reached here, so this makes stand-ins for
# org.gnome.Platform and org.gnome.Sdk (at the manifest's runtime-version)
# from the project's Debian sid root (.ci/root: GTK 4.24, libadwaita 1.10,
# GLib 2.90).  All flatpak work runs inside a second copy of that root, the
# tools root, with sid's own flatpak and flatpak-builder: flatpak-builder 1.4
# composes AppStream with appstreamcli on the builder's side, as Flathub's
# does, so the SDK needs no compose tool of its own (the GNOME SDKs, on
# Freedesktop SDK 24.08 and later, have no appstream-compose).  In a
# throw-away user installation it builds and installs the UNCHANGED
# manifest, runs the app under its own Xvfb in C.UTF-8 and zh_CN.UTF-8 with
# screenshots, then starts it once more through D-Bus activation of the
# exported service file, as GNOME Shell would.
#
# The manifest's own modules (md4c) download their upstream tarballs, and
# upstream cannot be reached here either: the script takes Debian's copy of
# each tarball (the orig tarball of the same release, from a trixie deb-src
# list of its own on the mirror that the tools root's apt uses), checks that
# its sha256 is the manifest's, and hands it to flatpak-builder with
# --extra-sources.  The stand-ins are made without those libraries, as the
# real runtimes are, so the build has to use the module.
#
#   flatpak/test-local.sh [--rebuild-runtimes] [--rebuild-root] [--keep-going]
#
# Environment (all optional):
#   WENDA_FLATPAK_WORK     work folder (default /var/tmp/wenda-flatpak), outside
#                          the checkout: logs, screenshots, the tools root
#   WENDA_FLATPAK_ROOT     the tools root (default $WENDA_FLATPAK_WORK/root); it
#                          holds the runtime cache and the user installation
#   WENDA_FLATPAK_TIMEOUT  seconds to wait for the window (default 90)
#
# Runs as root: it unpacks roots (.ci/root unpack) and enters the tools root
# through a mount namespace of its own (in_root).  The sid tarball comes from
# .ci/root's cache.  See flatpak/README.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

TOP=$(readlink -f "$(dirname "${BASH_SOURCE[0]}")/..")
SELF="$TOP/flatpak/test-local.sh"
MANIFEST="$TOP/flatpak/io.github.wenda.Wenda.json"
CI_ROOT="$TOP/.ci/root"
APP_ID=io.github.wenda.Wenda
SUITE=sid
# Bump when the way the tools root or the stand-ins are made changes: it is
# part of their cache keys.
RECIPE=3
# The work folder inside the tools root.
IN=/wenda-flatpak
WINDOW_TIMEOUT=${WENDA_FLATPAK_TIMEOUT:-90}

# What the tools root adds to the sid root: flatpak-builder runs eu-strip
# (elfutils) and appstreamcli compose (a dependency) on the builder's side.
TOOLS_PKGS=(flatpak flatpak-builder elfutils)

# What the real GNOME SDK has and the sid root lacks: installed into the
# stand-in SDK (the manifest's cmake-ninja modules need cmake).  The
# Platform drops them again (PLATFORM_DROP).
SDK_EXTRA_PKGS=(cmake)

# What the real runtimes do not have, so that the manifest builds it as a
# module of its own (md4c): the sid root has it for the project's own
# builds, and the stand-ins must not, or the proof proves nothing.  The
# packages are purged from the stand-in's tree; no file whose name matches
# NOT_IN_RUNTIME_FILES may be left in either stand-in (checked when they are
# made, and every run in the installed ones).
NOT_IN_RUNTIME='^(lib)?md4c|^libcsv'
NOT_IN_RUNTIME_FILES='*md4c*'

# The manifest's archive sources, by module: the Debian source package
# whose file of the same sha256 (the orig tarball of the same upstream
# release) the offline build uses, from DEBIAN_SRC_SUITE.
declare -A DEBIAN_SRC=([md4c]=md4c [libcsv]=libcsv)
DEBIAN_SRC_SUITE=trixie

# The SDK is the sid root as it is (gcc, meson, ninja, pkg-config, the -dev
# packages, gettext, the GLib tools, desktop-file-utils, appstream, xmllint).
# The Platform is the same root without what only builds: the files of these
# packages are removed, so that the app is shown to run without them.
PLATFORM_DROP='-dev$|-dev-bin$|^(gcc|g\+\+|cpp)(-[0-9]+)?(-x86-64-linux-gnu)?$|^binutils|^(build-essential|make|meson|ninja-build|cmake|cmake-data|pkgconf|pkgconf-bin|pkg-config|git|git-man|gettext|dpkg-dev|libdpkg-perl|libc-dev-bin)$'

# The locales both runtimes must carry (.ci/root generates them).
RUNTIME_LOCALES=(en_US.utf8 zh_CN.utf8)

# ---------------------------------------------------------------------------

log() { printf '%s\n' "$*" >&2; }
die() { log "test-local.sh: $*"; exit 1; }

# The manifest's runtime-version: the branch the stand-ins are made at.
manifest_branch() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runtime-version"])' "$MANIFEST"
}

# Fail if anything is mounted at or below $1: a root entered with .ci/root
# enter has the checkout bound in, and rm -rf must never reach through it.
no_mounts_below() {
  local m
  m=$(awk -v d="$1" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts)
  [ -z "$m" ] || die "still mounted below $1: $m"
}

# The manifest's archive sources, one a line: module, url, the file name
# flatpak-builder keeps the download under, sha256.  Any other source with
# a url is refused: the offline build would have no copy of it.
manifest_archives() {
  python3 - "$MANIFEST" <<'PY'
import json, os, sys, urllib.parse
def walk(modules):
    for m in modules:
        if isinstance(m, dict):
            yield m
            yield from walk(m.get("modules", []))
for m in walk(json.load(open(sys.argv[1]))["modules"]):
    for s in m.get("sources", []):
        if not isinstance(s, dict) or "url" not in s:
            continue
        if s.get("type") != "archive" or "sha256" not in s:
            sys.exit("module %s: a %s source with a url, not an archive with a sha256: "
                     "test-local.sh has no offline copy of it" % (m["name"], s.get("type")))
        name = s.get("dest-filename") or os.path.basename(urllib.parse.urlparse(s["url"]).path)
        print(m["name"], s["url"], name, s["sha256"])
PY
}

# Fail if the stand-in tree $1 has a file of what the real runtimes lack
# (NOT_IN_RUNTIME_FILES).
check_not_in_runtime() {
  local found
  found=$(find "$1" -name "$NOT_IN_RUNTIME_FILES" | head -n 20)
  if [ -n "$found" ]; then
    printf '%s\n' "$found"
    die "the stand-in $1 has the files above; the real runtime has no $NOT_IN_RUNTIME_FILES, the manifest builds it"
  fi
  echo "no $NOT_IN_RUNTIME_FILES in $1"
}

# tree_run DIR CMD...: CMD as root in the root file system DIR (apt, dpkg),
# with /proc and /dev, in a mount namespace of its own: the mounts end with
# it, also when CMD fails.
tree_run() {
  # shellcheck disable=SC2016 # expanded by the inner shell
  unshare --mount --propagation private --fork -- /bin/sh -ec '
    d=$1; shift
    mount -t proc proc "$d/proc"
    mount --rbind /dev "$d/dev"
    exec chroot "$d" /usr/bin/env -i PATH=/usr/sbin:/usr/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive "$@"' tree_run "$@"
}

# in_root FUNC ARGS...: run in_FUNC of this script inside the tools root,
# as root.  Not through a chroot (.ci/root enter): inside a chroot the kernel
# refuses new user namespaces, and flatpak's bubblewrap makes one for every
# sandbox.  So the tools root becomes the root of a new mount namespace
# (pivot_root), with /proc, /dev, /sys and the checkout (at its own path) in
# it.  The mounts live and die with that namespace: nothing is left mounted
# on the host, also when a step fails.
in_root() {
  unshare --mount --propagation private --fork -- "$SELF" __pivot "$TOOLS" "$@"
}

# In the new mount namespace: build the root, pivot into it, run in_FUNC.
pivot_in() {
  local root=$1; shift
  mount --bind "$root" "$root"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mkdir -p "$root$TOP" "$root/.host"
  mount --bind "$TOP" "$root$TOP"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  cd "$root"
  pivot_root . .host
  # Detach the host's tree (MNT_DETACH), with what the sid root has: a
  # fresh one has no umount.
  python3 -c '
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.umount2(b"/.host", 2) != 0:
    sys.exit("umount2 /.host: " + os.strerror(ctypes.get_errno()))'
  exec chroot . /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/usr/sbin HOME=/root \
    TERM="${TERM:-dumb}" LANG=C.UTF-8 WENDA_FLATPAK_TIMEOUT="$WINDOW_TIMEOUT" \
    "$SELF" __in "$@"
}

# ---------------------------------------------------------------------------
# Host steps.  Each runs in a subshell under set -e, its output in $LOGS/NAME.log.

step_tools_root() {
  local tb key
  tb=$("$CI_ROOT" ensure "$SUITE")
  key=$(printf '%s\n' "recipe=$RECIPE" "${tb##*/}" "${TOOLS_PKGS[@]}" | sha256sum | cut -c1-16)
  if [ "$REBUILD_ROOT" != 1 ] && [ "$(cat "$TOOLS/etc/wenda-flatpak-tools" 2>/dev/null)" = "$key" ]; then
    echo "tools root $TOOLS: cached ($key, from ${tb##*/})"
  else
    local t=$SECONDS
    no_mounts_below "$TOOLS"
    rm -rf "$TOOLS"
    echo "tools root $TOOLS: old one removed ($((SECONDS - t)) s)"
    t=$SECONDS
    "$CI_ROOT" unpack "$SUITE" "$TOOLS"
    echo "unpacked ${tb##*/}: $((SECONDS - t)) s"
    t=$SECONDS
    in_root install_tools
    echo "tools installed: $((SECONDS - t)) s"
    echo "$key" >"$TOOLS/etc/wenda-flatpak-tools"
  fi
  in_root versions
}

step_manifest_check() { in_root manifest_check; }
step_sources_fetch() { in_root fetch_sources; }

# The stand-ins, from one fresh copy of the sid root: first the SDK, then the
# same tree without the build-only files as the Platform.
step_runtimes_build() {
  local tb key rt dir t0 t
  tb=$("$CI_ROOT" ensure "$SUITE")
  key=$(printf '%s\n' "recipe=$RECIPE" "${tb##*/}" "$BRANCH" "$ARCH" "$PLATFORM_DROP" \
          "${RUNTIME_LOCALES[@]}" "${SDK_EXTRA_PKGS[@]}" "$NOT_IN_RUNTIME" "$NOT_IN_RUNTIME_FILES" |
          sha256sum | cut -c1-16)
  rt="$TOOLS$IN/runtimes"
  if [ "$REBUILD_RUNTIMES" != 1 ] && [ "$(cat "$rt/stamp" 2>/dev/null)" = "$key" ] &&
     in_root has_ref "runtime/org.gnome.Sdk/$ARCH/$BRANCH" &&
     in_root has_ref "runtime/org.gnome.Platform/$ARCH/$BRANCH"; then
    echo "org.gnome.Sdk//$BRANCH, org.gnome.Platform//$BRANCH: cached ($key)"
    return 0
  fi
  dir="$rt/tree"
  rm -rf "$rt"
  mkdir -p "$rt"
  t0=$SECONDS t=$SECONDS
  "$CI_ROOT" unpack "$SUITE" "$dir.root"
  echo "unpacked ${tb##*/}: $((SECONDS - t)) s"

  local l
  for l in "${RUNTIME_LOCALES[@]}"; do
    chroot "$dir.root" locale -a | grep -qx "$l" || die "the sid root lacks the $l locale"
  done

  # The stand-in SDK's own changes to the root, before anything is listed:
  # what the real SDK has (cmake) in, what the real runtimes lack (md4c)
  # out.  dpkg --purge, not apt: it refuses to break a package that needs
  # what it removes, where apt would remove that one too.
  local pkgs
  t=$SECONDS
  tree_run "$dir.root" apt-get -q -o Acquire::Check-Valid-Until=false update
  tree_run "$dir.root" apt-get -q -y --no-install-recommends install "${SDK_EXTRA_PKGS[@]}"
  tree_run "$dir.root" apt-get clean
  # shellcheck disable=SC2016 # dpkg-query's format, not the shell's
  pkgs=$(chroot "$dir.root" dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' |
           awk '$1 == "ii" { print $2 }' | grep -E -- "$NOT_IN_RUNTIME" || true)
  echo "not in the real runtimes, purged: $(echo "${pkgs:-(none)}" | tr '\n' ' ')"
  # shellcheck disable=SC2086 # one package a word
  [ -z "$pkgs" ] || tree_run "$dir.root" dpkg --purge $pkgs
  echo "SDK packages added (${SDK_EXTRA_PKGS[*]}) and removed: $((SECONDS - t)) s"

  # What the Platform leaves out: the files and links of the build-only
  # packages.  They are resolved inside the root, where its own symlinks
  # point, and listed relative to the runtime's usr/ (etc/ moves there).
  t=$SECONDS
  # shellcheck disable=SC2016 # dpkg-query's format, not the shell's
  pkgs=$(chroot "$dir.root" dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' |
           awk '$1 == "ii" { print $2 }' | grep -E -- "$PLATFORM_DROP" | sort)
  echo "build-only packages ($(echo "$pkgs" | wc -l)): $(echo "$pkgs" | tr '\n' ' ')"
  # shellcheck disable=SC2086 # one package a word
  chroot "$dir.root" dpkg -L $pkgs | grep '^/' | sort -u | chroot "$dir.root" python3 -c '
import os, sys
for f in sys.stdin.read().splitlines():
    if os.path.islink(f) or os.path.isfile(f):
        p = os.path.join(os.path.realpath(os.path.dirname(f)), os.path.basename(f))
        if p.startswith("/usr/"):
            print(p[len("/usr/"):])
        elif p.startswith("/etc/"):
            print(p[1:])' >"$rt/platform-drop.list"
  # The SDK's build flags (below) are not the Platform's either.
  echo etc/flatpak-builder/defaults.json >>"$rt/platform-drop.list"
  echo "files the Platform leaves out: $(wc -l <"$rt/platform-drop.list") ($((SECONDS - t)) s)"

  # A font cache inside /usr: the runtime's /var is not shipped.  The
  # root's own cache in /var is dropped first: fc-cache 2.17 fails on a
  # directory whose caches it finds in two places.
  t=$SECONDS
  rm -rf "$dir.root/var/cache/fontconfig"
  mkdir -p "$dir.root/usr/lib/fontconfig/cache"
  printf '%s\n' '<?xml version="1.0"?>' \
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">' \
    '<fontconfig>' '  <cachedir>/usr/lib/fontconfig/cache</cachedir>' '</fontconfig>' \
    >"$dir.root/etc/fonts/conf.d/05-runtime-cache.conf"
  chroot "$dir.root" fc-cache -s -f
  # flatpak-builder takes its default CFLAGS and LDFLAGS from the SDK, as
  # from the real SDK's: here Debian's own (dpkg-buildflags).
  local f
  mkdir -p "$dir.root/etc/flatpak-builder"
  for f in CFLAGS CXXFLAGS LDFLAGS; do
    chroot "$dir.root" dpkg-buildflags --get "$f"
  done | python3 -c '
import json, sys
c, cxx, ld = sys.stdin.read().splitlines()
print(json.dumps({"cflags": c, "cxxflags": cxx, "ldflags": ld}, indent=2))' \
    >"$dir.root/etc/flatpak-builder/defaults.json"
  cat "$dir.root/etc/flatpak-builder/defaults.json"

  # Runtime layout (build-export --runtime reads usr/): the root's usr/,
  # with etc/ inside, a files -> usr link, metadata beside.
  mkdir "$dir"
  mv "$dir.root/usr" "$dir/usr"
  mv "$dir.root/etc" "$dir/usr/etc"
  ln -s usr "$dir/files"
  rm -f "$dir/usr/etc/"{shadow,shadow-,gshadow,gshadow-}
  rm -rf "$dir/usr/share/"{doc,man,info} "$dir.root"
  echo "font cache, defaults.json, layout: $((SECONDS - t)) s"
  # The SDK is the larger of the two: the Platform is this tree with less.
  check_not_in_runtime "$dir"
  test -x "$dir/usr/bin/cmake" || die "the stand-in SDK has no cmake"

  local name
  for name in org.gnome.Sdk org.gnome.Platform; do
    if [ "$name" = org.gnome.Platform ]; then
      t=$SECONDS
      (cd "$dir/usr" && xargs -r -d '\n' rm -f -- <"$rt/platform-drop.list")
      echo "build-only files removed: $((SECONDS - t)) s"
    fi
    printf '%s\n' '[Runtime]' "name=$name" "runtime=org.gnome.Platform/$ARCH/$BRANCH" \
      "sdk=org.gnome.Sdk/$ARCH/$BRANCH" >"$dir/metadata"
    du -sh "$dir/usr"
    in_root export_runtime "$name"
  done
  t=$SECONDS
  rm -rf "$dir"
  echo "tree removed: $((SECONDS - t)) s"
  echo "stand-ins made in $((SECONDS - t0)) s"
  echo "$key" >"$rt/stamp"
}

step_runtimes_install() { in_root runtimes_install; }
step_app_build() { in_root app_build; }
step_app_run() { in_root run_app run_app_session C.UTF-8; }
step_app_run_zh() { in_root run_app run_app_session zh_CN.UTF-8; }
step_app_dbus() { in_root run_app dbus_activate_session C.UTF-8; }

# ---------------------------------------------------------------------------
# Steps inside the tools root (in_NAME, called through in_root NAME).

in_install_tools() {
  export DEBIAN_FRONTEND=noninteractive
  # The mirror's sid is a frozen snapshot whose InRelease has expired (as
  # in .ci/root).
  apt-get -q -o Acquire::Check-Valid-Until=false update
  apt-get -q -y --no-install-recommends install "${TOOLS_PKGS[@]}"
  apt-get clean
}

in_versions() {
  flatpak --version
  flatpak-builder --version
  bwrap --version
  appstreamcli --version
}

in_has_ref() {
  flatpak repo --branches "$IN/runtime-repo" 2>/dev/null | awk '{ print $1 }' | grep -qx "$1"
}

in_manifest_check() {
  flatpak-builder --version
  G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$MANIFEST" >"$IN/manifest.resolved.json"
  python3 - "$IN/manifest.resolved.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
print("manifest parses: %s, runtime %s//%s, sdk %s, finish-args %s"
      % (m["id"], m["runtime"], m["runtime-version"], m["sdk"], " ".join(m["finish-args"])))
print("modules: %s" % " ".join(x["name"] for x in m["modules"]))
EOF
}

# The manifest's archive sources, from Debian instead of upstream, into
# $IN/sources/downloads/SHA256/NAME: the layout flatpak-builder's
# --extra-sources reads, where it checks the sha256 itself.  Each is the
# file of the module's Debian source package (DEBIAN_SRC) in
# DEBIAN_SRC_SUITE whose sha256 is the manifest's: for an upstream release
# tarball, Debian's orig tarball, when Debian took it from upstream as it
# is.  The deb-src list is a private one (its own sources file, lists and
# cache in $IN/debian-src), on the mirror the tools root's apt uses:
# .ci/root wrote it there, and nothing here names a mirror host.
in_fetch_sources() {
  local lines line module url name sha pkg want apt mirror
  lines=$(manifest_archives)
  if [ -z "$lines" ]; then
    echo "the manifest has no archive sources"
    return 0
  fi
  apt="$IN/debian-src"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d"
              -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
              -o Acquire::Check-Valid-Until=false -o APT::Sandbox::User=root)
  local updated=0
  while read -r module url name sha; do
    want="$IN/sources/downloads/$sha/$name"
    echo "--- module $module: $url"
    echo "    sha256 $sha (the manifest's)"
    if [ -f "$want" ] && [ "$(sha256sum <"$want" | cut -d' ' -f1)" = "$sha" ]; then
      echo "    cached: $want"
      continue
    fi
    pkg=${DEBIAN_SRC[$module]:-}
    [ -n "$pkg" ] || die "module $module: no Debian source package for it in DEBIAN_SRC"
    if [ "$updated" = 0 ]; then
      # One-line sources (as mmdebstrap writes them) or deb822 ones.
      mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
                 sed -E 's/\[[^]]*\]//' |
                 awk '$1 == "deb" || tolower($1) == "uris:" { print $2; exit }' || true)
      [ -n "$mirror" ] || die "no Debian mirror in the tools root's apt sources"
      rm -rf "$apt"
      mkdir -p "$apt/sources.list.d" "$apt/lists/partial" "$apt/cache/archives/partial"
      echo "deb-src $mirror $DEBIAN_SRC_SUITE main" >"$apt/sources.list"
      echo "    private apt list: $(cat "$apt/sources.list")"
      apt-get -q "${opts[@]}" update
      updated=1
    fi
    # 'URI' NAME SIZE SHA256:HASH, one line a file of the newest version.
    local uris
    uris=$(apt-get -q "${opts[@]}" --print-uris source "$pkg" | grep "^'") ||
      die "Debian $DEBIAN_SRC_SUITE has no source package $pkg"
    echo "    Debian $DEBIAN_SRC_SUITE's $pkg:"
    printf '%s\n' "$uris" | sed 's/^/      /'
    line=$(printf '%s\n' "$uris" | awk -v h="SHA256:$sha" '$4 == h')
    if [ -z "$line" ]; then
      die "module $module: Debian $DEBIAN_SRC_SUITE's $pkg has no file with the manifest's sha256 $sha" \
          "(see above): not the manifest's tarball; find the one whose sha256 matches"
    fi
    local uri file tmp
    uri=$(echo "$line" | awk '{ print $1 }' | tr -d "'")
    file=$(echo "$line" | awk '{ print $2 }')
    mkdir -p "${want%/*}"
    tmp="$want.part"
    rm -f "$tmp"
    # apt-helper checks the hash from the signed index as it downloads.
    /usr/lib/apt/apt-helper "${opts[@]}" download-file "$uri" "$tmp" "SHA256:$sha"
    [ "$(sha256sum <"$tmp" | cut -d' ' -f1)" = "$sha" ] || die "$file: sha256 differs from $sha"
    mv "$tmp" "$want"
    echo "    $file ($(stat -c %s "$want") bytes) = the manifest's $name, sha256 checked: $want"
  done <<<"$lines"
  rm -rf "$apt"
}

in_export_runtime() {
  local name=$1 t0=$SECONDS
  # Uncompressed objects: an archive repo (build-export's default) takes
  # several times as long to write and to install from.
  [ -d "$IN/runtime-repo/objects" ] || ostree init --repo="$IN/runtime-repo" --mode=bare-user-only
  flatpak build-export --disable-fsync --arch="$ARCH" --runtime \
    --subject="Debian $SUITE stand-in for $name $BRANCH" \
    "$IN/runtime-repo" "$IN/runtimes/tree" "$BRANCH"
  echo "$name: build-export in $((SECONDS - t0)) s"
  # Only the newest commit of each ref: a rebuilt stand-in replaces the old.
  ostree prune --repo="$IN/runtime-repo" --refs-only --depth=0
  du -sh "$IN/runtime-repo"
}

# The user installation and everything else flatpak writes live in $IN.
flatpak_env() {
  export HOME="$IN/home"
  export XDG_CACHE_HOME="$HOME/.cache" XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
  export XDG_RUNTIME_DIR="$IN/xdg-runtime"
  export FLATPAK_USER_DIR="$IN/flatpak-user"
  export LANG=C.UTF-8
  unset LANGUAGE LC_ALL
  mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$FLATPAK_USER_DIR"
  mkdir -p "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
}

in_runtimes_install() {
  flatpak_env
  flatpak --user remote-add --if-not-exists --no-gpg-verify wenda-standin "file://$IN/runtime-repo"
  # The app's Locale extension: English and Chinese, as on a machine whose
  # users read those.
  flatpak --user config --set languages 'en;zh'
  flatpak --user install --noninteractive --or-update wenda-standin \
    "org.gnome.Platform/$ARCH/$BRANCH" "org.gnome.Sdk/$ARCH/$BRANCH"
  flatpak --user list --runtime
  # What the build and the app will see, also of stand-ins made by an older
  # version of this script: no md4c, and in the SDK's sandbox pkg-config
  # finds GTK but not md4c.
  local name
  for name in org.gnome.Sdk org.gnome.Platform; do
    check_not_in_runtime "$(flatpak --user info --show-location "$name//$BRANCH")/files"
  done
  flatpak --user run --command=sh "org.gnome.Sdk//$BRANCH" -c '
    pkg-config --modversion gtk4 libadwaita-1
    cmake --version | head -n 1
    if pkg-config --exists md4c; then echo "the stand-in SDK has md4c.pc"; exit 1; fi
    echo "in the SDK sandbox: no md4c.pc"'
}

in_app_build() {
  flatpak_env
  local extra=()
  # rofiles-fuse is only an optimisation; without /dev/fuse it cannot run.
  { [ -c /dev/fuse ] && command -v rofiles-fuse >/dev/null; } || extra+=(--disable-rofiles-fuse)
  cd "$IN"
  # The modules' tarballs come from $IN/sources (sources-fetch), where
  # flatpak-builder checks their sha256; its own download folder starts
  # empty and must stay so.
  rm -rf "$IN/state/downloads"
  flatpak-builder --user --install --force-clean "${extra[@]}" \
    --state-dir="$IN/state" --repo="$IN/app-repo" --extra-sources="$IN/sources" \
    "$IN/build-dir" "$MANIFEST"
  if [ -n "$(find "$IN/state/downloads" -type f 2>/dev/null)" ]; then
    find "$IN/state/downloads" -type f
    die "flatpak-builder downloaded the files above itself"
  fi
  flatpak --user info "$APP_ID"
  # What the sandbox will see under /app.
  local files
  files=$(flatpak --user info --show-location "$APP_ID")/files
  echo "--- installed files"
  (cd "$files" && find . -type f -o -type l | sort)
  test -x "$files/bin/wenda"
  test -f "$files/share/glib-2.0/schemas/gschemas.compiled"
  test -f "$files/share/app-info/xmls/$APP_ID.xml.gz"
  # md4c: the library the app links, from the module; its HTML renderer,
  # md2html and the files for building against it cleaned up.
  echo "--- md4c"
  readelf -d "$files/bin/wenda" | grep -F '[libmd4c.so.0]'
  test -f "$files/lib/libmd4c.so.0"
  local f
  for f in bin/md2html include lib/pkgconfig lib/cmake lib/libmd4c.so lib/libmd4c-html.so.0; do
    if [ -e "$files/$f" ] || [ -L "$files/$f" ]; then
      die "/app/$f is installed: the md4c module's cleanup misses it"
    fi
  done
  echo "bin/wenda needs libmd4c.so.0, /app/lib has it; no md2html, md4c-html or build files"
}

# in_run_app FUNC LANG: a fresh Xvfb and session bus, then in_FUNC LANG
# inside them.
in_run_app() {
  flatpak_env
  local fn=$1 lang=$2 fd n
  mkdir -p "$IN/logs" "$IN/shots"
  exec {fd}< <(exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp -noreset 2>"$IN/logs/xvfb-$lang.log")
  XVFB_PID=$!
  trap 'kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true' EXIT
  read -r -t 15 n <&"$fd" || die "Xvfb did not report a display"
  export DISPLAY=":$n"
  unset WAYLAND_DISPLAY XAUTHORITY
  echo "Xvfb on $DISPLAY (pid $XVFB_PID)"
  # The session bus finds the exported D-Bus service files here, as it
  # does through /etc/profile.d/flatpak.sh on a desktop.
  export XDG_DATA_DIRS="$FLATPAK_USER_DIR/exports/share:/usr/local/share:/usr/share"
  LANG=$lang dbus-run-session -- "$SELF" __in "$fn" "$lang"
}

# Wait for the app's window; print it.  $1 = seconds already waited from.
wait_window() {
  local t0=$1 wid
  if wid=$(timeout "$WINDOW_TIMEOUT" xdotool search --sync --onlyvisible --name 'Wenda|问答' | head -n 1) &&
     [ -n "$wid" ]; then
    echo "window $wid ($(xdotool getwindowname "$wid")) after $((SECONDS - t0)) s," \
         "geometry: $(xdotool getwindowgeometry "$wid" | tr '\n' ' ')"
    return 0
  fi
  echo "no window within $WINDOW_TIMEOUT s"
  return 1
}

# Fail on what the app must never print (GLib-CRITICAL, Gtk-WARNING, ...).
check_app_log() {
  if grep -E -- '-(WARNING|CRITICAL|ERROR) \*\*|^\*\* ' "$1"; then
    echo "the app printed the warnings above"
    return 1
  fi
}

# Inside dbus-run-session: start the app, wait for its window, shoot, stop.
in_run_app_session() {
  local lang=$1 app_pid rc=0
  local shot="$IN/shots/wenda-$lang.png" applog="$IN/logs/app-$lang.log"
  local appdata="$HOME/.var/app/$APP_ID"
  rm -f "$shot"
  # Each run starts as a first start: no saved settings, no caches.
  rm -rf "$appdata"
  # The pointer starts mid-screen, over the window; keep tooltips away.
  xdotool mousemove 1279 799
  flatpak run --die-with-parent "$APP_ID" >"$applog" 2>&1 &
  app_pid=$!
  if wait_window "$SECONDS"; then
    # A mapped window is not a painted one: shoot until the screen shows
    # more than a few colours (a blank or black screen has one or two).
    local t0=$SECONDS colours=0
    while :; do
      import -window root "$shot"
      colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
      [ "$colours" -gt 64 ] && break
      if [ $((SECONDS - t0)) -ge "$WINDOW_TIMEOUT" ]; then
        echo "the window painted nothing in $WINDOW_TIMEOUT s ($colours colours on the screen)"
        rc=1
        break
      fi
      sleep 0.5
    done
    echo "screenshot: $shot ($colours colours, after $((SECONDS - t0)) s)"
  else
    rc=1
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "app exited early"; rc=1
  fi
  flatpak kill "$APP_ID" 2>/dev/null || true
  kill "$app_pid" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  echo "--- settings the app saved (keyfile backend, in the sandbox's data folder)"
  cat "$appdata/config/glib-2.0/settings/keyfile" 2>/dev/null || echo "(none)"
  echo "--- app output ($applog)"
  cat "$applog"
  check_app_log "$applog" || rc=1
  return $rc
}

# Inside dbus-run-session: start the app the way GNOME does for a
# DBusActivatable app and for its search provider, through the D-Bus
# service file flatpak exported (Exec=flatpak run ... --gapplication-service).
in_dbus_activate_session() {
  local rc=0 t0=$SECONDS
  rm -rf "$HOME/.var/app/$APP_ID"
  xdotool mousemove 1279 799
  echo "--- SearchProvider2.GetInitialResultSet(['训练']) (activates the service, no window)"
  local ids
  ids=$(timeout 60 gdbus call --session --dest "$APP_ID" \
    --object-path /io/github/wenda/Wenda/SearchProvider \
    --method org.gnome.Shell.SearchProvider2.GetInitialResultSet "['训练']") || rc=1
  echo "$ids"
  case $ids in
    "(['"*) ;;
    *) echo "no topic found for 训练"; rc=1 ;;
  esac
  echo "--- org.freedesktop.Application.Activate"
  timeout 60 gdbus call --session --dest "$APP_ID" --object-path /io/github/wenda/Wenda \
    --method org.freedesktop.Application.Activate '{}' || rc=1
  wait_window "$t0" || rc=1
  echo "--- flatpak ps"
  flatpak ps || true
  flatpak kill "$APP_ID" 2>/dev/null || true
  # dbus-daemon started it, not us: wait until the instance is gone.
  local i
  for i in $(seq 1 50); do
    flatpak ps --columns=application 2>/dev/null | grep -qx "$APP_ID" || break
    sleep 0.1
  done
  if flatpak ps --columns=application 2>/dev/null | grep -qx "$APP_ID"; then
    echo "instance still running after flatpak kill"; rc=1
  fi
  return $rc
}

# ---------------------------------------------------------------------------

STEP_NAMES=() STEP_STATUS=() STEP_SECS=()
FAILED=0

run_step() {
  local name=$1 fn=$2 t0 rc
  if [ "$FAILED" = 1 ] && [ "$KEEP_GOING" != 1 ]; then
    STEP_NAMES+=("$name") STEP_STATUS+=(skipped) STEP_SECS+=(0)
    return 0
  fi
  log "==> $name (log: $LOGS/$name.log)"
  t0=$SECONDS
  set +e
  ( set -e; "$fn" ) >"$LOGS/$name.log" 2>&1
  rc=$?
  set -e
  STEP_NAMES+=("$name") STEP_SECS+=($((SECONDS - t0)))
  if [ $rc -eq 0 ]; then
    STEP_STATUS+=(ok)
    log "    ok, $((SECONDS - t0)) s"
  else
    STEP_STATUS+=("FAILED($rc)")
    FAILED=1
    log "    FAILED (exit $rc) after $((SECONDS - t0)) s; last lines of $LOGS/$name.log:"
    tail -n 40 "$LOGS/$name.log" | sed 's/^/    | /' >&2
  fi
}

summary() {
  local i total=0 lang
  echo
  echo "== test-local.sh summary ($APP_ID, stand-in org.gnome.Platform//$BRANCH from Debian $SUITE)"
  for i in "${!STEP_NAMES[@]}"; do
    printf '   %-19s %-11s %5d s\n' "${STEP_NAMES[$i]}" "${STEP_STATUS[$i]}" "${STEP_SECS[$i]}"
    total=$((total + STEP_SECS[i]))
  done
  printf '   %-19s %-11s %5d s\n' total "" "$total"
  for lang in C.UTF-8 zh_CN.UTF-8; do
    if [ -f "$TOOLS$IN/shots/wenda-$lang.png" ]; then
      cp "$TOOLS$IN/shots/wenda-$lang.png" "$WORK/wenda-$lang.png"
      echo "   screenshot ($lang): $WORK/wenda-$lang.png"
    fi
  done
  echo "   logs: $LOGS"
  if [ "$FAILED" = 1 ]; then echo "   RESULT: FAILED"; else echo "   RESULT: ok"; fi
}

main() {
  REBUILD_RUNTIMES=0 REBUILD_ROOT=0 KEEP_GOING=0
  while [ $# -gt 0 ]; do
    case $1 in
      --rebuild-runtimes) REBUILD_RUNTIMES=1 ;;
      --rebuild-root) REBUILD_ROOT=1 REBUILD_RUNTIMES=1 ;;
      --keep-going) KEEP_GOING=1 ;;
      -h|--help) sed -n '2,/^# SPDX/{/^# SPDX/d;s/^# \{0,1\}//;p}' "$SELF"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
    shift
  done
  [ "$(id -u)" -eq 0 ] || die "run as root: it unpacks and enters Debian roots (.ci/root)"

  WORK=$(realpath -m "${WENDA_FLATPAK_WORK:-/var/tmp/wenda-flatpak}")
  TOOLS=$(realpath -m "${WENDA_FLATPAK_ROOT:-$WORK/root}")
  # Both are emptied in parts (rm -rf): never the file system's root.
  if [ "$WORK" = / ] || [ "$TOOLS" = / ]; then
    die "WENDA_FLATPAK_WORK and WENDA_FLATPAK_ROOT must not be /"
  fi
  local d
  for d in "$WORK" "$TOOLS"; do
    case $d/ in
      "$TOP"/*) die "$d must be outside the checkout ($TOP): the manifest copies the checkout" ;;
    esac
  done
  mkdir -p "$WORK"
  LOGS="$WORK/logs"
  rm -rf "$LOGS"; mkdir -p "$LOGS"
  rm -rf "$TOOLS$IN/logs" "$TOOLS$IN/shots" "$WORK"/wenda-*.png
  ARCH=$(uname -m)
  BRANCH=$(manifest_branch)

  run_step tools-root        step_tools_root
  run_step manifest-check    step_manifest_check
  run_step sources-fetch     step_sources_fetch
  run_step runtimes-build    step_runtimes_build
  run_step runtimes-install  step_runtimes_install
  run_step app-build         step_app_build
  run_step app-run           step_app_run
  run_step app-run-zh_CN     step_app_run_zh
  run_step app-dbus-activate step_app_dbus
  summary
  [ "$FAILED" = 0 ]
}

case ${1:-} in
  __pivot) shift; pivot_in "$@" ;;
  __in)
    # Inside the tools root (see in_root).
    shift
    # (flatpak is not there yet when install_tools runs.)
    ARCH=$(flatpak --default-arch 2>/dev/null || uname -m)
    BRANCH=$(manifest_branch)
    mkdir -p "$IN"
    fn=$1; shift
    "in_$fn" "$@"
    ;;
  *) main "$@" ;;
esac
