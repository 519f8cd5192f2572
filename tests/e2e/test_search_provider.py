#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GNOME Shell search provider, driven with `gdbus call` as the Shell
would, against the built app on the test's private session bus.

Two runs of the app, each started as D-Bus starts it
(--gapplication-service), with a data folder of its own:

  1. The bundled bank alone: result sets, metas, ActivateResult (the
     window opens at the topic) and LaunchSearch.  Then a bank is imported
     (`wenda FILE`, a second launch): the provider finds the words only
     it has (the library changed), in both banks at once, narrows them,
     names the bank in the metas, and ActivateResult shows its topic.
  2. The same data folder, the imported bank now a copy in the library,
     no window yet: ActivateResult on a topic of the imported bank opens
     the window on that bank (its chooser shows the title) at that topic.

Result ids are "BANK/ITEM"; a plain item id is one of the bundled bank.

Needs DISPLAY and a session bus (the test runner's Xvfb and
dbus-run-session).  Prints TAP.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = 'io.github.wenda.Wenda'
PATH = '/io/github/wenda/Wenda/SearchProvider'
IFACE = 'org.gnome.Shell.SearchProvider2'
BUNDLED = 'llm-training'

# The bank imported in run 1: tests/fixtures/search/optics.md, whose id is
# made from its file name, and its items' ids from that.
IMPORTED = 'optics'
IMPORTED_TITLE = '光学面试题'
IMPORTED_QUESTIONS = {
    1: '什么是光的偏振（Polarization）？',
    2: '什么是衍射（Diffraction）？',
    3: '什么是折射率？',
}

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


def window_has(app, found, timeout=15):
    """Whether found(accessible application) comes to be true for the
    accessibility tree of the app (the process @app) within @timeout s:
    the tree is read again until it does."""
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
            if found(acc):
                return True
        time.sleep(0.1)
    return False


def window_shows(app, text, timeout=15):
    """Whether a label or heading of the app comes to read @text."""
    import test_reader as t
    return window_has(app, lambda acc: any(t.is_role(o, (t.R.LABEL, t.R.HEADING)) and t.text(o) == text
                                           for o in t.walk(acc)), timeout)


def chooser_shows(app, title, timeout=15):
    """Whether the bank chooser in the header (a combo box, named after the
    bank it shows) comes to show @title."""
    import test_reader as t

    def found(acc):
        return any(t.is_role(c, t.R.COMBO_BOX)
                   and any(t.is_role(o, t.R.LABEL) and t.text(o) == title for o in t.walk(c))
                   for c in t.walk(acc))
    return window_has(app, found, timeout)


def click_import(app, timeout=15):
    """Clicks Import in the import dialog once it can be clicked: `wenda
    FILE` shows what the file holds, and saves nothing before."""
    import test_reader as t

    def found(acc):
        for button in t.find_all(acc, t.R.PUSH_BUTTON, 'Import'):
            if t.has_state(button, t.pyatspi.STATE_SENSITIVE):
                t.click(button)
                return True
        return False
    return window_has(app, found, timeout)


def ids(out):
    """The strings of a gdbus reply of type (as)."""
    return re.findall(r"'([^']*)'", out)


def result_id(bank, item_id):
    return '%s/%s' % (bank, item_id)


def start_app(app_path, data_home):
    env = dict(os.environ, XDG_DATA_HOME=data_home)
    return subprocess.Popen([app_path, '--gapplication-service'], env=env,
                            stdout=sys.stderr.fileno())


def stop_app(app):
    app.terminate()
    try:
        app.wait(10)
    except subprocess.TimeoutExpired:
        app.kill()
        app.wait(5)


def wait_for_results(terms, expected, timeout=20):
    """Polls GetInitialResultSet @terms until it lists @expected; returns
    the last reply."""
    end = time.monotonic() + timeout
    while True:
        out = gdbus('GetInitialResultSet', terms)
        if ids(out) == expected or time.monotonic() > end:
            return out
        time.sleep(0.2)


