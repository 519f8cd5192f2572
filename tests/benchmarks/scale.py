#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Speed at scale: Wenda with a 100,000-item bank.

Writes the bank with gen-bank.py (if it is not there yet), then runs the
`scale` program (scale.c) in its modes and prints each figure against its
baseline, measured in the same process, and the target:

  import    read + parse + build the bank, against read + count lines:
            throughput >= 25 % of the baseline's
  search    one keystroke over all items, against a memmem() scan of the
            same folded texts: <= 1.5 x, and < 16 ms median; in the window,
            also to the painted frame, and the longest busy main loop
  memory    peak RSS with the bank open in the window, against the window
            with the bundled bank, separate processes run alternately:
            <= 3 x the bank's text size on top
  scroll    row widgets of the topic list while scrolling through it: constant

The GUI parts need a display: with no DISPLAY the script starts a private
Xvfb (-displayfd, -noreset); with no session bus, each run goes through
dbus-run-session.  Only the Python standard library is used.

    tests/benchmarks/scale.py --scale build/tests/benchmarks/scale \\
        --bank /tmp/bank-100k.md --schema-dir build/data
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Slow or redirect the programs: the test environment sets some of these.
SCRUB = ('MALLOC_PERTURB_', 'MALLOC_CHECK_', 'G_SLICE', 'G_DEBUG', 'GSK_RENDERER',
         'GDK_DEBUG', 'GTK_DEBUG', 'GSK_DEBUG', 'LD_PRELOAD')


def parse_args(argv):
    p = argparse.ArgumentParser(description='Wenda with a 100,000-item bank, against baselines.')
    p.add_argument('--scale', required=True, help='the scale program (build/tests/benchmarks/scale)')
    p.add_argument('--bank', required=True, help='the generated bank (written if missing)')
    p.add_argument('--items', type=int, default=100000, help='items in the bank (default 100000)')
    p.add_argument('--regenerate', action='store_true', help='write the bank even if it exists')
    p.add_argument('--schema-dir', help='compiled GSettings schemas (build/data)')
    p.add_argument('--renderer', default='cairo', choices=('cairo', 'gl', 'ngl'),
                   help='GSK_RENDERER for the window (default cairo)')
    p.add_argument('--import-runs', type=int, default=7)
    p.add_argument('--search-rounds', type=int, default=3)
    p.add_argument('--memory-runs', type=int, default=5)
    p.add_argument('--only', action='append', choices=('import', 'search', 'memory', 'scroll'),
                   help='run only these parts (repeat it)')
    return p.parse_args(argv)


class Session:
    """A display and a session bus for the GUI runs."""

    def __init__(self, args):
        self.env = {k: v for k, v in os.environ.items() if k not in SCRUB}
        self.env.update({'GSETTINGS_BACKEND': 'memory', 'LC_ALL': 'C.UTF-8', 'LANG': 'C.UTF-8',
                         'GSK_RENDERER': args.renderer, 'NO_AT_BRIDGE': '1'})
        if args.schema_dir:
            self.env['GSETTINGS_SCHEMA_DIR'] = args.schema_dir
        self.tmp = tempfile.mkdtemp(prefix='wenda-scale-')
        for var, sub in (('HOME', 'home'), ('XDG_CACHE_HOME', 'home/.cache'),
                         ('XDG_CONFIG_HOME', 'home/.config'), ('XDG_DATA_HOME', 'home/.local/share'),
                         ('XDG_RUNTIME_DIR', 'run')):
            path = os.path.join(self.tmp, sub)
            os.makedirs(path, mode=0o700, exist_ok=True)
            self.env[var] = path
        self.xvfb = None
        if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
            r, w = os.pipe()
            self.xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(w), '-screen', '0', '1280x800x24',
                                          '-nolisten', 'tcp', '-noreset'], pass_fds=(w,),
                                         stderr=subprocess.DEVNULL)
            os.close(w)
            with os.fdopen(r) as f:
                self.env['DISPLAY'] = ':' + f.readline().strip()
        self.echo = True
        self.wrap = []
        if not os.environ.get('DBUS_SESSION_BUS_ADDRESS') and shutil.which('dbus-run-session'):
            self.wrap = ['dbus-run-session', '--']

    def run(self, argv, gui=True):
        cmd = (self.wrap if gui else []) + argv
        lines = []
        with subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) as proc:
            for line in proc.stdout:
                lines.append(line)
                if self.echo:
                    print(line, end='', flush=True)
            err = proc.stderr.read()
        if proc.returncode != 0:
            sys.stderr.write(err)
            raise SystemExit(f'scale.py: {" ".join(argv)} failed ({proc.returncode})')
        return ''.join(lines)

    def close(self):
        if self.xvfb:
            self.xvfb.terminate()
            self.xvfb.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)


