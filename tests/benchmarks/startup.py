#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Startup benchmark: exec -> first frame painted.

Times the full app, opening on the bundled bank, against a bare
AdwApplicationWindow (bare-window.c), under a private Xvfb, once with
GSK_RENDERER=cairo and once with GSK_RENDERER=gl.  Both programs print

    wenda-first-frame-us N

on stderr when their window's frame clock emits its first "after-paint", N
being g_get_monotonic_time() (CLOCK_MONOTONIC, in microseconds), then quit.
A run's time is N minus the CLOCK_MONOTONIC time taken just before the
program is spawned, so it covers exec, dynamic linking, GTK and libadwaita
start-up, the program's own start-up, and building, laying out, drawing and
presenting its first frame.

The two programs are run interleaved (app, bare, bare, app, ...), after
warm-up runs of each, so that noise on the machine hits both alike.  The
table gives the median, minimum and maximum of each, and the ratio of the
medians, against the target of the app taking at most 1.15 times as long as
the bare window.

--breakdown runs startup-probe (startup-probe.c) instead: the steps from the
bare window to the app, each stamped, to show where the difference goes.

Standard library only.
"""

import argparse
import json
import os
import pathlib
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.15
RENDERERS = ('cairo', 'gl')
FIRST_FRAME_TAG = 'wenda-first-frame-us'
PROBE_TAG = 'probe-mark'
PROBE_MODES = ('bare', 'bare-cjk', 'bare-text', 'empty-bank', 'one-topic', 'full',
               'app')
PROBE_MARKS = ('main', 'startup', 'bank-loaded', 'activate', 'window-added',
               'window-new', 'realize', 'map', 'before-paint', 'layout',
               'paint', 'after-paint')
SOURCE_ROOT = pathlib.Path(__file__).resolve().parents[2]

# Variables of the caller's environment (meson test's, a developer's
# shell) that would change how the programs run.  MALLOC_PERTURB_,
# MALLOC_CHECK_ and G_SLICE slow every allocation down; the rest select
# other backends, renderers or settings.
SCRUBBED_ENV = ('MALLOC_PERTURB_', 'MALLOC_CHECK_', 'G_SLICE', 'G_DEBUG',
                'G_MESSAGES_DEBUG', 'GTK_DEBUG', 'GDK_DEBUG', 'GSK_DEBUG',
                'GSK_RENDERER', 'GDK_BACKEND', 'GTK_THEME', 'GDK_SCALE',
                'GTK_A11Y', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS',
                'GIO_USE_VFS', 'GTK_USE_PORTAL', 'LD_PRELOAD',
                'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LC_MESSAGES', 'LANGUAGE')


class BenchmarkError(Exception):
    pass


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description='Time exec -> first frame of the app against a bare '
                    'AdwApplicationWindow, under Xvfb, with cairo and GL.')
    parser.add_argument(
        '--builddir', type=pathlib.Path, default=SOURCE_ROOT / 'build',
        help='meson build directory the defaults below are relative to '
             '(default: %(default)s)')
    parser.add_argument('--app', type=pathlib.Path,
                        help='the app (default: BUILDDIR/src/wenda/wenda)')
    parser.add_argument(
        '--bare', type=pathlib.Path,
        help='the bare window '
             '(default: BUILDDIR/tests/benchmarks/bare-window)')
    parser.add_argument(
        '--probe', type=pathlib.Path,
        help='startup-probe, for --breakdown '
             '(default: BUILDDIR/tests/benchmarks/startup-probe)')
    parser.add_argument(
        '--schema-dir', type=pathlib.Path,
        help='compiled GSettings schemas (default: BUILDDIR/data)')
    parser.add_argument(
        '--localedir', type=pathlib.Path,
        help='compiled catalogs, for the app\'s English rendering of the '
             'content (default: BUILDDIR/po)')
    parser.add_argument(
        '--runs', type=int, default=15,
        help='measured runs of each program per renderer, at least 10 '
             '(default: %(default)s)')
    parser.add_argument(
        '--warmup', type=int, default=2,
        help='unmeasured runs of each program first (default: %(default)s)')
    parser.add_argument(
        '--renderer', dest='renderers', action='append', choices=RENDERERS,
        help='GSK_RENDERER to measure; repeat for several '
             '(default: cairo and gl)')
    parser.add_argument(
        '--bus', choices=('shared', 'per-run'), default='shared',
        help='one session bus for all runs (default), or a '
             'dbus-run-session around each run, its start-up counted')
    parser.add_argument(
        '--target', type=float, default=TARGET_RATIO,
        help='largest acceptable app/bare ratio (default: %(default)s)')
    parser.add_argument(
        '--check', action='store_true',
        help='exit with status 1 if a ratio misses the target')
    parser.add_argument(
        '--breakdown', action='store_true',
        help='time the steps from the bare window to the app with '
             'startup-probe instead')
    parser.add_argument(
        '--data-home', type=pathlib.Path,
        help="the user's data the app starts with (XDG_DATA_HOME), such as "
             'a library of banks in DIR/io.github.wenda.Wenda/banks '
             '(gen-bank.py --json); by default none')
    parser.add_argument('--json', action='store_true',
                        help='print the results as JSON')
    args = parser.parse_args(argv)

    if args.runs < 10:
        parser.error('--runs must be at least 10')
    if args.warmup < 0:
        parser.error('--warmup cannot be negative')

    builddir = args.builddir.resolve()
    if args.app is None:
        args.app = builddir / 'src' / 'wenda' / 'wenda'
    if args.bare is None:
        args.bare = builddir / 'tests' / 'benchmarks' / 'bare-window'
    if args.probe is None:
        args.probe = builddir / 'tests' / 'benchmarks' / 'startup-probe'
    if args.schema_dir is None:
        args.schema_dir = builddir / 'data'
    if args.localedir is None:
        args.localedir = builddir / 'po'
    if not args.renderers:
        args.renderers = list(RENDERERS)

    programs = [args.probe] if args.breakdown else [args.app, args.bare]
    for program in programs:
        if not os.access(program, os.X_OK):
            parser.error(f'{program} is not an executable: build it, or '
                         'pass --builddir')
    if not (args.schema_dir / 'gschemas.compiled').exists():
        parser.error(f'no gschemas.compiled in {args.schema_dir}')

    return args


class Session:
    """A private Xvfb and session bus, and a temporary home.

    The bus: every run could get its own `dbus-run-session`, but that would
    time the start of a dbus-daemon, and, once GTK asks for the
    accessibility bus, of at-spi-bus-launcher and a second dbus-daemon,
    in every run of both programs.  That is tens of milliseconds of noise
    that a desktop, where both buses are already up, never pays, and it
    would hide the difference being measured.  So one dbus-daemon serves
    all the runs; the warm-up runs start the accessibility bus.  The app is
    not NON_UNIQUE, but the runs are sequential and each has exited, and
    so released its bus name, before the next starts; a run that found the
    name taken would hand over to the other instance and paint nothing,
    which run_once() reports as an error.  --bus per-run measures the other
    way.
    """

    def __init__(self, schema_dir, localedir, bus, data_home=None):
        self.bus = bus
        self.tmp = tempfile.TemporaryDirectory(prefix='wenda-bench-')
        root = pathlib.Path(self.tmp.name)
        home = root / 'home'
        runtime = root / 'runtime'
        home.mkdir()
        runtime.mkdir(mode=0o700)

        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        env.update({
            'HOME': str(home),
            'XDG_CACHE_HOME': str(home / '.cache'),
            'XDG_CONFIG_HOME': str(home / '.config'),
            'XDG_DATA_HOME': str(data_home or home / '.local' / 'share'),
            'XDG_RUNTIME_DIR': str(runtime),
            'LANG': 'C.UTF-8',
            'LC_ALL': 'C.UTF-8',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': str(schema_dir),
            # As in tests/meson.build: the app finds its catalogs here
            # when it runs from the build tree.
            'WENDA_LOCALEDIR': str(localedir),
            'GDK_BACKEND': 'x11',
        })
        self.env = env
        self.xvfb = None
        self.dbus = None

    def __enter__(self):
        try:
            self._start_xvfb()
            if self.bus == 'shared':
                self._start_dbus()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def _start_xvfb(self):
        if shutil.which('Xvfb') is None:
            raise BenchmarkError('Xvfb is not installed (package xvfb)')
        # -displayfd picks a free display and cannot race; -noreset keeps
        # the server from resetting between one client and the next.
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ['Xvfb', '-displayfd', str(write_fd), '-screen', '0',
             '1280x800x24', '-nolisten', 'tcp', '-noreset'],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=self.env)
        os.close(write_fd)
        display = _read_line(read_fd, 10, 'Xvfb')
        self.env['DISPLAY'] = ':' + display

    def _start_dbus(self):
        if shutil.which('dbus-daemon') is None:
            raise BenchmarkError('dbus-daemon is not installed (package '
                                 'dbus)')
        address = 'unix:path=' + self.env['XDG_RUNTIME_DIR'] + '/bus'
        read_fd, write_fd = os.pipe()
        self.dbus = subprocess.Popen(
            ['dbus-daemon', '--session', '--nofork', '--nopidfile',
             '--address=' + address, f'--print-address={write_fd}'],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=self.env)
        os.close(write_fd)
        self.env['DBUS_SESSION_BUS_ADDRESS'] = _read_line(read_fd, 10,
                                                          'dbus-daemon')

    def close(self):
        # The bus first: the services it started (at-spi-bus-launcher)
        # leave with it, before their display goes.
        for proc in (self.dbus, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.dbus = self.xvfb = None
        self.tmp.cleanup()

    def command(self, argv):
        if self.bus == 'per-run':
            return ['dbus-run-session', '--'] + argv
        return argv


def _read_line(fd, timeout, what):
    """Reads one line that a child writes to the pipe fd, then closes it."""
    deadline = time.monotonic() + timeout
    data = b''
    os.set_blocking(fd, False)
    try:
        while b'\n' not in data:
            if time.monotonic() > deadline:
                raise BenchmarkError(f'{what} did not start within '
                                     f'{timeout} s')
            try:
                chunk = os.read(fd, 256)
            except BlockingIOError:
                time.sleep(0.01)
                continue
            if not chunk:
                raise BenchmarkError(f'{what} exited at start')
            data += chunk
    finally:
        os.close(fd)
    return data.split(b'\n', 1)[0].decode().strip()


def run_once(session, argv, renderer, tag):
    """Spawns argv once.

    Returns t0 and the stamps it printed, in µs, and a dict of the rest:
    'run_cpu', the CPU time (user + system, µs) of the whole run, exit
    included; and what startup-probe prints: the process CPU time at each
    stamp ('cpu', µs), and the probe-renderer and probe-widgets lines, by
    their first word.
    """
    env = dict(session.env)
    env['GSK_RENDERER'] = renderer
    env['WENDA_BENCHMARK_FIRST_FRAME'] = '1'
    command = session.command([str(a) for a in argv])

    # CLOCK_MONOTONIC, the clock of g_get_monotonic_time(), taken as late
    # as possible before the fork.
    # The runs are one at a time, so what the children waited for used in
    # the meantime is what this run used.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic_ns() // 1000
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise BenchmarkError(f'{argv[0]} did not paint within 60 s')
    after = resource.getrusage(resource.RUSAGE_CHILDREN)

    stamps = {}
    cpu = {}
    info = {}
    for line in err.decode(errors='replace').splitlines():
        fields = line.split()
        if tag == FIRST_FRAME_TAG and len(fields) == 2 \
                and fields[0] == tag:
            stamps['after-paint'] = int(fields[1])
        elif tag == PROBE_TAG and len(fields) == 4 and fields[0] == tag:
            stamps.setdefault(fields[1], int(fields[2]))
            cpu.setdefault(fields[1], int(fields[3]))
        elif fields and fields[0] in ('probe-renderer', 'probe-widgets'):
            info[fields[0]] = ' '.join(fields[1:])
    info['cpu'] = cpu
    info['run_cpu'] = round((after.ru_utime - before.ru_utime
                             + after.ru_stime - before.ru_stime) * 1e6)

    if proc.returncode != 0 or 'after-paint' not in stamps:
        raise BenchmarkError(
            f'{" ".join(command)} (GSK_RENDERER={renderer}) exited with '
            f'status {proc.returncode} and reported no first frame:\n'
            + err.decode(errors='replace'))
    return t0, stamps, info


def check_renderers(args, session):
    """Which GskRenderer each GSK_RENDERER gets: GTK falls back to another
    one, silently, when the one asked for cannot start.  Asks the probe,
    if it was built."""
    found = {}
    if not os.access(args.probe, os.X_OK):
        return found
    for renderer in args.renderers:
        _, _, info = run_once(session, [args.probe, 'bare'], renderer,
                              PROBE_TAG)
        found[renderer] = info.get('probe-renderer', 'unknown')
    return found


def summarize(times_us):
    ms = [t / 1000 for t in times_us]
    return {
        'median_ms': round(statistics.median(ms), 2),
        'min_ms': round(min(ms), 2),
        'max_ms': round(max(ms), 2),
        'runs_ms': [round(t, 2) for t in ms],
    }


def interleaved(subjects, runs):
    """Yields (run, subject): A B B A A B ..., so that neither subject
    always runs first after the other."""
    for i in range(runs):
        order = subjects if i % 2 == 0 else tuple(reversed(subjects))
        for subject in order:
            yield i, subject


def measure(args, session):
    programs = {'app': args.app, 'bare': args.bare}
    results = {}
    for renderer in args.renderers:
        times = {name: [] for name in programs}
        cpu = {name: [] for name in programs}
        for _, name in interleaved(tuple(programs), args.warmup):
            run_once(session, [programs[name]], renderer, FIRST_FRAME_TAG)
        for _, name in interleaved(tuple(programs), args.runs):
            t0, stamps, info = run_once(session, [programs[name]], renderer,
                                        FIRST_FRAME_TAG)
            times[name].append(stamps['after-paint'] - t0)
            cpu[name].append(info['run_cpu'])
        app = summarize(times['app'])
        bare = summarize(times['bare'])
        ratio = app['median_ms'] / bare['median_ms']
        app_cpu = summarize(cpu['app'])
        bare_cpu = summarize(cpu['bare'])
        results[renderer] = {
            'app': app,
            'bare': bare,
            'difference_ms': round(app['median_ms'] - bare['median_ms'], 2),
            'ratio': round(ratio, 3),
            'meets_target': ratio <= args.target,
            # A second view, not the measure: CPU time of the whole run,
            # exit included, which waiting for a busy CPU does not inflate.
            'cpu': {
                'app': app_cpu,
                'bare': bare_cpu,
                'ratio': round(app_cpu['median_ms'] / bare_cpu['median_ms'],
                               3),
            },
        }
    return results


def breakdown(args, session):
    results = {}
    for renderer in args.renderers:
        marks = {mode: {} for mode in PROBE_MODES}
        cpu = {mode: {} for mode in PROBE_MODES}
        infos = {}
        for _, mode in interleaved(PROBE_MODES, args.warmup):
            run_once(session, [args.probe, mode], renderer, PROBE_TAG)
        for _, mode in interleaved(PROBE_MODES, args.runs):
            t0, stamps, info = run_once(session, [args.probe, mode],
                                        renderer, PROBE_TAG)
            for name, value in stamps.items():
                marks[mode].setdefault(name, []).append(value - t0)
            for name, value in info['cpu'].items():
                cpu[mode].setdefault(name, []).append(value)
            infos[mode] = info
        results[renderer] = {
            mode: {name: round(statistics.median(values) / 1000, 2)
                   for name, values in marks[mode].items()}
            for mode in PROBE_MODES
        }
        results[renderer]['cpu'] = {
            mode: {name: round(statistics.median(values) / 1000, 2)
                   for name, values in cpu[mode].items()}
            for mode in PROBE_MODES
        }
        results[renderer]['renderer'] = {
            mode: infos[mode].get('probe-renderer') for mode in PROBE_MODES}
        results[renderer]['widgets'] = {
            mode: infos[mode].get('probe-widgets') for mode in PROBE_MODES}

    # The bank alone, with no display: the first load in a process is the
    # one the app pays.
    proc = subprocess.run([str(args.probe), '--load-bank', '200'],
                          env=session.env, capture_output=True, text=True,
                          check=True)
    results['load-bank'] = proc.stdout.strip()
    return results


def print_table(args, results, renderers_found, load):
    print(f'Startup, exec -> first frame painted: median of {args.runs} '
          f'runs each, interleaved, after {args.warmup} warm-up runs each')
    print(f'Xvfb 1280x800x24, {os.cpu_count()} CPUs, bus: {args.bus}, '
          f'load average {load[0]:.2f} before, {load[1]:.2f} after')
    if renderers_found:
        print('Renderers: ' + ', '.join(
            f'GSK_RENDERER={r} draws with {t}'
            for r, t in renderers_found.items()))
    print()
    header = (f'{"renderer":<9} {"app ms":>8} {"(min-max)":>15} '
              f'{"bare ms":>8} {"(min-max)":>15} {"diff ms":>8} '
              f'{"app/bare":>8}  verdict')
    print(header)
    print('-' * len(header))
    for renderer, r in results.items():
        app, bare = r['app'], r['bare']
        app_range = f'({app["min_ms"]:.1f}-{app["max_ms"]:.1f})'
        bare_range = f'({bare["min_ms"]:.1f}-{bare["max_ms"]:.1f})'
        verdict = 'meets' if r['meets_target'] else 'MISSES'
        print(f'{renderer:<9} {app["median_ms"]:>8.1f} {app_range:>15} '
              f'{bare["median_ms"]:>8.1f} {bare_range:>15} '
              f'{r["difference_ms"]:>8.1f} {r["ratio"]:>8.3f}  '
              f'{verdict} target <= {args.target:.2f}')
    print()
    print('CPU time of the whole run (user + system, exit included), median '
          'ms:')
    for renderer, r in results.items():
        c = r['cpu']
        print(f'{renderer:<9} app {c["app"]["median_ms"]:.1f}, '
              f'bare {c["bare"]["median_ms"]:.1f}, '
              f'app/bare {c["ratio"]:.3f}')


def print_breakdown(args, results):
    print(f'Startup steps (startup-probe): medians of {args.runs} runs '
          f'each, interleaved')
    for renderer in args.renderers:
        r = results[renderer]
        drawn_by = ', '.join(sorted(set(r['renderer'].values())))
        for title, table in (('ms since exec', r),
                             ('CPU ms used, all threads', r['cpu'])):
            print()
            print(f'GSK_RENDERER={renderer} ({drawn_by}): {title}')
            print(f'{"mark":<14}' + ''.join(f'{m:>12}' for m in PROBE_MODES))
            for name in PROBE_MARKS:
                if not any(name in table[m] for m in PROBE_MODES):
                    continue
                cells = ''.join(
                    f'{table[m][name]:>12.1f}' if name in table[m]
                    else f'{"":>12}'
                    for m in PROBE_MODES)
                print(f'{name:<14}{cells}')
    print()
    print('Widgets in the window at the first frame:')
    for mode in PROBE_MODES:
        print(f'  {mode:<12} {results[args.renderers[0]]["widgets"][mode]}')
    print()
    print(results['load-bank'])


def main(argv):
    args = parse_args(argv)
    load_before = os.getloadavg()[0]
    try:
        with Session(args.schema_dir, args.localedir, args.bus, args.data_home) as session:
            renderers_found = {}
            if args.breakdown:
                results = breakdown(args, session)
            else:
                renderers_found = check_renderers(args, session)
                results = measure(args, session)
    except BenchmarkError as error:
        print(f'startup.py: {error}', file=sys.stderr)
        return 2
    # A busy machine spreads the runs; say how busy it was.
    load = (load_before, os.getloadavg()[0])

    if args.json:
        json.dump({
            'benchmark': 'breakdown' if args.breakdown else 'startup',
            'runs': args.runs,
            'warmup': args.warmup,
            'target_ratio': args.target,
            'bus': args.bus,
            'cpus': os.cpu_count(),
            'machine': platform.platform(),
            'load_average': load,
            'renderers': renderers_found,
            'results': results,
        }, sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.breakdown:
        print_breakdown(args, results)
    else:
        print_table(args, results, renderers_found, load)

    if args.check and not args.breakdown \
            and not all(r['meets_target'] for r in results.values()):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