def run_bundled_and_import(args, bank, data_home):
    """Run 1: the bundled bank, then a bank imported into the running app."""
    by_number = {item['number']: item for item in bank['items']}
    with_word = [result_id(BUNDLED, item['id']) for item in bank['items']
                 if any('梯度' in item[f] for f in ('question', 'answer', 'explanation'))]
    with_model = [result_id(BUNDLED, item['id']) for item in bank['items']
                  if any('模型' in item[f] for f in ('question', 'answer', 'explanation'))]

    app = start_app(args.app, data_home)
    try:
        report(wait_for_name(), 'the app owns its bus name')

        out = gdbus('GetInitialResultSet', "['梯度']")
        report(ids(out) == with_word,
               'GetInitialResultSet 梯度 lists exactly the topics containing it, as BANK/ITEM', out)

        out = gdbus('GetInitialResultSet', "['gradient', 'CLIPPING']")
        report(ids(out) == [result_id(BUNDLED, by_number[4]['id'])],
               'English terms, all required, case ignored: only №4', out)

        out = gdbus('GetSubsearchResultSet', str(with_word), "['梯度', 'SGD']")
        expected = [i for i in with_word
                    if 'SGD' in ''.join(it[f] for it in bank['items'] if result_id(BUNDLED, it['id']) == i
                                        for f in ('question', 'answer', 'explanation'))]
        report(ids(out) == expected and len(expected) > 0,
               'GetSubsearchResultSet narrows the previous results', out)

        item = by_number[12]
        out = gdbus('GetResultMetas', "['%s']" % result_id(BUNDLED, item['id']))
        report("'name': <'№12 %s'>" % item['question'] in out and "'description'" in out
               and "'gicon'" in out and IMPORTED_TITLE not in out,
               'GetResultMetas gives the number and question, with the English as description',
               out)

        # The ids of before there were other banks still work.
        out = gdbus('GetSubsearchResultSet', "['%s']" % by_number[4]['id'], "['gradient']")
        report(ids(out) == [result_id(BUNDLED, by_number[4]['id'])],
               'a plain item id is one of the bundled bank (GetSubsearchResultSet)', out)
        out = gdbus('GetResultMetas', "['%s']" % item['id'])
        report("'name': <'№12 %s'>" % item['question'] in out,
               'a plain item id is one of the bundled bank (GetResultMetas)', out)

        gdbus('ActivateResult', result_id(BUNDLED, item['id']), "['联邦学习']", '0')
        # №12 and №30 ask the same question: the number decides.
        report(window_shows(app, '№12') and window_shows(app, item['question']),
               'ActivateResult opens Wenda at №12')

        gdbus('LaunchSearch', "['知识蒸馏']", '0')
        report(window_shows(app, '4 matches'), 'LaunchSearch opens the app with the search filled in')

        # Not imported yet: nothing.
        out = gdbus('GetInitialResultSet', "['布儒斯特']")
        report(ids(out) == [], 'a word of a bank not imported yet finds nothing', out)

        # Imported into the running app by a second launch.
        fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               '..', 'fixtures', 'search', 'optics.md')
        second = subprocess.run([args.app, fixture], env=dict(os.environ, XDG_DATA_HOME=data_home),
                                capture_output=True, text=True, timeout=30)
        report(second.returncode == 0, '`wenda optics.md` hands the bank to the running app',
               second.stderr)
        report(click_import(app), 'its import dialog shows it, and Import saves it')

        first = result_id(IMPORTED, IMPORTED + '-001')
        third = result_id(IMPORTED, IMPORTED + '-003')
        out = wait_for_results("['布儒斯特']", [first])
        report(ids(out) == [first],
               'once imported, a word only it has finds its topic: the index follows the library', out)

        out = gdbus('GetInitialResultSet', "['BREWSTER']")
        report(ids(out) == [first], 'the imported bank ignores case too', out)

        out = gdbus('GetInitialResultSet', "['偏振']")
        report(ids(out) == [first, third], 'GetInitialResultSet 偏振: both its topics, in order', out)

        out = gdbus('GetInitialResultSet', "['模型']")
        report(ids(out) == (with_model + [result_id(IMPORTED, IMPORTED + '-002')])[:30],
               'a word in both banks lists both, the bundled bank first', out)

        out = gdbus('GetSubsearchResultSet', str([first, third, with_word[0]]), "['偏振', '折射']")
        report(ids(out) == [third], 'GetSubsearchResultSet narrows results of several banks', out)

        out = gdbus('GetResultMetas', "['%s', '%s']" % (third, result_id(BUNDLED, item['id'])))
        report("'name': <'№3 %s'>" % IMPORTED_QUESTIONS[3] in out
               and "'description': <'%s'>" % IMPORTED_TITLE in out
               and "'description': <'%s — " % bank['title'] in out,
               'GetResultMetas names the bank once there are several', out)

        # The window shows the bank it imported: its topic opens there.
        gdbus('ActivateResult', third, "['折射']", '0')
        report(chooser_shows(app, IMPORTED_TITLE) and window_shows(app, IMPORTED_QUESTIONS[3]),
               'ActivateResult on a topic of the imported bank opens it')

        try:
            gdbus('ActivateResult', result_id(IMPORTED, 'no-such-item'), "[]", '0')
            report(False, 'ActivateResult refuses an unknown id')
        except RuntimeError as e:
            report('InvalidArgs' in str(e), 'ActivateResult refuses an unknown id', e)
    finally:
        stop_app(app)