def verdict(ok):
    return 'met' if ok else 'MISSED'


def number(pattern, text, cast=float):
    m = re.search(pattern, text)
    return cast(m.group(1)) if m else None


def part_import(args, s):
    out = s.run([args.scale, 'import', args.bank, str(args.import_runs)], gui=False)
    for name in ('markdown', 'import'):
        share = number(rf'scale-import-{name} .* share-of-baseline ([\d.]+)', out)
        if share is not None:
            print(f'=> import ({name}): {share * 100:.1f} % of the baseline throughput,'
                  f' target >= 25 %: {verdict(share >= 0.25)}')


def part_search(args, s):
    out = s.run([args.scale, 'search', args.bank, str(args.search_rounds)])
    for name in ('chain-stringfilter-short', 'chain-filterlistmodel', 'chain-matchmodel',
                 'window-short', 'window'):
        line = re.search(rf'^scale-search-{name} done .*$', out, re.M)
        if not line:
            continue
        done = number(r'done median ([\d.]+)', line.group(0))
        ratio = number(r'ratio-of-medians ([\d.]+)', line.group(0))
        print(f'=> search ({name}): settled {done:.2f} ms median, {ratio:.2f} x memmem():'
              f' target <= 1.5 x {verdict(ratio <= 1.5)}, < 16 ms {verdict(done < 16)}')
        painted = number(r'painted median ([\d.]+)', line.group(0))
        if painted is not None:
            painted_ratio = number(r'painted median [\d.]+ ms p90 [\d.]+ \(([\d.]+) x\)', line.group(0))
            blocked = number(r'blocked median ([\d.]+)', line.group(0))
            blocked_max = number(r'blocked median [\d.]+ ms p90 [\d.]+ max ([\d.]+)', line.group(0))
            blocked_ratio = number(r'max [\d.]+ \(([\d.]+) x\)', line.group(0))
            quiet = number(r'quiet median ([\d.]+)', line.group(0))
            print(f'   as the user feels it: painted {painted:.2f} ms median ({painted_ratio:.2f} x),'
                  f' < 16 ms {verdict(painted < 16)}; main loop busy {blocked:.2f} ms median'
                  f' ({blocked_ratio:.2f} x), {blocked_max:.1f} ms max; counts done {quiet:.2f} ms median')
    for line in re.findall(r'^scale-search-load .*$', out, re.M):
        print('   ' + line)


def part_memory(args, s):
    bundled, big = [], []
    size = os.path.getsize(args.bank)
    for i in range(args.memory_runs):
        order = (('bundled', '--bundled'), ('big', args.bank))
        for name, what in (order if i % 2 == 0 else order[::-1]):
            s.echo = i == 0
            out = s.run([args.scale, 'window', what])
            s.echo = True
            hwm = number(r'VmHWM (\d+) kB', out, int)
            (bundled if name == 'bundled' else big).append(hwm)
    b, g = statistics.median(bundled), statistics.median(big)
    extra = (g - b) * 1024
    print(f'scale-memory bundled VmHWM median {b / 1024:.1f} MiB {sorted(bundled)},'
          f' 100k median {g / 1024:.1f} MiB {sorted(big)}')
    print(f'=> memory: +{extra / 1e6:.1f} MB for {size / 1e6:.1f} MB of text = {extra / size:.2f} x,'
          f' target <= 3 x: {verdict(extra / size <= 3)}')


def part_scroll(args, s):
    out = s.run([args.scale, 'window', args.bank, '--scroll'])
    lo = number(r'rows min (\d+)', out, int)
    hi = number(r'rows min \d+ max (\d+)', out, int)
    print(f'=> scroll: {lo}..{hi} row widgets over the whole list: '
          f'{"constant" if hi - lo <= 2 else "NOT constant"}')


def main(argv):
    args = parse_args(argv)
    if args.regenerate or not os.path.exists(args.bank):
        subprocess.run([sys.executable, os.path.join(HERE, 'gen-bank.py'), '--items', str(args.items),
                        '--output', args.bank], check=True)
    s = Session(args)
    try:
        print(f'scale.py: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f},'
              f' GSK_RENDERER={args.renderer}, bank {args.bank}'
              f' ({os.path.getsize(args.bank) / 1e6:.1f} MB)')
        parts = args.only or ['import', 'search', 'memory', 'scroll']
        for part in ('import', 'search', 'memory', 'scroll'):
            if part in parts:
                globals()['part_' + part](args, s)
                sys.stdout.flush()
    finally:
        s.close()


if __name__ == '__main__':
    main(sys.argv[1:])
