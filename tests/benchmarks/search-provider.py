#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GNOME Shell search provider with many banks in the library.

For each library (a list of bank sizes, on top of the bundled bank), the
banks are written with gen-bank.py and wenda-md2json into a data folder of
their own (cached in --work-dir), and the app is started as D-Bus starts
it (--gapplication-service).  Measured, over the session bus with Gio, as
the Shell would call:

  start     spawn → the first answer (GetResultMetas of nothing): the
            application's startup, which reads every bank of the library
  cold      the first GetInitialResultSet: every bank's index is built
            (a large bank's in a worker thread, the call answered after)
  blocked   the longest a GetResultMetas took while the cold call was
            waiting: how long the main loop was busy meanwhile
  warm      GetInitialResultSet once the indexes are there, median of
            several words and runs; sub: GetSubsearchResultSet of its
            results with one more word
  ping      GetResultMetas of nothing: the round trip alone, the baseline

Needs a display (a private Xvfb is started when there is no DISPLAY) and a
session bus (with none, the script runs itself again in dbus-run-session),
and python3-gi for Gio.

    meson test -C build --benchmark -v search-provider
    tests/benchmarks/search-provider.py --builddir build --library 100000,20000,5000

WENDA_BENCH_VERBOSE=1 prints each probe of the cold call on stderr.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

HERE = os.path.dirname(os.path.abspath(__file__))
APP_ID = 'io.github.wenda.Wenda'
PATH = '/io/github/wenda/Wenda/SearchProvider'
IFACE = 'org.gnome.Shell.SearchProvider2'
WORDS = ['梯度', 'gradient', '知识蒸馏', 'the model', 'zzzq-none']
SCRUB = ('MALLOC_PERTURB_', 'MALLOC_CHECK_', 'G_SLICE', 'G_DEBUG', 'GSK_RENDERER')


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--builddir', required=True)
    p.add_argument('--work-dir', help='where the generated banks are kept (default BUILDDIR/tests/benchmarks)')
    p.add_argument('--library', action='append',
                   help='bank sizes, comma-separated ("" for the bundled bank alone); repeat it')
    p.add_argument('--runs', type=int, default=3, help='app starts per library (default 3)')
    p.add_argument('--rounds', type=int, default=5, help='warm calls per word and start (default 5)')
    return p.parse_args(argv)


def bank_json(args, size, index):
    """The library copy of a generated bank of @size items (cached)."""
    work = args.work_dir or os.path.join(args.builddir, 'tests', 'benchmarks')
    os.makedirs(work, exist_ok=True)
    md = os.path.join(work, 'provider-bank-%d.md' % size)
    if not os.path.exists(md):
        subprocess.run([sys.executable, os.path.join(HERE, 'gen-bank.py'), '--items', str(size),
                        '--seed', str(size), '--output', md], check=True)
    bank_id = 'bench-%d-%d' % (size, index)
    out = os.path.join(work, bank_id + '.json')
    if not os.path.exists(out):
        subprocess.run([os.path.join(args.builddir, 'tests', 'wenda-md2json'), '--id-prefix', bank_id,
                        '-o', out, md], check=True)
    return bank_id, out


def make_data_home(args, sizes):
    home = tempfile.mkdtemp(prefix='wenda-provider-bench-')
    banks = os.path.join(home, APP_ID, 'banks')
    os.makedirs(banks)
    for i, size in enumerate(sizes):
        bank_id, path = bank_json(args, size, i)
        os.symlink(os.path.abspath(path), os.path.join(banks, bank_id + '.json'))
    return home


def call(conn, method, params, reply='(as)'):
    t0 = time.perf_counter()
    conn.call_sync(APP_ID, PATH, IFACE, method, params, GLib.VariantType(reply),
                   Gio.DBusCallFlags.NONE, 120000, None)
    return (time.perf_counter() - t0) * 1000


def has_owner(conn):
    r = conn.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                       'NameHasOwner', GLib.Variant('(s)', (APP_ID,)), GLib.VariantType('(b)'),
                       Gio.DBusCallFlags.NONE, 1000, None)
    return r.unpack()[0]


