#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The i18n checks of `meson test --suite i18n`, with gettext's own tools.

  check-catalogs.py pot-current  SRCDIR XGETTEXT -- XGETTEXT-ARGS...
  check-catalogs.py content      EN.po CONTENT.pot
  check-catalogs.py ui           LANG.po APP.pot CONTENT.pot
  check-catalogs.py grouping     LANG.po
  check-catalogs.py zh-style     zh_CN.po
  check-catalogs.py content-facts EN.po

pot-current: po/wenda.pot has the messages xgettext finds now, compared
  as messages (msgctxt, msgid, msgid_plural), not as bytes: references,
  flags and wrapping differ between gettext 0.21, 0.23 and 1.0.  So
  nobody forgot to run `meson compile wenda-pot`.
content: EN.po translates every content msgid, none fuzzy or empty, and no
  English msgstr contains Chinese (the msginit pre-fill trap).
ui: LANG.po translates every UI msgid (APP.pot less the content).
grouping: a msgstr keeps the digit grouping flag of each "%'u" of its
  msgid (msgfmt --check does not compare flags), so counts are grouped in
  every language.
zh-style: the Chinese terms and typography of zh_CN.po: "topic" is 题目,
  never 主题; topic numbers are 第 N 题, never "№"; 另见 alone is See
  Also; no space between a %s and the Chinese next to it (unless the %s is
  a number, see NUMBER_S); translator-credits is filled.
content-facts: claims of the English content that a rendering got wrong
  once (CONTENT_FACTS): the phrase each must have and the one it must not.
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


def entries(po):
    """The entries of a PO file, as dicts: 'msgctxt' (or None), 'msgid',
    'msgid_plural' (or None), 'msgstr' (a list: one per plural form) and
    'comments' (the extracted #. lines); no header, no obsolete entry."""
    r = run('msgcat', '--no-location', '--no-wrap', '-o', '-', po)
    if r.returncode != 0:
        raise RuntimeError('msgcat %s failed: %s' % (po, r.stderr.strip()))
    unquote = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}

    def value(quoted):
        return re.sub(r'\\(.)', lambda m: unquote.get(m.group(1), m.group(0)), quoted)

    found = []
    for block in re.split(r'\n\s*\n', r.stdout):
        entry = {'msgctxt': None, 'msgid_plural': None, 'msgstr': [], 'comments': []}
        key = None
        for line in block.splitlines():
            if line.startswith('#~'):
                break
            if line.startswith('#.'):
                entry['comments'].append(line[2:].strip())
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                if key.startswith('msgstr'):
                    entry['msgstr'].append(value(m.group(2)))
                else:
                    entry[key] = value(m.group(2))
            elif line.startswith('"') and key is not None:
                if key.startswith('msgstr'):
                    entry['msgstr'][-1] += value(line[1:-1])
                else:
                    entry[key] += value(line[1:-1])
        else:
            if entry.get('msgid'):
                found.append(entry)
    return found


def report(po, what, problems):
    for problem in problems[:40]:
        print('  ' + problem)
    print('%s: %s' % (po, what if not problems else '%d FAILED' % len(problems)))
    return 1 if problems else 0


# A printf directive that takes a string.
STRING_DIRECTIVE = r"%(?:\d+\$)?[-#0']*\d*(?:\.\d+)?s"


def grouping(po):
    """Each msgstr has as many grouped directives ("%'u") as its msgid."""
    problems = []
    for e in entries(po):
        wanted = len(re.findall(r"%(?:\d+\$)?[-+ #0]*'", e['msgid']))
        for s in e['msgstr']:
            if s and len(re.findall(r"%(?:\d+\$)?[-+ #0]*'", s)) != wanted:
                problems.append('%r: %r has not the %d grouping flag(s) of the msgid'
                                % (e['msgid'], s, wanted))
    return report(po, 'the grouping flags are kept', problems)


# Chinese: Han, CJK punctuation, full-width forms.
CJK = '[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]'