def write_bulk_bank(data_home, bank_id, title, n_items, every):
    """A bank of @n_items items straight into the library's folder, as an
    import leaves it; every @every-th item mentions 拉曼散射.  Returns the
    result ids of those."""
    items, with_word = [], []
    for n in range(1, n_items + 1):
        item_id = '%s-%03d' % (bank_id, n)
        word = '拉曼散射' if n % every == 0 else '瑞利散射'
        items.append({'id': item_id, 'number': n, 'question': '第 %d 个批量问题：什么是%s？' % (n, word),
                      'answer': '%s是光与物质相互作用的一种方式，编号 %d。' % (word, n),
                      'explanation': ''})
        if n % every == 0:
            with_word.append(result_id(bank_id, item_id))
    folder = os.path.join(data_home, APP_ID, 'banks')
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, bank_id + '.json'), 'w', encoding='utf-8') as f:
        json.dump({'format': 'wenda-bank', 'version': 1, 'title': title, 'items': items},
                  f, ensure_ascii=False)
    return with_word


def gdbus_start(method, *args):
    """`gdbus call` started, not waited for: finish it with gdbus_finish()."""
    return subprocess.Popen(['gdbus', 'call', '--session', '--dest', APP_ID, '--object-path', PATH,
                             '--timeout', '20', '--method', '%s.%s' % (IFACE, method), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def gdbus_finish(call):
    out, err = call.communicate(timeout=25)
    if call.returncode != 0:
        raise RuntimeError(err.strip())
    return out.strip()


def run_imported_first(args, bank, data_home):
    """Run 2: the imported bank is in the library, with two larger ones
    (indexed in worker threads); no window yet."""
    bundled_12 = next(item for item in bank['items'] if item['number'] == 12)
    bundled_title = bank['title']
    raman = (write_bulk_bank(data_home, 'bulk-a', '批量题库甲', 600, 100)
             + write_bulk_bank(data_home, 'bulk-b', '批量题库乙', 450, 150))
    app = start_app(args.app, data_home)
    try:
        report(wait_for_name(), 'run 2: the app owns its bus name')
        second = result_id(IMPORTED, IMPORTED + '-002')

        # Two searches at once, both waiting for the large banks' indexes.
        calls = [gdbus_start('GetInitialResultSet', "['拉曼散射']"),
                 gdbus_start('GetInitialResultSet', "['衍射']")]
        out = [gdbus_finish(call) for call in calls]
        report(sorted(ids(out[0])) == sorted(raman) and len(raman) == 9,
               'run 2: two searches at once, while the large banks are indexed: the first', out[0])
        report(ids(out[1]) == [second], 'run 2: ... and the second, in the library\'s copy', out[1])

        gdbus('ActivateResult', second, "['衍射']", '0')
        report(chooser_shows(app, IMPORTED_TITLE) and window_shows(app, '№2')
               and window_shows(app, IMPORTED_QUESTIONS[2]),
               'run 2: ActivateResult opens the window on the imported bank, at that topic')

        # The window shows another bank than the result's: it switches to
        # that bank, at that topic.
        gdbus('ActivateResult', result_id(BUNDLED, bundled_12['id']), "['联邦学习']", '0')
        report(chooser_shows(app, bundled_title) and window_shows(app, '№12')
               and window_shows(app, bundled_12['question']),
               'run 2: a result of a bank the window does not show switches the window to it', bundled_title)
    finally:
        stop_app(app)


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
    # The app's data folder, the library's banks in it: this run's own.
    data_home = tempfile.mkdtemp(prefix='wenda-e2e-provider-')
    try:
        for run in (lambda: run_bundled_and_import(args, bank, data_home),
                    lambda: run_imported_first(args, bank, data_home)):
            try:
                run()
            except Exception as e:  # noqa: BLE001 - report, then clean up
                report(False, 'the search provider answers', repr(e))
    finally:
        shutil.rmtree(data_home, ignore_errors=True)

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
