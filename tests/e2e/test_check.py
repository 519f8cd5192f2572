#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`wenda --check FILE…` as a bank author's CI runs it: the real binary,
with no display, no session bus and no running Wenda, in English (C) and
in Chinese (zh_CN, when the locale can be made).  TAP output."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument('--app', required=True)
parser.add_argument('--fixtures', required=True)
args = parser.parse_args()

steps = []


def step(ok, name, detail=''):
    steps.append((ok, name, detail))


def run(files, lang, stdin=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS')}
    env.update(LANG=lang, LC_ALL=lang, LANGUAGE='')
    if lang != 'C' and 'ASAN_OPTIONS' in env:
        # Under the sanitizer build (.ci/passes, pass 2): p11-kit (libadwaita
        # -> appstream -> curl -> gnutls) calls newlocale() in its
        # constructor and keeps a 36-byte name from glibc in a zh_CN locale.
        # The stack stops in libc with fast unwinding, and symbolizing it to
        # match a suppression by name was seen to hang addr2line.  The C
        # runs, with the same code of ours, keep leak detection.
        env['ASAN_OPTIONS'] += ':detect_leaks=0'

    try:
        return subprocess.run([args.app, '--check'] + files, env=env, capture_output=True,
                              text=True, timeout=60, stdin=stdin)
    except subprocess.TimeoutExpired as e:
        # A hang is a failed step, not a traceback
        out = e.stdout or ''
        if isinstance(out, bytes):
            out = out.decode('utf-8', 'replace')
        return subprocess.CompletedProcess(e.cmd, None, out, 'timed out')


fx = args.fixtures
good = os.path.join(fx, 'layouts', 'headings-h4.md')
warned = os.path.join(fx, 'layouts', 'mixed.md')
refused = os.path.join(fx, 'import', 'no-items.md')

r = run([good], 'C')
step(r.returncode == 0 and r.stdout == good + ': 5 questions in 2 sections (level 4 headings)\n',
     'a good bank: one line, exit 0', repr((r.returncode, r.stdout, r.stderr)))

r = run([good, warned], 'C')
lines = r.stdout.splitlines()
step(r.returncode == 2 and len(lines) == 3 and lines[2] == warned + ':24: warning: this question has no answer: it is kept, to be studied by recall',
     'a bank with a warning: its line, exit 2', repr((r.returncode, lines)))

r = run([warned, refused, '/no/such/file.md'], 'C')
lines = r.stdout.splitlines()
step(r.returncode == 1 and lines[2].startswith(refused + ': refused: no question found')
     and lines[-1].startswith('/no/such/file.md: refused: '),
     'a refused bank and a missing file: exit 1, every file reported', repr((r.returncode, lines)))

# As a CI step may run it, on a bank that comes through a pipe
with open(good, 'rb') as f:
    r = run(['/dev/stdin'], 'C', stdin=f)
step(r.returncode == 0 and r.stdout == '/dev/stdin: 5 questions in 2 sections (level 4 headings)\n',
     'a bank read from a pipe', repr((r.returncode, r.stdout, r.stderr)))

r = run([], 'C')
step(r.returncode == 1 and 'wenda --check' in r.stderr, 'no file: the usage, exit 1', repr((r.returncode, r.stderr)))

# Another option is not a file: refused, as a usage error; after "--", a
# name that starts with - is a file
r = run(['--language=zh', good], 'C')
step(r.returncode == 1 and r.stdout == '' and '“--language=zh” is not a file' in r.stderr,
     'another option: the usage, exit 1, nothing read', repr((r.returncode, r.stdout, r.stderr)))
r = run([good, '--', '-no-such.md'], 'C')
lines = r.stdout.splitlines()
step(r.returncode == 1 and len(lines) == 2 and lines[1].startswith('-no-such.md: refused: '),
     'after --, a name that starts with - is a file', repr((r.returncode, lines, r.stderr)))

# Chinese, in a zh_CN locale built into a folder of our own
locpath = tempfile.mkdtemp()
try:
    made = shutil.which('localedef') and subprocess.run(
        ['localedef', '-i', 'zh_CN', '-f', 'UTF-8', os.path.join(locpath, 'zh_CN.UTF-8')],
        capture_output=True).returncode in (0, 1)
    if made and os.path.isdir(os.path.join(locpath, 'zh_CN.UTF-8')):
        os.environ['LOCPATH'] = locpath
        r = run([good], 'zh_CN.UTF-8')
        step(r.returncode == 0 and r.stdout == good + ': 5 道题，分 2 个章节（4 级标题）\n',
             'in zh_CN the summary is Chinese', repr((r.returncode, r.stdout)))
        r = run([warned, refused], 'zh_CN.UTF-8')
        lines = r.stdout.splitlines()
        step(r.returncode == 1 and len(lines) == 4
             and lines[1] == warned + ':24: warning: 此题没有答案：已保留，供回忆练习'
             and lines[2].startswith(refused + ': 无法导入：未找到题目'),
             'in zh_CN the problems and the refusal are Chinese', repr((r.returncode, lines)))
    else:
        for name in ('in zh_CN the summary is Chinese',
                     'in zh_CN the problems and the refusal are Chinese'):
            steps.append((None, name, 'no zh_CN locale could be made'))
finally:
    shutil.rmtree(locpath, ignore_errors=True)

print('1..%d' % len(steps))
failed = 0
for i, (ok, name, detail) in enumerate(steps, 1):
    if ok is None:
        print('ok %d - %s # SKIP %s' % (i, name, detail))
    elif ok:
        print('ok %d - %s' % (i, name))
    else:
        failed += 1
        print('not ok %d - %s' % (i, name))
        print('# ' + detail)
sys.exit(1 if failed else 0)