# The zh_CN msgids whose %s is a number (or a number with a unit, which
# starts with it), so a space between it and the Chinese is the usual one
# between digits and Han: on which side of the %s.
NUMBER_S = {
    'There is no topic %s\n': 'both',                       # 没有第 31 题
    '%s mo': 'after',                                         # 2.5 个月
    '%s y': 'after',                                          # 1.1 年
    'the file is too large (%s; the limit is %s)': 'before',  # 上限为 2.0 MB
    'the file is too large (more than %s)': 'before',         # 超过 2.0 MB
    'No card in this list is due. The next one is due in %s.': 'before',  # 将在 3 天后
    '%s: %s in %s (%s)': 'before',                            # 分 2 个章节
    '№%s': 'both',                                            # 第 1.1.3 题
}


def zh_style(po):
    problems = []
    credits = None
    for e in entries(po):
        msgid = e['msgid']
        for s in e['msgstr']:
            if not s:
                continue
            if '主题' in s:
                problems.append('%r: %r says 主题; a topic is 题目' % (msgid, s))
            if '№' in s:
                problems.append('%r: %r has №; a topic number is 第 %%u 题' % (msgid, s))
            if '另见' in s and msgid != 'See Also' and '同题另见' not in s:
                problems.append('%r: %r: 另见 alone is See Also' % (msgid, s))
            allowed = NUMBER_S.get(msgid, '')
            if allowed not in ('before', 'both') and re.search(
                    '%s\\s+(?:%s)' % (CJK, STRING_DIRECTIVE), s):
                problems.append('%r: %r has a space between Chinese and a %%s' % (msgid, s))
            if allowed not in ('after', 'both') and re.search(
                    '(?:%s)\\s+%s' % (STRING_DIRECTIVE, CJK), s):
                problems.append('%r: %r has a space between a %%s and Chinese' % (msgid, s))
        if msgid == 'translator-credits':
            credits = e['msgstr'][0] if e['msgstr'] else ''
    if credits is None:
        problems.append('no translator-credits entry')
    elif credits.strip() in ('', 'translator-credits'):
        problems.append('translator-credits is not filled: %r' % credits)
    return report(po, 'Chinese terms and spacing as GNOME writes them', problems)


# What the English content must say, and must not: (topic, field, must
# have, must not have).  The Chinese of each is in resources/content/.
CONTENT_FACTS = [
    # 大型CNN可以训练成一个小型CNN: the large network is distilled
    (9, 'explanation', 'can be distilled into a small CNN', 'used to train'),
    (29, 'explanation', 'can be distilled into a small convolutional', 'used to train'),
    # 情感分析 ... 识别情感: sentiment
    (13, 'explanation', 'identify sentiment', 'emotion'),
    # 减少模型参数(数量): the number of parameters, in both
    (8, 'answer', 'the number of model parameters', None),
    (28, 'answer', 'the number of model parameters', 'reducing the model parameters'),
    # 可以 is "can": the source's hedges stay
    (2, 'explanation', 'can generate more training samples', 'images generates'),
    (4, 'explanation', 'can keep gradient magnitudes', 'threshold keeps'),
    (26, 'explanation', 'An adaptive learning rate can adjust', 'rate adjusts'),
    (28, 'explanation', 'it can reduce the demand', 'it reduces'),
]


def content_facts(po):
    problems = []
    by_place = {}
    for e in entries(po):
        for comment in e['comments']:
            m = re.match(r'Topic (\d+), (question|answer|explanation)', comment)
            if m:
                by_place.setdefault((int(m.group(1)), m.group(2)), []).append(
                    e['msgstr'][0] if e['msgstr'] else '')
    for topic, field, must, must_not in CONTENT_FACTS:
        text = ' '.join(by_place.get((topic, field), []))
        if not text:
            problems.append('topic %d has no English %s' % (topic, field))
            continue
        if must not in text:
            problems.append('topic %d, %s: does not say “%s”: %s' % (topic, field, must, text))
        if must_not is not None and must_not in text:
            problems.append('topic %d, %s: says “%s”: %s' % (topic, field, must_not, text))
    return report(po, '%d facts of the content hold' % len(CONTENT_FACTS), problems)


def main(argv):
    what = argv[1]
    if what == 'pot-current':
        sep = argv.index('--')
        return pot_current(argv[2], argv[3], argv[sep + 1:])
    if what == 'content':
        return content(argv[2], argv[3])
    if what == 'ui':
        return ui(argv[2], argv[3], argv[4])
    if what == 'grouping':
        return grouping(argv[2])
    if what == 'zh-style':
        return zh_style(argv[2])
    if what == 'content-facts':
        return content_facts(argv[2])
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
