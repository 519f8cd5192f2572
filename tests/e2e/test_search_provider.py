#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GNOME Shell search provider, driven with `gdbus call` as the Shell
would, against the built app on the test's private session bus.

Needs DISPLAY and a session bus (the test runner's Xvfb and
dbus-run-session).  Prints TAP.
"""

import argparse
import json
import os
import subprocess
import sys
import time

APP_ID = 'io.github.wenda.Wenda'
PATH = '/io/github/wenda/Wenda/SearchProvider'
IFACE = 'org.gnome.Shell.SearchProvider2'

results = []


def report(ok, name, detail=''):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), name))
    if detail and not ok:
        for line in str(detail).splitlines():
            print('# ' + line)
    sys.stdout.flush()


def gdbus(method, *args, path=PATH, iface=IFACE, timeout=20):
    out = subprocess.run(['gdbus', 'call', '--session', '--dest', APP_ID,
                          '--object-path', path, '--timeout', str(timeout),
                          '--method', '%s.%s' % (iface, method), *args],
                         capture_output=True, text=True, timeout=timeout + 5)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return out.stdout.strip()


def wait_for_name(timeout=20):
    """Whether the app takes its bus name within @timeout s: `gdbus wait`
    returns as soon as the name has an owner."""
    try:
        out = subprocess.run(['gdbus', 'wait', '--session', '--timeout', str(timeout), APP_ID],
                             capture_output=True, text=True, timeout=timeout + 5)
    except subprocess.TimeoutExpired:
        return False
    return out.returncode == 0


def window_shows(app, text, timeout=15):
    """Whether a label or heading in the accessibility tree of the app
    (the process @app) comes to read @text within @timeout s: the tree is
    read again until it does."""
    import test_reader as t
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if app.poll() is not None:
            return False
        for acc in t.children(t.pyatspi.Registry.getDesktop(0)):
            try:
                if acc.get_process_id() != app.pid:
                    continue
            except Exception:
                continue
            if any(t.is_role(o, (t.R.LABEL, t.R.HEADING)) and t.text(o) == text
                   for o in t.walk(acc)):
                return True
        time.sleep(0.1)
    return False


def main():
    global APP_ID
    parser = argparse.ArgumentParser()
    parser.add_argument('--app', required=True)
    parser.add_argument('--bank', required=True)
    parser.add_argument('--app-id', default=APP_ID)
    args = parser.parse_args()
    APP_ID = args.app_id

    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP DISPLAY is not set')
        return 0
    # The accessibility tree, read with test_reader's helpers (roles are
    # compared as Atspi.Role values).
    import pyatspi
    import test_reader
    test_reader.pyatspi = pyatspi

    bank = json.load(open(args.bank, encoding='utf-8'))
    by_number = {item['number']: item for item in bank['items']}
    with_word = [item['id'] for item in bank['items']
                 if any('梯度' in item[f] for f in ('question', 'answer', 'explanation'))]

    app = subprocess.Popen([args.app, '--gapplication-service'])
    try:
        report(wait_for_name(), 'the app owns its bus name')

        out = gdbus('GetInitialResultSet', "['梯度']")
        report(all("'%s'" % i in out for i in with_word) and out.count("'") == 2 * len(with_word),
               'GetInitialResultSet 梯度 lists exactly the topics containing it', out)

        out = gdbus('GetInitialResultSet', "['gradient', 'CLIPPING']")
        report(out == "(['%s'],)" % by_number[4]['id'],
               'English terms, all required, case ignored: only №4', out)

        out = gdbus('GetSubsearchResultSet', str(with_word), "['梯度', 'SGD']")
        expected = [i for i in with_word
                    if 'SGD' in ''.join(it[f] for it in bank['items'] if it['id'] == i
                                        for f in ('question', 'answer', 'explanation'))]
        report(sorted(out.count("'%s'" % i) for i in expected) == [1] * len(expected)
               and out.count("'") == 2 * len(expected),
               'GetSubsearchResultSet narrows the previous results', out)

        item = by_number[12]
        out = gdbus('GetResultMetas', "['%s']" % item['id'])
        report("'name': <'№12 %s'>" % item['question'] in out and "'description'" in out
               and "'gicon'" in out,
               'GetResultMetas gives the number and question, with the English as description',
               out)

        gdbus('ActivateResult', item['id'], "['联邦学习']", '0')
        # №12 and №30 ask the same question: the number decides.
        report(window_shows(app, '№12') and window_shows(app, item['question']),
               'ActivateResult opens Wenda at №12')

        gdbus('LaunchSearch', "['知识蒸馏']", '0')
        report(window_shows(app, '4 matches'), 'LaunchSearch opens the app with the search filled in')
    except Exception as e:  # noqa: BLE001 - report, then clean up
        report(False, 'the search provider answers', repr(e))
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
