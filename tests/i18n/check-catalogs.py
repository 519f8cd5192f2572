#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The i18n checks of `meson test --suite i18n`, with gettext's own tools.

  check-catalogs.py pot-current  SRCDIR XGETTEXT -- XGETTEXT-ARGS...
  check-catalogs.py content      EN.po CONTENT.pot
  check-catalogs.py ui           LANG.po APP.pot CONTENT.pot

pot-current: po/wenda.pot has the messages xgettext finds now, compared
  as messages (msgctxt, msgid, msgid_plural), not as bytes: references,
  flags and wrapping differ between gettext 0.21, 0.23 and 1.0.  So
  nobody forgot to run `meson compile wenda-pot`.
content: EN.po translates every content msgid, none fuzzy or empty, and no
  English msgstr contains Chinese (the msginit pre-fill trap).
ui: LANG.po translates every UI msgid (APP.pot less the content).
"""

import os
import re
import subprocess
import sys
import tempfile

ENV = dict(os.environ, LC_ALL='C')


def run(*args, **kw):
    return subprocess.run(args, env=ENV, capture_output=True, text=True, **kw)


def messages(pot):
    """The messages of a PO or POT file, as msgcat writes them with no
    references and no wrapping: the set of their (msgctxt, msgid,
    msgid_plural) lines, in gettext's own quoting.  No header, no obsolete
    (#~) entries.  What differs between xgettext versions (references,
    flags such as c-format, line wrapping, the order of the entries) does
    not count."""
    r = run('msgcat', '--no-location', '--no-wrap', '-o', '-', pot)
    if r.returncode != 0:
        raise RuntimeError('msgcat %s failed: %s' % (pot, r.stderr.strip()))
    found = set()
    for entry in re.split(r'\n\s*\n', r.stdout):
        key = tuple(line for line in entry.splitlines()
                    if re.match(r'(msgctxt|msgid|msgid_plural) "', line))
        if key and key != ('msgid ""',):
            found.add(key)
    return found


def pot_current(srcdir, xgettext, args):
    with tempfile.TemporaryDirectory() as tmp:
        r = run(xgettext, '--package-name=wenda', '-p', tmp,
                '-f', os.path.join(srcdir, 'po', 'POTFILES.in'),
                '-D', srcdir, '-k_', '-o', 'wenda.pot', *args)
        if r.returncode != 0:
            print(r.stderr)
            return 1
        fresh = messages(os.path.join(tmp, 'wenda.pot'))
    tree = messages(os.path.join(srcdir, 'po', 'wenda.pot'))
    if fresh != tree:
        print('po/wenda.pot is out of date: run `meson compile -C build wenda-pot`'
              ' and `wenda-update-po`')
        for what, keys in (('new in the sources, not in po/wenda.pot', fresh - tree),
                           ('in po/wenda.pot, no longer in the sources', tree - fresh)):
            if keys:
                print('%d %s:' % (len(keys), what))
                for key in sorted(keys)[:20]:
                    print('  ' + ' '.join(key))
        return 1
    print('po/wenda.pot is current: %d messages' % len(tree))
    return 0


def count_messages(pot):
    r = run('msgattrib', '--no-obsolete', pot)
    return len(re.findall(r'^msgid ', r.stdout, re.M)) - 1


def coverage(po, ref):
    """msgcmp: every msgid of REF has a translation in PO, none fuzzy."""
    r = run('msgcmp', '--use-untranslated', po, ref)
    if r.returncode != 0 or r.stderr.strip():
        # msgcmp reports untranslated and fuzzy entries on stderr
        r = run('msgcmp', po, ref)
    return r


def content(po, content_pot):
    failures = 0
    r = run('msgcmp', po, content_pot)
    if r.returncode != 0:
        print(r.stderr[:4000])
        failures += 1
    r = run('msgattrib', '--only-fuzzy', '--no-obsolete', po)
    fuzzy = re.findall(r'^msgid "(.+)"', r.stdout, re.M)
    if fuzzy:
        print('fuzzy entries in %s: %d' % (po, len(fuzzy)))
        failures += 1
    r = run('msggrep', '-T', '-E', '-e', '[\u3400-\u9fff]', po)
    cjk = re.findall(r'^msgid "(.+)"', r.stdout, re.M)
    if cjk:
        print('%d English msgstr contain Chinese, e.g. %s' % (len(cjk), cjk[0][:60]))
        failures += 1
    n = count_messages(content_pot)
    print('%s: %d content messages, %s' % (po, n, 'all translated' if not failures else 'FAILED'))
    return 1 if failures else 0


def ui(po, app_pot, content_pot):
    with tempfile.TemporaryDirectory() as tmp:
        ui_pot = os.path.join(tmp, 'ui.pot')
        # Messages in only one of the two files: the UI ones.
        r = run('msgcomm', '--unique', '--no-wrap', '-o', ui_pot, app_pot, content_pot)
        if r.returncode != 0:
            print(r.stderr)
            return 1
        n = count_messages(ui_pot)
        r = run('msgcmp', po, ui_pot)
        if r.returncode != 0:
            print(r.stderr[:4000])
            print('%s: UI messages missing a translation' % po)
            return 1
        r = run('msgattrib', '--only-fuzzy', '--no-obsolete', po)
        if re.search(r'^msgid "(.+)"', r.stdout, re.M):
            print('%s has fuzzy entries' % po)
            return 1
    print('%s: %d UI messages, all translated' % (po, n))
    return 0


def main(argv):
    what = argv[1]
    if what == 'pot-current':
        sep = argv.index('--')
        return pot_current(argv[2], argv[3], argv[sep + 1:])
    if what == 'content':
        return content(argv[2], argv[3])
    if what == 'ui':
        return ui(argv[2], argv[3], argv[4])
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
