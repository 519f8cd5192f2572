#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-install.sh BUILD_ROOT SOURCE_ROOT APP_ID BINDIR DATADIR LOCALEDIR
#
# Installs the build into a temporary DESTDIR, checks that every file a
# desktop needs is where it must be and named after APP_ID, and runs the
# validators on the installed files (not on the build tree's copies).
# BINDIR, DATADIR and LOCALEDIR are absolute (prefix included).
set -eu

if [ $# -ne 6 ]; then
  echo "usage: $0 BUILD_ROOT SOURCE_ROOT APP_ID BINDIR DATADIR LOCALEDIR" >&2
  exit 2
fi
build_root=$1
source_root=$2
app_id=$3
bindir=$4
datadir=$5
localedir=$6
meson=${MESON:-meson}

destdir=$(mktemp -d "${TMPDIR:-/tmp}/wenda-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT INT TERM

# gnome.post_install's scripts skip themselves under a DESTDIR.
"$meson" install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet

failures=0
fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_file () {
  if [ -f "$destdir$1" ]; then
    echo "ok: $1"
  else
    fail "not installed: $1"
  fi
}

D=$datadir
expect_file "$bindir/wenda"
expect_file "$D/applications/$app_id.desktop"
expect_file "$D/metainfo/$app_id.metainfo.xml"
expect_file "$D/dbus-1/services/$app_id.service"
expect_file "$D/gnome-shell/search-providers/$app_id.search-provider.ini"
expect_file "$D/icons/hicolor/scalable/apps/$app_id.svg"
expect_file "$D/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect_file "$D/glib-2.0/schemas/io.github.wenda.Wenda.gschema.xml"
while read -r lang; do
  case $lang in ''|'#'*) continue ;; esac
  expect_file "$localedir/$lang/LC_MESSAGES/wenda.mo"
done < "$source_root/po/LINGUAS"

if [ -f "$destdir$bindir/wenda" ] && [ ! -x "$destdir$bindir/wenda" ]; then
  fail "$bindir/wenda is not executable"
fi

# The other build's files must not be installed next to these.
case $app_id in
  *.Devel) other=${app_id%.Devel} ;;
  *) other=$app_id.Devel ;;
esac
for f in "$D/applications/$other.desktop" "$D/metainfo/$other.metainfo.xml" \
         "$D/dbus-1/services/$other.service" \
         "$D/icons/hicolor/scalable/apps/$other.svg" \
         "$D/icons/hicolor/symbolic/apps/$other-symbolic.svg"; do
  [ ! -e "$destdir$f" ] || fail "installed the other build's file: $f"
done

# The files must agree with each other: D-Bus activation looks the service up
# by the desktop file's name, and the shell finds the icon by the Icon key.
desktop=$destdir$D/applications/$app_id.desktop
service=$destdir$D/dbus-1/services/$app_id.service
metainfo=$destdir$D/metainfo/$app_id.metainfo.xml
if [ -f "$desktop" ]; then
  grep -qx "Icon=$app_id" "$desktop" || fail "desktop file: Icon is not $app_id"
  grep -qx "DBusActivatable=true" "$desktop" || fail "desktop file: not DBusActivatable"
  if grep -q '@[A-Z_]*@' "$desktop"; then fail "desktop file: unsubstituted @VAR@"; fi
  sh "$source_root/data/validate.sh" desktop "$desktop" || fail "desktop-file-validate $desktop"
fi
if [ -f "$service" ]; then
  grep -qx "Name=$app_id" "$service" || fail "service file: Name is not $app_id"
  grep -qx "Exec=$bindir/wenda --gapplication-service" "$service" ||
    fail "service file: Exec is not $bindir/wenda --gapplication-service"
fi
if [ -f "$metainfo" ]; then
  grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo: id is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "metainfo: launchable is not $app_id.desktop"
  if grep -q '@[A-Z_]*@' "$metainfo"; then fail "metainfo: unsubstituted @VAR@"; fi
  sh "$source_root/data/validate.sh" metainfo "$metainfo" || fail "appstreamcli validate $metainfo"
fi

# validate-tree also checks that the metainfo's launchable is installed.
case $D in
  */share)
    sh "$source_root/data/validate.sh" tree "$destdir${D%/share}" ||
      fail "appstreamcli validate-tree $destdir${D%/share}" ;;
esac

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "install tree OK"
