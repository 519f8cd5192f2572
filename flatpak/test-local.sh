#!/usr/bin/env bash
# test-local.sh: prove flatpak/io.github.wenda.Wenda.json offline.
#
# Flathub cannot be reached here, so this builds stand-ins for
# org.gnome.Platform and org.gnome.Sdk (at the manifest's runtime-version)
# from Debian bookworm's own packages, installs them into a throw-away user
# installation, builds and installs the UNCHANGED manifest with
# flatpak-builder, runs the app under its own Xvfb and takes screenshots
# (C.UTF-8 and zh_CN.UTF-8), then starts it once more through D-Bus
# activation of the exported service file, as GNOME Shell would.
#
#   flatpak/test-local.sh [--rebuild-runtimes] [--keep-going]
#
# Environment (all optional):
#   WENDA_FLATPAK_WORK     work folder (default /tmp/wenda-flatpak); it holds
#                          the runtime cache, the user installation, logs
#   WENDA_FLATPAK_SHOT     screenshot, C.UTF-8 run (default /tmp/wenda-flatpak.png);
#                          the zh_CN.UTF-8 run writes NAME-zh_CN.png next to it
#   WENDA_FLATPAK_TIMEOUT  seconds to wait for the window (default 90)
#   WENDA_DEBIAN_MIRROR    Debian mirror URL; default: read from apt's sources
#
# Needs root (or sudo) for apt-get, debootstrap and chroot; everything
# flatpak does runs as the calling user, in --user installations under the
# work folder.  See flatpak/README.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
MANIFEST="$HERE/io.github.wenda.Wenda.json"
APP_ID=io.github.wenda.Wenda
WORK=${WENDA_FLATPAK_WORK:-/tmp/wenda-flatpak}
SHOT=${WENDA_FLATPAK_SHOT:-/tmp/wenda-flatpak.png}
SHOT_ZH="${SHOT%.png}-zh_CN.png"
WINDOW_TIMEOUT=${WENDA_FLATPAK_TIMEOUT:-90}
SUITE=bookworm
# Bump when the way the runtimes are put together changes: the cache key.
RECIPE=3

# ---------------------------------------------------------------------------
# What goes into the stand-in runtimes.

# Runtime libraries of the app, plus what GTK needs to draw and find things:
# fonts (Noto CJK for the Chinese content), icons, the SVG pixbuf loader,
# MIME data, Mesa for GL, dconf, and locale sources (for zh_CN below).
# debootstrap does not resolve virtual packages: dconf-service needs a
# dbus-session-bus, which dbus-x11 provides (the small one, no systemd).
PLATFORM_PKGS=(
  libglib2.0-0 libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0
  librsvg2-common shared-mime-info adwaita-icon-theme hicolor-icon-theme
  fontconfig fonts-cantarell fonts-dejavu-core fonts-noto-cjk
  dconf-gsettings-backend dbus-x11
  libgl1 libegl1 libglx-mesa0 libegl-mesa0 libgl1-mesa-dri
  locales
)

# The platform plus the build tools.  flatpak-builder runs meson, ninja and
# the compiler inside the SDK, and appstream-compose (appstream-util) after
# the build; meson's gnome.post_install runs glib-compile-schemas,
# gtk4-update-icon-cache and update-desktop-database; po/ runs python3 and
# the gettext tools; glib-compile-resources strips blanks with xmllint.
SDK_PKGS=(
  "${PLATFORM_PKGS[@]}"
  gcc libc6-dev make meson ninja-build pkg-config python3 gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libgtk-4-bin gtk-update-icon-cache libadwaita-1-dev libjson-glib-dev
  desktop-file-utils appstream appstream-util libxml2-utils
)

# Locales built into both runtimes (a debootstrapped tree has only C.utf8).
RUNTIME_LOCALES=(en_US zh_CN)

HOST_PKGS=(flatpak flatpak-builder debootstrap elfutils xvfb xauth xdotool
           imagemagick dbus debian-archive-keyring)

# ---------------------------------------------------------------------------

log() { printf '%s\n' "$*" >&2; }
die() { log "test-local.sh: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -- "$@"; fi
}

# The user installation and everything else flatpak writes live in $WORK.
flatpak_env() {
  export HOME="$WORK/home"
  export XDG_CACHE_HOME="$HOME/.cache" XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
  export XDG_RUNTIME_DIR="$WORK/xdg-runtime"
  export FLATPAK_USER_DIR="$WORK/flatpak-user"
  export LANG=C.UTF-8
  unset LANGUAGE LC_ALL
  mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$FLATPAK_USER_DIR"
  mkdir -p "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
}