def one_start(args, conn, env):
    t0 = time.perf_counter()
    app = subprocess.Popen([os.path.join(args.builddir, 'src', 'wenda', 'wenda'), '--gapplication-service'],
                           env=env, stdout=subprocess.DEVNULL)
    try:
        while not has_owner(conn):
            if app.poll() is not None or time.perf_counter() - t0 > 120:
                raise RuntimeError('the app did not take its bus name')
            time.sleep(0.002)
        # The name is taken before GApplication's startup (GTK, the banks
        # of the library read): the first answer comes after it.
        call(conn, 'GetResultMetas', GLib.Variant('(as)', ([],)), '(aa{sv})')
        start = (time.perf_counter() - t0) * 1000

        # The first search, answered once every index is built; meanwhile
        # GetResultMetas, which the main loop answers.
        done = {}
        t1 = time.perf_counter()

        def on_reply(source, result):
            source.call_finish(result)
            done['ms'] = (time.perf_counter() - t1) * 1000

        conn.call(APP_ID, PATH, IFACE, 'GetInitialResultSet', GLib.Variant('(as)', (['梯度'],)),
                  GLib.VariantType('(as)'), Gio.DBusCallFlags.NONE, 120000, None, on_reply)
        probes = []
        context = GLib.MainContext.default()
        while 'ms' not in done:
            probes.append(call(conn, 'GetResultMetas', GLib.Variant('(as)', (['llm-training/llm-training-001'],)),
                               '(aa{sv})'))
            while context.iteration(False):
                pass
            time.sleep(0.005)
        cold = done['ms']
        if os.environ.get('WENDA_BENCH_VERBOSE'):
            print('# probes while cold (ms): %s' % ' '.join('%.1f' % p for p in probes), file=sys.stderr)

        warm, sub = [], []
        for _ in range(args.rounds):
            for word in WORDS:
                warm.append(call(conn, 'GetInitialResultSet', GLib.Variant('(as)', ([word],))))
                r = conn.call_sync(APP_ID, PATH, IFACE, 'GetInitialResultSet', GLib.Variant('(as)', ([word],)),
                                   GLib.VariantType('(as)'), Gio.DBusCallFlags.NONE, 120000, None)
                previous = r.unpack()[0]
                sub.append(call(conn, 'GetSubsearchResultSet',
                                GLib.Variant('(asas)', (previous, [word, '的']))))
        ping = [call(conn, 'GetResultMetas', GLib.Variant('(as)', ([],)), '(aa{sv})') for _ in range(20)]
        return {'start': start, 'cold': cold, 'blocked': max(probes), 'probes': len(probes),
                'warm': statistics.median(warm), 'warm_max': max(warm), 'sub': statistics.median(sub),
                'ping': statistics.median(ping)}
    except GLib.Error as e:
        raise RuntimeError('%s (the app: %s)' % (e.message, app.poll())) from e
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        # The name must be free before the next start.
        while has_owner(conn):
            time.sleep(0.01)


def main(argv):
    args = parse_args(argv)
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable,
                                       os.path.abspath(__file__), *argv])
    libraries = args.library or ['', '1000,1000,1000,1000,1000,1000,1000,1000,1000,1000',
                                 '100000,20000,5000']
    xvfb = None
    env = {k: v for k, v in os.environ.items() if k not in SCRUB}
    env.update({'GSETTINGS_BACKEND': 'memory', 'LC_ALL': 'C.UTF-8', 'GSK_RENDERER': 'cairo',
                'NO_AT_BRIDGE': '1',
                'GSETTINGS_SCHEMA_DIR': os.path.join(args.builddir, 'data'),
                'WENDA_LOCALEDIR': os.path.join(args.builddir, 'po')})
    if not env.get('DISPLAY'):
        r, w = os.pipe()
        xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(w), '-screen', '0', '1280x800x24',
                                 '-nolisten', 'tcp', '-noreset'], pass_fds=(w,), stderr=subprocess.DEVNULL)
        os.close(w)
        number = b''
        while not number.endswith(b'\n'):
            chunk = os.read(r, 64)
            if not chunk:
                sys.exit('search-provider.py: Xvfb did not start')
            number += chunk
        os.close(r)
        env['DISPLAY'] = ':' + number.decode().strip()
    conn = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    try:
        print('%-40s %8s %8s %8s %8s %8s %8s %8s' % ('library (items per bank)', 'start', 'cold',
                                                     'blocked', 'warm', 'warm-max', 'sub', 'ping'))
        for library in libraries:
            sizes = [int(s) for s in library.split(',') if s]
            home = make_data_home(args, sizes)
            try:
                env['XDG_DATA_HOME'] = home
                runs = [one_start(args, conn, env) for _ in range(args.runs)]
            finally:
                shutil.rmtree(home, ignore_errors=True)
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            name = '30 (bundled)' + (' + ' + ', '.join(str(s) for s in sizes) if sizes else '')
            print('%-40s %6.0f ms %5.0f ms %5.1f ms %5.1f ms %5.1f ms %5.1f ms %5.1f ms' % (
                name[:40], med['start'], med['cold'], med['blocked'], med['warm'], med['warm_max'],
                med['sub'], med['ping']))
            sys.stdout.flush()
        print('medians of %d starts; warm and sub: medians of %d calls a start (%d words)'
              % (args.runs, args.rounds * len(WORDS), len(WORDS)))
    finally:
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