# The manifest's runtime-version: the branch the stand-ins are built at.
manifest_branch() {
  /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runtime-version"])' "$MANIFEST"
}

# The first http(s) source of "$SUITE" main in apt's configuration, deb822
# (.sources) or one-line (.list) format.  Never a host written down here.
find_mirror() {
  if [ -n "${WENDA_DEBIAN_MIRROR:-}" ]; then
    printf '%s\n' "$WENDA_DEBIAN_MIRROR"; return
  fi
  local f
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -r "$f" ] || continue
      awk -v suite="$SUITE" '
        function flush() {
          if (types ~ "(^| )deb( |$)" && suites ~ "(^| )" suite "( |$)" &&
              comps ~ "(^| )main( |$)" && enabled != "no" && uris != "") {
            n = split(uris, u, " ")
            for (i = 1; i <= n; i++) if (u[i] ~ /^https?:\/\//) print u[i]
          }
          types = suites = uris = comps = enabled = ""
        }
        /^[[:space:]]*#/ { next }
        /^[[:space:]]*$/ { flush(); next }
        /^[A-Za-z-]+:/ {
          key = tolower($1); sub(/:$/, "", key)
          val = $0; sub(/^[^:]*:[[:space:]]*/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "components") comps = val
          else if (key == "enabled") enabled = tolower(val)
        }
        END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -r "$f" ] || continue
      awk -v suite="$SUITE" '
        $1 == "deb" {
          i = 2
          if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i + 1) == suite && $i ~ /^https?:\/\//)
            for (j = i + 2; j <= NF; j++) if ($j == "main") { print $i; break }
        }' "$f"
    done
  } | head -n 1
}

runtime_key() {
  # $1 = name, rest = packages
  local name=$1; shift
  printf '%s\n' "recipe=$RECIPE" "name=$name" "branch=$BRANCH" "arch=$ARCH" "suite=$SUITE" \
    "locales=${RUNTIME_LOCALES[*]}" "$@" | sha256sum | cut -d' ' -f1
}

# ---------------------------------------------------------------------------
# Steps.  Each runs in a subshell under set -e, its output in $LOGS/NAME.log.

step_host_packages() {
  local missing=() p
  for p in "${HOST_PKGS[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "all host packages present: ${HOST_PKGS[*]}"
    return 0
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when the package lists cannot serve the install.
  if ! as_root apt-get install -y --no-install-recommends "${missing[@]}"; then
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

step_manifest_check() {
  flatpak-builder --version
  G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$MANIFEST" >"$WORK/manifest.resolved.json"
  echo "manifest parses; runtime-version $BRANCH, arch $ARCH"
}

# build_runtime NAME PACKAGES...
build_runtime() {
  local name=$1; shift
  local key stamp rootfs dir
  key=$(runtime_key "$name" "$@")
  stamp="$WORK/runtimes/$name.stamp"
  if [ "${REBUILD_RUNTIMES:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] &&
     flatpak repo --branches "$WORK/runtime-repo" 2>/dev/null | grep -q "^runtime/$name/$ARCH/$BRANCH"; then
    echo "$name//$BRANCH: cached ($key)"
    return 0
  fi

  local mirror
  mirror=$(find_mirror)
  [ -n "$mirror" ] || die "no http(s) '$SUITE main' source in /etc/apt/sources.list*; set WENDA_DEBIAN_MIRROR"
  echo "$name//$BRANCH: debootstrap $SUITE from the apt source mirror"

  rootfs="$WORK/runtimes/$name.rootfs"
  dir="$WORK/runtimes/$name"
  as_root rm -rf "$rootfs" "$dir"
  mkdir -p "$WORK/runtimes"
  local t0=$SECONDS
  mkdir -p "$WORK/debs"
  as_root debootstrap --variant=minbase --merged-usr --cache-dir="$WORK/debs" \
    --include="$(IFS=,; echo "$*")" "$SUITE" "$rootfs" "$mirror"
  echo "debootstrap: $((SECONDS - t0)) s"

  # Locales: only C.utf8 exists in a debootstrapped tree.
  local l
  for l in "${RUNTIME_LOCALES[@]}"; do
    as_root chroot "$rootfs" localedef -i "$l" -f UTF-8 "$l.UTF-8"
  done
  # A font cache inside /usr (the runtime's /var is not shipped).
  as_root mkdir -p "$rootfs/usr/lib/fontconfig/cache"
  as_root tee "$rootfs/etc/fonts/conf.d/05-runtime-cache.conf" >/dev/null <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>/usr/lib/fontconfig/cache</cachedir>
</fontconfig>
EOF
  as_root chroot "$rootfs" fc-cache -s -f >/dev/null

  # Runtime layout: files -> usr, etc inside usr, metadata beside.
  as_root mkdir -p "$dir"
  as_root mv "$rootfs/usr" "$dir/usr"
  as_root mv "$rootfs/etc" "$dir/usr/etc"
  as_root rm -f "$dir/usr/etc/shadow" "$dir/usr/etc/shadow-" "$dir/usr/etc/gshadow" "$dir/usr/etc/gshadow-"
  as_root rm -rf "$dir/usr/share/doc" "$dir/usr/share/man" "$dir/usr/share/info"
  as_root rm -rf "$rootfs"
  as_root chown -R "$(id -u):$(id -g)" "$dir"
  ln -s usr "$dir/files"
  cat >"$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=org.gnome.Platform/$ARCH/$BRANCH
sdk=org.gnome.Sdk/$ARCH/$BRANCH
EOF
  du -sh "$dir/usr"

  t0=$SECONDS
  flatpak build-export --arch="$ARCH" --runtime \
    --subject="Debian $SUITE stand-in for $name $BRANCH" \
    "$WORK/runtime-repo" "$dir" "$BRANCH"
  echo "build-export: $((SECONDS - t0)) s"
  rm -rf "$dir"
  echo "$key" >"$stamp"
}

step_runtimes_build() {
  build_runtime org.gnome.Platform "${PLATFORM_PKGS[@]}"
  build_runtime org.gnome.Sdk "${SDK_PKGS[@]}"
}

step_runtimes_install() {
  flatpak_env
  flatpak --user remote-add --if-not-exists --no-gpg-verify wenda-standin "file://$WORK/runtime-repo"
  # The app's Locale extension: install English and Chinese, as a machine
  # whose users read those would.
  flatpak --user config --set languages 'en;zh'
  flatpak --user install --noninteractive --or-update wenda-standin \
    "org.gnome.Platform/$ARCH/$BRANCH" "org.gnome.Sdk/$ARCH/$BRANCH"
  flatpak --user list --runtime
}

step_app_build() {
  flatpak_env
  local extra=()
  # rofiles-fuse is only an optimisation; without /dev/fuse it cannot run.
  [ -c /dev/fuse ] || extra+=(--disable-rofiles-fuse)
  cd "$WORK"
  flatpak-builder --user --install --force-clean "${extra[@]}" \
    --state-dir="$WORK/state" --repo="$WORK/app-repo" \
    "$WORK/build-dir" "$MANIFEST"
  flatpak --user info "$APP_ID"
  flatpak --user list --app
  # What the sandbox will see under /app.
  local files
  files=$(flatpak --user info --show-location "$APP_ID")/files
  echo "--- installed files"
  (cd "$files" && find . -type f -o -type l | sort)
  test -x "$files/bin/wenda"
  test -f "$files/share/glib-2.0/schemas/gschemas.compiled"
}

# run_app MODE LANG SCREENSHOT: a fresh Xvfb and session bus, then the
# script again as MODE (__run-app or __dbus-activate) inside them.
run_app() {
  flatpak_env
  local mode=$1 lang=$2 shot=$3 fd n
  exec {fd}< <(exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp -noreset 2>"$LOGS/xvfb-$lang.log")
  XVFB_PID=$!
  # The step runs in its own subshell: this trap ends this Xvfb only.
  trap 'kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true' EXIT
  read -r -t 15 n <&"$fd" || die "Xvfb did not report a display"
  export DISPLAY=":$n"
  unset WAYLAND_DISPLAY XAUTHORITY
  echo "Xvfb on $DISPLAY (pid $XVFB_PID)"
  # The session bus finds the exported D-Bus service files here, as it
  # does through /etc/profile.d/flatpak.sh on a desktop.
  export XDG_DATA_DIRS="$FLATPAK_USER_DIR/exports/share:/usr/local/share:/usr/share"
  LANG=$lang dbus-run-session -- "$SELF" "$mode" "$lang" "$shot"
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

# Inside dbus-run-session: start the app, wait for its window, shoot, stop.
inner_run_app() {
  local lang=$1 shot=$2 app_pid rc=0
  local applog="$LOGS/app-$lang.log"
  local appdata="$HOME/.var/app/$APP_ID"
  rm -f "$shot"
  # Each run starts as a first start: no saved settings, no caches.
  rm -rf "$appdata"
  # The pointer starts mid-screen, over the window; keep tooltips away.
  xdotool mousemove 1279 799
  flatpak run --die-with-parent "$APP_ID" >"$applog" 2>&1 &
  app_pid=$!
  if wait_window "$SECONDS"; then
    # Let it lay out and paint the first frames.
    sleep 3
    import -window root "$shot"
    echo "screenshot: $shot"
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
  return $rc
}

# Inside dbus-run-session: start the app the way GNOME does for a
# DBusActivatable app and for its search provider, through the D-Bus
# service file flatpak exported (Exec=flatpak run ... --gapplication-service).
inner_dbus_activate() {
  local rc=0 t0=$SECONDS
  rm -rf "$HOME/.var/app/$APP_ID"
  xdotool mousemove 1279 799
  echo "--- SearchProvider2.GetInitialResultSet(['训练']) (activates the service, no window)"
  timeout 60 gdbus call --session --dest "$APP_ID" \
    --object-path /io/github/wenda/Wenda/SearchProvider \
    --method org.gnome.Shell.SearchProvider2.GetInitialResultSet "['训练']" ||
    echo "(no answer from the search provider; informational only)"
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

step_app_run() { run_app __run-app C.UTF-8 "$SHOT"; }
step_app_run_zh() { run_app __run-app zh_CN.UTF-8 "$SHOT_ZH"; }
step_app_dbus() { run_app __dbus-activate C.UTF-8 -; }

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
  local i total=0
  echo
  echo "== test-local.sh summary ($APP_ID, stand-in org.gnome.Platform//$BRANCH from Debian $SUITE)"
  for i in "${!STEP_NAMES[@]}"; do
    printf '   %-19s %-11s %5d s\n' "${STEP_NAMES[$i]}" "${STEP_STATUS[$i]}" "${STEP_SECS[$i]}"
    total=$((total + STEP_SECS[i]))
  done
  printf '   %-19s %-11s %5d s\n' total "" "$total"
  local f
  for f in "$LOGS/app-C.UTF-8.log" "$LOGS/app-zh_CN.UTF-8.log"; do
    [ -f "$f" ] || continue
    if grep -qE 'WARNING|CRITICAL|ERROR|\*\*' "$f"; then
      echo "   app messages in $f:"
      grep -E 'WARNING|CRITICAL|ERROR|\*\*' "$f" | sort | uniq -c | sed 's/^/     /'
    fi
  done
  [ -f "$SHOT" ] && echo "   screenshot (C.UTF-8):     $SHOT"
  [ -f "$SHOT_ZH" ] && echo "   screenshot (zh_CN.UTF-8): $SHOT_ZH"
  echo "   logs: $LOGS"
  if [ "$FAILED" = 1 ]; then echo "   RESULT: FAILED"; else echo "   RESULT: ok"; fi
}

main() {
  REBUILD_RUNTIMES=0 KEEP_GOING=0
  while [ $# -gt 0 ]; do
    case $1 in
      --rebuild-runtimes) REBUILD_RUNTIMES=1 ;;
      --keep-going) KEEP_GOING=1 ;;
      -h|--help) sed -n '2,/^# SPDX/{/^# SPDX/d;s/^# \{0,1\}//;p}' "$SELF"; exit 0 ;;
      *) die "unknown argument: $1" ;;
    esac
    shift
  done
  export REBUILD_RUNTIMES KEEP_GOING

  WORK=$(realpath -m "$WORK")
  local top
  top=$(realpath "$HERE/..")
  case $WORK/ in
    "$top"/*) die "WENDA_FLATPAK_WORK must be outside the checkout ($top): the manifest copies the checkout" ;;
  esac
  mkdir -p "$WORK"
  LOGS="$WORK/logs"
  rm -rf "$LOGS"; mkdir -p "$LOGS"
  export WORK LOGS

  ARCH=$(uname -m)
  BRANCH=$(manifest_branch)
  export ARCH BRANCH

  run_step host-packages  step_host_packages
  ARCH=$(flatpak --default-arch 2>/dev/null || uname -m); export ARCH
  run_step manifest-check step_manifest_check
  run_step runtimes-build step_runtimes_build
  run_step runtimes-install step_runtimes_install
  run_step app-build      step_app_build
  run_step app-run        step_app_run
  run_step app-run-zh_CN  step_app_run_zh
  run_step app-dbus-activate step_app_dbus
  summary
  [ "$FAILED" = 0 ]
}

case ${1:-} in
  __run-app) shift; inner_run_app "$@" ;;
  __dbus-activate) shift; inner_dbus_activate "$@" ;;
  *) main "$@" ;;
esac
