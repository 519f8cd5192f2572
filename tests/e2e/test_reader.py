#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test: drive the built app as a user would, through AT-SPI.

Launches the app, finds its accessible application, and then only uses what
a screen-reader user has: the accessibility tree, its actions, its selection
and its text.  It finds the topic list, selects topic 12, reads the answer
back, presses "Next topic", opens the search bar, types 梯度 and reads the
results.  Before the search it switches the reading language through the
"Reading language" menu in the reading pane's header bar: English (the open
topic and the list read in English), "Both, Side by Side" (Chinese and
English paragraph by paragraph), and back to Chinese.  After the search it
stars the open topic with the header's star, filters the list by Starred,
and does one study round as a user would: Study, Show Answer, Good (the
card comes back: it is in a 10-minute learning step), Show Answer, Easy,
and reads the summary ("2" reviewed, "2 (100%)" correct).  The app runs
with a data folder and a settings keyfile of this run's own (no interval
fuzz), removed at the end.  It also checks that
every control has a real accessible name, and that closing the window quits
the app.  Expected texts come from the bundled bank,
resources/content/bank.json, and for English from po/en.po (msgid: a
Chinese question, title or paragraph; msgstr: its English), read with a
small parser of its own: the system Python may have no polib.

Output is TAP on stdout (meson: protocol 'tap').  Diagnostics are "# "
lines; the app's own output goes to stderr.

Needs a display (DISPLAY) and a session bus; the a11y bus starts by itself
inside dbus-run-session.  With no DISPLAY it prints "1..0 # SKIP ..." and
exits 0, which is how a TAP test skips in meson (meson reports a TAP test
that exits 77 as an ERROR, not a skip).  Run it alone, from the source root:

    meson setup /tmp/b && meson compile -C /tmp/b
    dbus-run-session -- /usr/bin/python3 tests/e2e/test_reader.py --app /tmp/b/src/wenda/wenda

(under Xvfb, see shared/TESTING.md), or `meson test -C /tmp/b --suite e2e -v`.

Use /usr/bin/python3: pyatspi is Debian's python3-pyatspi.

What GTK 4.18 (Debian 13) and GTK 4.24 (sid) expose, found with this test
(roles are compared as Atspi.Role values: at-spi2-core 2.56 renamed "push
button" to "button"):
  * The application is named after the program ("wenda"), and its process id
    is available; the test finds it by process id, then by name.
  * The list is role LIST named by its accessible label ("Topics"), with
    the Selection interface.  Its rows are LIST_ITEM with an empty name
    and one action, "listitem.scroll-to"; each row's text is in its child
    labels ("12" and the question).  Only the rows on screen are in the
    tree (12 of 30 here; GTK 4.8 exposed all of them): the test checks
    that they are a run of the bank in order.
  * A row is selected with the list's Selection.selectChild(index); that is
    what a screen reader does, and it changes the app's selection.  The
    selected row is the LIST_ITEM with STATE_SELECTED: right after the
    selection moved, Selection.getSelectedChild(0) can answer an object
    that is not in the tree yet.
  * Labels have role LABEL (or HEADING with accessible-role heading);
    their text is read with queryText().getText(0, characterCount).  A
    label's name is its text, even when the .ui sets an accessible label
    (the match label is named "30 topics", not "Number of topics shown"),
    and a label with a labelled-by relation gets the related label's text
    as its name ("Answer"), so read the Text, not the name.  Labels also
    carry GTK's clipboard and link actions.
  * The answer label carries a LABELLED_BY relation to the "Answer" heading.
  * Each pane of the AdwNavigationSplitView is an AdwNavigationPage: a
    GROUPING named after the page's title.  The content page is titled
    "Topic", like the reading pane inside it, so the pane is the
    innermost group of that name.
  * The list's filters (All, Starred, Due, New) are an AdwToggleGroup: a
    GROUPING named by its accessible label ("Show topics") whose toggles
    are RADIO_BUTTONs named by their label and count ("Starred 1"), with
    one action, "click", and STATE_CHECKED on the active one.
  * Pages of a GtkStack that are not shown can stay in the tree and report
    VISIBLE (GTK 4.8 kept "No Topic Selected" and "No Topics Found"); do
    not rely on visibility states.
  * A GtkToggleButton is TOGGLE_BUTTON with STATE_PRESSED when active; a
    GtkButton is PUSH_BUTTON ("button").
  * Buttons have one action, "click"; doAction(0) clicks.  The frame exposes
    the window's actions (win.next, window.close, ...).
  * Changes can reach the tree late: right after "Next topic" the number
    label reads "№13" while the question heading still reads topic 12's
    question for a moment.  Every check polls (--timeout, 10 s).
  * A widget hidden with gtk_widget_set_visible (FALSE) is not in the tree
    at all (unlike a GtkStack's other pages).  So in English or Chinese the
    bilingual grids are absent, and in "both" the single answer and
    explanation labels are.
  * The GtkMenuButton ("Reading language") is a PUSH_BUTTON named by its
    accessible label, with NO actions.  Its child is a TOGGLE_BUTTON with
    the same name (GTK 4.8 named it after the visible label) and one
    action, "click", which opens the popover; the label it shows
    ("Chinese", "English", "Bilingual") is a LABEL inside it.  While open,
    the menu button has STATE_EXPANDED and the toggle button
    STATE_PRESSED.
  * The popover is in the tree only while open, as a child of the menu
    button: role MENU, named after the menu button.  The section title is
    a plain label ("Show the Content In").  The radio items of
    win.content-mode are MENU_ITEM (not RADIO_MENU_ITEM) with STATE_CHECKED
    on the current mode and one action, "click", which picks the mode and
    closes the popover.  Their NAME IS EMPTY: each has a LABELLED_BY
    relation to its label, which is not in the tree (role INVALID) but
    whose Text reads "English"; a screen reader speaks that, and so the
    test reads it (spoken_name).  The shortcut is no label either but the
    item's "keyshortcuts" attribute ("Ctrl+2"; GTK 4.24: "Control+2").
  * In "both" the answer and explanation are each a group LABELLED_BY the
    "Answer" / "Explanation" heading, whose children are the paragraph
    labels in the order Chinese 1, English 1, Chinese 2, ..., side by side
    or stacked.  The English question is a plain LABEL after the (Chinese)
    question heading.  A topic row then has three labels: the number, the
    Chinese and the English question.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata

SOURCE_ROOT = pathlib.Path(__file__).resolve().parents[2]

TOPIC = 12                 # the topic the test opens
QUERY = '梯度'             # "gradient": the search the test types
EXPECTED_QUERY_HITS = [4, 6, 22, 23, 26]   # what the bundled bank gives

# Names GTK gives a widget that has no label: its type name.
FALLBACK_NAME = re.compile(r'(Gtk|Adw|Wenda)[A-Z][A-Za-z]*')
# Roles a user operates, by their Atspi.Role names; each needs a name a
# screen reader can speak.  (Roles are compared as Atspi.Role values, never
# by their display names: at-spi2-core 2.56 renamed "push button" to
# "button".)
CONTROL_ROLES = (
    'PUSH_BUTTON', 'TOGGLE_BUTTON', 'LINK', 'ENTRY', 'PASSWORD_TEXT',
    'CHECK_BOX', 'RADIO_BUTTON', 'COMBO_BOX', 'SPIN_BUTTON', 'SLIDER',
    'MENU_ITEM', 'CHECK_MENU_ITEM', 'RADIO_MENU_ITEM', 'SWITCH',
    'PUSH_BUTTON_MENU', 'PAGE_TAB', 'MENU',
)
MATCH_LABEL = re.compile(r'\d+ (topic|topics|match|matches)')

# The reading-language menu: (the item's label, the menu button's label,
# the item's shortcut as GTK shows it), by mode.
READING_LANGUAGE = 'Reading language'
MODES = {
    'zh': ('Chinese', 'Chinese', 'Ctrl+1'),
    'en': ('English', 'English', 'Ctrl+2'),
    'both': ('Both, Side by Side', 'Bilingual', 'Ctrl+3'),
}

pyatspi = None             # imported in main(), after the DISPLAY check
ANY = object()


class _Roles:
    """Atspi.Role values by name, looked up when first used (pyatspi is
    imported in main()): R.LABEL, R.PUSH_BUTTON.  And some families:
    R.BUTTONS, both kinds of button (a GtkToggleButton is a toggle button,
    a GtkMenuButton a push button with a toggle button inside);
    R.MENU_ITEMS, the three kinds of menu item; R.MENUS, what a
    GtkPopoverMenu can be ("menu", "popup menu"); R.GROUPS, the containers
    a group with a name can be ("panel", "grouping"); R.CONTROLS, the
    CONTROL_ROLES.  A role this at-spi2-core does not know is None, and
    matches nothing."""

    def __getattr__(self, attr):
        if attr == 'BUTTONS':
            return (self.PUSH_BUTTON, self.TOGGLE_BUTTON)
        if attr == 'MENU_ITEMS':
            return (self.MENU_ITEM, self.RADIO_MENU_ITEM, self.CHECK_MENU_ITEM)
        if attr == 'MENUS':
            return (self.MENU, self.POPUP_MENU)
        if attr == 'GROUPS':
            return (self.PANEL, self.GROUPING)
        if attr == 'CONTROLS':
            return tuple(r for r in (getattr(self, n) for n in CONTROL_ROLES) if r is not None)
        return getattr(pyatspi.Atspi.Role, attr, None)


R = _Roles()


class Failure(Exception):
    """A check failed; the message says what was expected and found."""


class Fatal(Failure):
    """A failure after which nothing else can be checked."""


class Skip(Exception):
    """The check does not apply (to this bank)."""


# --------------------------------------------------------------------------
# TAP

class Tap:
    def __init__(self, n_tests):
        self.n = 0
        self.failed = 0
        print(f'1..{n_tests}', flush=True)

    @staticmethod
    def diag(text):
        for line in str(text).splitlines() or ['']:
            print(f'# {line}', flush=True)

    def result(self, ok, name, detail=None, skip=None):
        self.n += 1
        if not ok:
            self.failed += 1
        directive = f' # SKIP {skip}' if skip else ''
        print(f'{"ok" if ok else "not ok"} {self.n} - {name}{directive}', flush=True)
        if detail:
            self.diag(detail)


# --------------------------------------------------------------------------
# The accessibility tree

def children(obj):
    result = []
    try:
        n = obj.childCount
    except Exception:
        return result
    for i in range(n):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            result.append(child)
    return result


def walk(obj, depth=0):
    """Depth first, the object itself first.  Objects can vanish while we
    walk (rows are recycled); those are skipped."""
    yield obj
    if depth < 80:
        for child in children(obj):
            yield from walk(child, depth + 1)


def role(obj):
    """The object's Atspi.Role (compare it with R.*), or None if it is gone."""
    try:
        return obj.getRole()
    except Exception:
        return None


def is_role(obj, roles):
    """Whether obj has the role, or one of the roles (R.LABEL, R.BUTTONS)."""
    r = role(obj)
    if r is None:
        return False
    if isinstance(roles, (tuple, list, set, frozenset)):
        return r in roles
    return r == roles


def role_name(obj):
    """The role's display name, for messages only ("button", "label")."""
    try:
        return obj.getRoleName()
    except Exception:
        return '?'


def roles_name(roles):
    """How a message names the role(s) looked for."""
    if not isinstance(roles, (tuple, list, set, frozenset)):
        roles = (roles,)
    return ' or '.join(pyatspi.Atspi.role_get_name(r) if r is not None else '?' for r in roles)


def name(obj):
    try:
        return obj.name or ''
    except Exception:
        return ''


def text(obj):
    """What a screen reader reads: the Text interface if there is one (the
    whole text; getText(0, -1) returns '' in GTK 4.8), else the name."""
    try:
        t = obj.queryText()
    except NotImplementedError:
        return name(obj)
    return t.getText(0, t.characterCount)


def has_state(obj, state):
    try:
        return obj.getState().contains(state)
    except Exception:
        return False


def states(obj):
    out = []
    try:
        found = obj.getState().getStates()
    except Exception:
        return out
    for s in found:
        try:
            out.append(pyatspi.stateToString(s))
        except Exception:                  # a state newer than pyatspi
            out.append(str(int(s)))
    return sorted(out)


def describe(obj):
    return f'{role_name(obj)} {name(obj)!r}'


def path_of(obj):
    parts = []
    node = obj
    for _ in range(40):
        try:
            node = node.parent
        except Exception:
            break
        if node is None or is_role(node, R.APPLICATION):
            break
        if name(node) and not FALLBACK_NAME.fullmatch(name(node)):
            parts.append(describe(node))
    return ' < '.join(parts)


def dump(obj, out=sys.stderr, depth=0):
    """The tree, for the log, when something fails."""
    extra = ''
    if is_role(obj, (R.LABEL, R.HEADING, R.ENTRY)):
        extra = f' text={text(obj)[:50]!r}'
    print('  ' * depth + f'{describe(obj)}{extra} {states(obj)}', file=out)
    if depth < 80:
        for child in children(obj):
            dump(child, out, depth + 1)


def find_all(root, roles, name_=None):
    """Every object under root (root too) of the role(s), named name_ if
    given."""
    return [o for o in walk(root)
            if is_role(o, roles) and (name_ is None or name(o) == name_)]


def find_one(root, roles, name_):
    found = find_all(root, roles, name_)
    if not found:
        raise Failure(f'no {roles_name(roles)} named {name_!r} in the tree')
    if len(found) > 1:
        raise Failure(f'{len(found)} {roles_name(roles)}s named {name_!r}, expected one')
    return found[0]


def click(obj):
    try:
        action = obj.queryAction()
    except NotImplementedError:
        raise Failure(f'{describe(obj)} has no actions')
    names = [action.getName(i) for i in range(action.nActions)]
    if not names:
        raise Failure(f'{describe(obj)} has no actions')
    index = names.index('click') if 'click' in names else 0
    if not action.doAction(index):
        raise Failure(f'{describe(obj)}: doAction({names[index]!r}) returned False')


# --------------------------------------------------------------------------
# The app

class App:
    def __init__(self, args):
        self.args = args
        self.proc = None
        self.acc = None
        self.home = None

    def private_home(self):
        """A folder of this run's own for the app's data and settings,
        made on first use and removed by stop()."""
        if self.home is None:
            self.home = tempfile.mkdtemp(prefix='wenda-e2e-home-')
            settings = os.path.join(self.home, 'config', 'glib-2.0', 'settings')
            os.makedirs(settings)
            # Study intervals with no fuzz: tests keep it off.  The keyfile
            # backend can be set up from outside; the memory one cannot.
            with open(os.path.join(settings, 'keyfile'), 'w', encoding='utf-8') as f:
                f.write('[io/github/wenda/Wenda]\ninterval-fuzz=false\n')
        return self.home

    def env(self):
        """The app's environment: what meson's test() sets, for a run by
        hand (meson's values win), in the untranslated C.UTF-8 locale, with
        the accessibility bridge on."""
        env = dict(os.environ)
        build_dir = self.args.app.resolve().parent.parent
        env.setdefault('GSETTINGS_SCHEMA_DIR', str(build_dir / 'data'))
        env.setdefault('G_DEBUG', 'fatal-criticals')
        env.setdefault('GSK_RENDERER', 'cairo')
        if (build_dir / 'po').is_dir():
            env.setdefault('WENDA_LOCALEDIR', str(build_dir / 'po'))
        # Stars and progress in a folder of this run's own, never the
        # user's; settings in a keyfile there.
        home = self.private_home()
        env['XDG_DATA_HOME'] = os.path.join(home, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(home, 'config')
        env['GSETTINGS_BACKEND'] = 'keyfile'
        # The names the tests look for ("Next topic", "5 matches") are the
        # untranslated ones.
        env['LC_ALL'] = 'C.UTF-8'
        env.pop('LANGUAGE', None)
        # Make sure GTK talks to the a11y bus.
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        return env

    def start(self):
        # Same process group as this script, so that meson's kill on a
        # timeout ends the app too.  stdout is the TAP stream: keep the
        # app off it.
        self.proc = subprocess.Popen([str(self.args.app)], env=self.env(),
                                     stdin=subprocess.DEVNULL,
                                     stdout=sys.stderr.fileno())

    def check_alive(self):
        code = self.proc.poll()
        if code is not None:
            hint = ''
            if code == 0 and self.acc is None:
                hint = ('; did another instance of the app on this session bus '
                        'take the activation?')
            raise Fatal(f'the app exited with status {code} '
                        f'({describe_status(code)}); see its stderr{hint}')

    def wait_for(self, what, fn, timeout=None, expected=ANY):
        """Polls fn() until it returns `expected` (by default: anything
        true), and returns the value.  Fails with `what` and the last value
        or error."""
        deadline = time.monotonic() + (timeout or self.args.timeout)
        last = None
        while True:
            self.check_alive()
            try:
                value = fn()
                if (value == expected) if expected is not ANY else value:
                    return value
                last = f'found {value!r}'
            except Failure as e:
                last = str(e)
            except Exception as e:            # a vanished object, a D-Bus error
                last = f'{type(e).__name__}: {e}'
            if time.monotonic() > deadline:
                raise Failure(f'timed out waiting for {what}; {last}')
            time.sleep(0.1)

    def find_accessible(self):
        """The app's accessible application: the one with our child's
        process id; by name ("wenda", the program name) only if the
        registry cannot say whose an application is, so that another
        Wenda on the same bus is never taken for ours."""
        prog = self.args.app.name

        def lookup():
            desktop = pyatspi.Registry.getDesktop(0)
            found = None
            for app in children(desktop):
                try:
                    pid = app.get_process_id()
                except Exception:
                    pid = None
                if pid == self.proc.pid or (pid is None and name(app) == prog):
                    found = app
                    if pid is not None:
                        break
            if found is not None and found.childCount > 0:
                return found
            return None

        self.acc = self.wait_for(
            f'an accessible application of pid {self.proc.pid} (named {prog!r})',
            lookup, timeout=self.args.start_timeout)
        return self.acc

    def frame(self):
        frames = [c for c in children(self.acc) if is_role(c, R.FRAME)]
        if not frames:
            raise Failure('the app has no frame (window)')
        return frames[0]

    def stop(self):
        """Ends the app if it still runs: TERM, then KILL."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None


def describe_status(code):
    if code < 0:
        try:
            return f'killed by {signal.Signals(-code).name}'
        except ValueError:
            return f'killed by signal {-code}'
    return 'exit code'


# --------------------------------------------------------------------------
# The window's parts, found as a user finds them

def topic_list(app):
    return find_one(app.frame(), R.LIST, 'Topics')


def row_number(row, bank):
    """A row's topic number: its name if that starts with the number, else
    the child label that holds only digits, else the question's number."""
    m = re.match(r'\s*(?:№\s*)?(\d+)\b', name(row))
    if m:
        return int(m.group(1))
    labels = [text(o) for o in walk(row) if is_role(o, R.LABEL)]
    for t in labels:
        if re.fullmatch(r'\s*(?:№\s*)?\d+\s*', t):
            return int(re.search(r'\d+', t).group())
    for t in labels:
        for item in bank['items']:
            if t == item['question']:
                return item['number']
    raise Failure(f'cannot tell the topic number of {describe(row)}; '
                  f'its labels: {labels!r}')


def row_numbers(lst, bank):
    return [row_number(r, bank) for r in children(lst) if is_role(r, R.LIST_ITEM)]


def selected_number(lst, bank):
    """The topic of the one selected row.  The list's Selection counts the
    selected rows; the row itself is the list item with STATE_SELECTED, as
    a screen reader finds it: GTK 4.18 and 4.24 can answer
    Selection.getSelectedChild(0) with an object that is not (yet) in the
    tree, right after the selection moved."""
    sel = lst.querySelection()
    if sel.nSelectedChildren != 1:
        raise Failure(f'{sel.nSelectedChildren} rows selected, expected 1')
    rows = [r for r in children(lst)
            if is_role(r, R.LIST_ITEM) and has_state(r, pyatspi.STATE_SELECTED)]
    if len(rows) != 1:
        raise Failure(f'{len(rows)} rows in the tree have STATE_SELECTED, expected 1')
    return row_number(rows[0], bank)


def is_inside(obj, ancestor):
    """Whether ancestor is one of obj's parents."""
    node = obj
    for _ in range(80):
        try:
            node = node.parent
        except Exception:
            return False
        if node is None:
            return False
        if node == ancestor:
            return True
    return False


def innermost(objects):
    """The objects that hold none of the others."""
    return [o for o in objects if not any(is_inside(other, o) for other in objects
                                          if other is not o)]


class Detail:
    """The reading pane, read through the tree: the "Answer" heading and
    its siblings."""

    def __init__(self, app, pane='Topic'):
        # The reading pane ("Topic") and the study card ("Study card") are
        # each a group named so; GTK 4.8 keeps both in the tree.  The
        # AdwNavigationPage that holds the reading pane is a group named
        # after its title, "Topic" too: the pane is the innermost one.
        groups = innermost(find_all(app.frame(), R.GROUPS, pane))
        if len(groups) != 1:
            raise Failure(f'{len(groups)} innermost groups named {pane!r}, expected one')
        # The pane's texts are siblings of its "№N" label.  (The "Answer"
        # heading is not in the tree while a study card hides it.)
        numbers = [o for o in find_all(groups[0], R.LABEL)
                   if re.fullmatch(r'№\s*\d+', text(o).strip())]
        if len(numbers) != 1:
            raise Failure(f'{len(numbers)} "№N" labels in {pane!r}, expected one')
        self.box = numbers[0].parent
        self.parts = children(self.box)

    def number(self):
        for o in self.parts:
            if is_role(o, R.LABEL):
                m = re.fullmatch(r'№\s*(\d+)', text(o).strip())
                if m:
                    return int(m.group(1))
        raise Failure('no "№N" label in the reading pane; labels: '
                      + repr([text(o) for o in self.parts if is_role(o, R.LABEL)]))

    def question(self):
        for o in self.parts:
            if is_role(o, R.HEADING) and text(o) not in ('Answer', 'Explanation'):
                return text(o)
        raise Failure('no question heading in the reading pane')

    @staticmethod
    def shown_text(o):
        """A label's text, or the text of a rich view (a grouping: the
        answer's Markdown as a widget a block): its labels' texts, one
        paragraph each, as the bundled bank's paragraphs are joined."""
        if is_role(o, R.LABEL):
            return text(o)
        return '\n\n'.join(text(label) for label in walk(o)
                             if label is not o and is_role(label, R.LABEL))

    def section(self, heading_text):
        """The text of the label, or rich view, labelled by the heading;
        failing that, of the one that follows the heading."""
        for o in self.parts:
            if not is_role(o, (R.LABEL, pyatspi.ROLE_GROUPING, pyatspi.ROLE_PANEL)):
                continue
            try:
                relations = o.getRelationSet()
            except Exception:
                relations = []
            for r in relations:
                if r.getRelationType() != pyatspi.RELATION_LABELLED_BY:
                    continue
                for i in range(r.getNTargets()):
                    target = r.getTarget(i)
                    if is_role(target, R.HEADING) and text(target) == heading_text:
                        return self.shown_text(o)
        after = False
        for o in self.parts:
            if is_role(o, R.HEADING) and text(o) == heading_text:
                after = True
            elif after and is_role(o, (R.LABEL, pyatspi.ROLE_GROUPING, pyatspi.ROLE_PANEL)):
                return self.shown_text(o)
        raise Failure(f'no label for the {heading_text!r} heading')

    def links(self):
        return [name(o) for o in find_all(self.box, R.LINK)]

    def question_lines(self):
        """The question heading's text and the labels after it, up to the
        "Answer" heading: [question], or in "both" [Chinese, English]."""
        lines, inside = [], False
        for o in self.parts:
            if is_role(o, R.HEADING) and text(o) in ('Answer', 'Explanation'):
                break
            if is_role(o, R.HEADING):
                inside = True
            if inside and is_role(o, (R.HEADING, R.LABEL)):
                lines.append(text(o))
        if not lines:
            raise Failure('no question heading in the reading pane')
        return lines

    def labelled_by(self, heading_text):
        """The parts the heading labels (LABELLED_BY): the answer label, or
        in "both" the bilingual grid."""
        out = []
        for o in self.parts:
            try:
                relations = o.getRelationSet()
            except Exception:
                relations = []
            if any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                   and any(is_role(r.getTarget(i), R.HEADING)
                           and text(r.getTarget(i)) == heading_text
                           for i in range(r.getNTargets()))
                   for r in relations):
                out.append(o)
        return out

    def section_texts(self, heading_text):
        """Everything labelled by the heading, as a screen reader reaches
        it: the text of a label, or of each label inside a group (the
        bilingual grid).  [] if nothing is labelled by it."""
        out = []
        for o in self.labelled_by(heading_text):
            if is_role(o, R.LABEL):
                out.append(text(o))
            else:
                out += [text(c) for c in walk(o) if c is not o and is_role(c, R.LABEL)]
        return out

    def reading(self):
        """(question lines, answer texts, explanation texts)."""
        return (self.question_lines(), self.section_texts('Answer'),
                self.section_texts('Explanation'))


def expect_topic(app, bank_item, lst, bank):
    """Waits until the reading pane and the list's selection show the
    topic, then checks the texts exactly.  The number label changes first;
    the question can still read the old topic for a moment after."""
    number = bank_item['number']
    app.wait_for(f'the reading pane to show №{number}',
                 lambda: Detail(app).number(), expected=number)
    app.wait_for(f'the list to select topic {number}',
                 lambda: selected_number(lst, bank), expected=number)
    fields = ('question', 'answer', 'explanation')

    def shown():
        detail = Detail(app)
        return (detail.question(), detail.section('Answer'),
                detail.section('Explanation'))

    try:
        app.wait_for(f'the texts of topic {number}', shown,
                     expected=tuple(bank_item[f] for f in fields))
    except Failure as e:
        if isinstance(e, Fatal):
            raise
        for field, got in zip(fields, shown()):
            expect_equal(f'topic {number} {field}', got, bank_item[field])
        raise


def expect_equal(what, got, expected, source='bank.json'):
    if got == expected:
        return
    i = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
             min(len(got), len(expected)))
    raise Failure(f'{what} differs from {source} at character {i} '
                  f'(lengths {len(got)}, {len(expected)}):\n'
                  f'  shown:    {got[max(0, i - 20):i + 40]!r}\n'
                  f'  expected: {expected[max(0, i - 20):i + 40]!r}')


def match_label(app):
    found = [o for o in find_all(app.frame(), R.LABEL)
             if MATCH_LABEL.fullmatch(text(o))]
    if len(found) != 1:
        raise Failure(f'{len(found)} labels like "N topics"/"N matches", expected one')
    return found[0]


def unnamed_controls(app):
    """(description, path) of every control whose spoken name (its name,
    or the text of the labels it is labelled by) is empty or a type name,
    and of anything else with a type name (for the notes)."""
    bad, notes = [], []
    for o in walk(app.frame()):
        n = spoken_name(o)
        is_control = is_role(o, R.CONTROLS)
        if is_role(o, R.TEXT):
            try:
                o.queryEditableText()
                is_control = True
            except NotImplementedError:
                pass
        fallback = bool(FALLBACK_NAME.fullmatch(n))
        if is_control and (not n.strip() or fallback):
            bad.append((describe(o), path_of(o)))
        elif fallback:
            notes.append(describe(o))
    return bad, notes


def search_hits(bank, query):
    """The topics whose question, answer or explanation contains the query,
    as the app searches: NFKC, case-folded, substring."""
    def fold(s):
        return unicodedata.normalize('NFKC', s).casefold()
    q = fold(query)
    return [item['number'] for item in bank['items']
            if q in fold('\n'.join((item['question'], item['answer'],
                                    item['explanation'])))]


# --------------------------------------------------------------------------
# The English rendering: po/en.po

PO_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\',
              'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}


def po_unquote(token, where):
    """The value of one PO string token ("..."), with its C escapes."""
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise ValueError(f'{where}: not a quoted string: {token!r}')

    def unescape(m):
        if m.group(1) in PO_ESCAPES:
            return PO_ESCAPES[m.group(1)]
        if m.group(1).isdigit():                       # \ooo, octal
            return chr(int(m.group(1), 8))
        raise ValueError(f'{where}: unknown escape \\{m.group(1)}')
    return re.sub(r'\\([0-7]{1,3}|.)', unescape, token[1:-1])


def read_po(path):
    """{msgid: msgstr} of a PO file, as msgfmt compiles it into the .mo the
    app reads: no header, no fuzzy, obsolete (#~) or plural entries, no
    empty msgstr.  Entries with a msgctxt are left out too: the app looks
    content up by msgid alone.  Parses comments, msgctxt, msgid,
    msgid_plural, msgstr, msgstr[N] and continuation lines."""
    catalog = {}
    entry, field, fuzzy = {}, None, False

    def finish():
        msgid, msgstr = entry.get('msgid'), entry.get('msgstr')
        if (msgid and msgstr and not fuzzy and 'msgctxt' not in entry
                and 'msgid_plural' not in entry):
            catalog[msgid] = msgstr

    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            where = f'{path}:{lineno}'
            if not line or line.startswith('#~'):
                continue
            # After a msgstr, a comment or a msgctxt/msgid starts the next entry.
            done = field is not None and field.startswith('msgstr')
            if line.startswith('#'):
                if done:
                    finish()
                    entry, field, fuzzy = {}, None, False
                if (line.startswith('#,')
                        and 'fuzzy' in [w.strip() for w in line[2:].split(',')]):
                    fuzzy = True
                continue
            if line.startswith('"'):
                if field is None:
                    raise ValueError(f'{where}: a string outside an entry')
                entry[field] += po_unquote(line, where)
                continue
            m = re.fullmatch(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*(".*")',
                             line)
            if not m:
                raise ValueError(f'{where}: cannot parse {line!r}')
            if m.group(1) in ('msgctxt', 'msgid') and done:
                finish()
                entry, fuzzy = {}, False
            field = m.group(1)
            entry[field] = po_unquote(m.group(2), where)
    finish()
    return catalog


def split_paragraphs(text_):
    """As the app splits a field: at blank lines, dropping empty parts."""
    return [p for p in text_.split('\n\n') if p]


class English:
    """The English of the bank's texts, as the app builds it from en.po:
    paragraph by paragraph.  A paragraph en.po lacks is a failure here (the
    app would show the Chinese)."""

    def __init__(self, catalog, path):
        self.catalog = catalog
        self.path = path

    def of(self, chinese, what):
        paragraphs = split_paragraphs(chinese)
        missing = [p for p in paragraphs if p not in self.catalog]
        if missing:
            raise Failure(f'{self.path} has no English for {what}: '
                          f'{missing[0][:40]!r}…')
        return '\n\n'.join(self.catalog[p] for p in paragraphs)

    def item(self, item):
        return {field: self.of(item[field], f'topic {item["number"]} {field}')
                for field in ('question', 'answer', 'explanation')}


def paired_paragraphs(chinese, english):
    """What the bilingual grid shows, in reading order: Chinese paragraph 1,
    its English, Chinese paragraph 2, ..."""
    zh, en = split_paragraphs(chinese), split_paragraphs(english)
    out = []
    for i in range(max(len(zh), len(en))):
        out += zh[i:i + 1] + en[i:i + 1]
    return out


# --------------------------------------------------------------------------
# The reading-language menu

def menu_button(root, label):
    """The GtkMenuButton named label: a push button with no action, and
    inside it the toggle button that opens its popover, which GTK 4.18
    names the same (GTK 4.8 named it after the label it shows).  The
    outer one, which holds the popover while it is open."""
    found = [o for o in find_all(root, R.BUTTONS, label)
             if not (is_role(o.parent, R.BUTTONS) and name(o.parent) == label)]
    if len(found) != 1:
        raise Failure(f'{len(found)} menu buttons named {label!r}, expected one')
    return found[0]


def mode_button(app):
    return menu_button(app.frame(), READING_LANGUAGE)


def mode_button_opener(button):
    """What to click to open the menu: the menu button itself if it has an
    action; in GTK 4.8 to 4.24 it has none, and its child toggle button has
    "click"."""
    candidates = [button] + [o for o in walk(button)
                             if o is not button and is_role(o, R.BUTTONS)]
    for obj in candidates:
        try:
            if obj.queryAction().nActions > 0:
                return obj
        except NotImplementedError:
            pass
    raise Failure(f'neither {describe(button)} nor a button inside it has an action')


def walk_pruned(obj, prune, depth=0):
    """walk(), but not below the objects prune(obj) is true of (obj itself
    is always walked into)."""
    yield obj
    if depth < 80 and (depth == 0 or not prune(obj)):
        for child in children(obj):
            yield from walk_pruned(child, prune, depth + 1)


def mode_label(button):
    """The mode the menu button shows: the text of the one label inside
    its toggle button (not of the popover's labels, while it is open).
    GTK 4.8 named the toggle button after it; GTK 4.18 names it after the
    menu button's accessible label."""
    opener = mode_button_opener(button)
    labels = [text(o) for o in walk_pruned(opener, lambda o: is_role(o, R.MENUS))
              if is_role(o, R.LABEL)]
    if len(labels) == 1:
        return labels[0]
    if not labels and name(opener) != name(button):
        return name(opener)
    raise Failure(f'{describe(opener)} shows the labels {labels}, expected one')


def labelled_by_text(obj):
    """The text of the objects obj is LABELLED_BY, joined by spaces ('' if
    none)."""
    try:
        relations = obj.getRelationSet()
    except Exception:
        return ''
    out = []
    for r in relations:
        if r.getRelationType() != pyatspi.RELATION_LABELLED_BY:
            continue
        for i in range(r.getNTargets()):
            t = text(r.getTarget(i)).strip()
            if t:
                out.append(t)
    return ' '.join(out)


def spoken_name(obj):
    """What a screen reader speaks as obj's name: the accessible name, or,
    when that is empty, the text of the objects it is labelled by.  GTK
    4.18 and 4.24 give a popover menu's items an empty name and a
    LABELLED_BY relation to their label, which is not in the tree (its
    role is "invalid"; its Text reads the label)."""
    return name(obj) or labelled_by_text(obj)


def shortcuts_of(obj):
    """The keyboard shortcuts obj shows, as GTK writes them on screen
    ("Ctrl+2"): its "keyshortcuts" object attribute (GTK 4.18 "Ctrl+2",
    GTK 4.24 "Control+2"), else the text of the labels inside it (GTK 4.8
    exposed the menu item's shortcut label)."""
    found = []
    try:
        attributes = obj.getAttributes() or []
    except Exception:
        attributes = []
    for attribute in attributes:
        key, _, value = attribute.partition(':')
        if key == 'keyshortcuts':
            found += value.split()
    if not found:
        found = [text(o) for o in walk(obj) if is_role(o, R.LABEL)]
    return [re.sub(r'\bControl\+', 'Ctrl+', f) for f in found]


def menu_items(button):
    """The open menu's items, {spoken name: object}, or {} while it is
    closed.  GTK 4.8 to 4.24 put the popover ("menu", named after the menu
    button) under the menu button, and only while open.  (The menu button
    is found once: a walk of the whole window takes 0.2-0.3 s, of the
    button a few ms.)"""
    items = [o for o in walk(button) if is_role(o, R.MENU_ITEMS)]
    return {spoken_name(o): o for o in items}


def choose_mode(app, mode, audit=None):
    """Opens the "Reading language" menu as a user does, checks what it
    offers, clicks the item of `mode`, and waits for the menu to close and
    the button to show the mode.  audit(when) runs while the menu is open.
    Returns notes for the log."""
    button = mode_button(app)
    before = mode_label(button)
    opener = mode_button_opener(button)
    click(opener)
    try:
        return _choose_in_open_menu(app, mode, button, before, opener, audit)
    except Failure:
        # Leave no menu open for the next steps: its button toggles it.
        try:
            if menu_items(button) and app.proc.poll() is None:
                click(opener)
        except Exception:
            pass
        raise


def _choose_in_open_menu(app, mode, button, before, opener, audit):
    item_label, button_label, shortcut = MODES[mode]
    items = app.wait_for(f'the {READING_LANGUAGE!r} menu to open',
                         lambda: menu_items(button))
    expected = [label for label, _, _ in MODES.values()]
    if sorted(items) != sorted(expected):
        raise Failure(f'the menu offers {sorted(items)}, expected {sorted(expected)}')
    if audit is not None:
        audit('the reading-language menu open')
    if not has_state(button, pyatspi.STATE_EXPANDED):
        raise Failure(f'the open menu\'s button is not "expanded": {states(button)}')
    checked = [n for n, o in items.items() if has_state(o, pyatspi.STATE_CHECKED)]
    current = [label for label, shown, _ in MODES.values() if shown == before]
    if checked != current:
        raise Failure(f'the button reads {before!r}, but the checked items '
                      f'are {checked}, expected {current}')
    item = items[item_label]
    item_shortcuts = shortcuts_of(item)
    if shortcut not in item_shortcuts:
        raise Failure(f'{describe(item)} does not show its shortcut {shortcut!r}; '
                      f'it shows {item_shortcuts}')
    click(item)
    app.wait_for('the menu to close', lambda: not menu_items(button)
                 and not has_state(button, pyatspi.STATE_EXPANDED))
    app.wait_for(f'the button to read {button_label!r}',
                 lambda: mode_label(button), expected=button_label)
    return (f'menu opened with {describe(opener)}; {item_label!r} clicked '
            f'({role_name(item)}, was {before!r}, checked {checked})')


def row_texts(lst, bank):
    """{topic number: the row's labels but the number}, for every row."""
    out = {}
    for row in children(lst):
        if not is_role(row, R.LIST_ITEM):
            continue
        labels = [text(o) for o in walk(row) if is_role(o, R.LABEL)]
        out[row_number(row, bank)] = [t for t in labels
                                      if not re.fullmatch(r'\s*(?:№\s*)?\d+\s*', t)]
    return out


def expect_rows(app, lst, bank, expected, what):
    """Waits until every row in the tree shows expected[number] (its
    question labels, in order); returns how many rows it checked."""
    checked = []

    def wrong():
        shown = row_texts(lst, bank)
        if not shown:
            raise Failure('no rows in the list')
        checked[:] = [len(shown)]
        return [f'row {n} shows {labels}, expected {expected[n]}'
                for n, labels in sorted(shown.items()) if labels != expected[n]]
    try:
        app.wait_for(f'every row to show {what}', wrong, expected=[])
    except Failure as e:
        if isinstance(e, Fatal):
            raise
        bad = wrong()
        raise Failure(f'{e}\n{len(bad)} rows differ; ' + '; '.join(bad[:3]))
    return checked[0]


def expect_texts(app, what, fn, expected, source):
    """Polls fn() until it returns `expected` (a tuple of texts or of lists
    of texts); on a timeout, says where the first difference is."""
    try:
        app.wait_for(what, fn, expected=expected)
    except Failure as e:
        if isinstance(e, Fatal):
            raise
        got = fn()
        for i, (g, x) in enumerate(zip(got, expected)):
            if g != x:
                if isinstance(g, str) and isinstance(x, str):
                    expect_equal(f'{what}, part {i},', g, x, source)
                if isinstance(g, list) and isinstance(x, list) and len(g) == len(x):
                    for j, (gj, xj) in enumerate(zip(g, x)):
                        if gj != xj:
                            expect_equal(f'{e}\n{what}, part {i}, text {j},',
                                         gj, xj, source)
                raise Failure(f'{e}\n  part {i} shown:    {g!r}\n'
                              f'  part {i} expected: {x!r}')
        raise


def layout(detail):
    """How the bilingual answer is laid out, from the labels' positions, for
    the log only: the layout follows the window's width."""
    try:
        group = next(o for o in detail.labelled_by('Answer') if not is_role(o, R.LABEL))
        labels = [c for c in children(group) if is_role(c, R.LABEL)]
        xs = [c.queryComponent().getExtents(pyatspi.WINDOW_COORDS).x for c in labels[:2]]
    except Exception as e:
        return f'layout unknown ({type(e).__name__})'
    if len(xs) < 2:
        return 'one column'
    return 'side by side' if xs[0] != xs[1] else 'stacked'


# --------------------------------------------------------------------------
# The test, step by step

class Reader:
    def __init__(self, args, bank, english):
        self.args = args
        self.bank = bank
        self.english = english
        self.items = {item['number']: item for item in bank['items']}
        self.app = App(args)
        self.lst = None
        self.unnamed = {}          # description -> (path, when seen)
        self.starred_topic = None
        self.type_named = set()

    def audit(self, when):
        bad, notes = unnamed_controls(self.app)
        for desc, path in bad:
            self.unnamed.setdefault(desc, (path, when))
        self.type_named.update(notes)

    def step_start(self):
        """the app starts and its window is in the accessibility tree"""
        self.app.start()
        acc = self.app.find_accessible()
        self.app.wait_for('a window with a "Topics" list with rows',
                          lambda: children(topic_list(self.app)))
        self.lst = topic_list(self.app)
        return f'application {name(acc)!r}, pid {self.app.proc.pid}'

    def step_list(self):
        """the "Topics" list shows the bank's topics in order"""
        expected = [item['number'] for item in self.bank['items']]
        numbers = self.app.wait_for(
            'rows in the list', lambda: row_numbers(self.lst, self.bank))
        note = f'the list exposes {len(numbers)} of {len(expected)} rows'
        if len(numbers) < len(expected):
            # Only the realized rows are in the tree: they must be a run
            # of the bank in order.
            start = expected.index(numbers[0]) if numbers[0] in expected else -1
            if start < 0 or expected[start:start + len(numbers)] != numbers:
                raise Failure(f'rows {numbers} are not a run of the bank in order')
        elif numbers != expected:
            raise Failure(f'rows are {numbers}, expected {expected}')
        for row in children(self.lst):
            number = row_number(row, self.bank)
            labels = [text(o) for o in walk(row) if is_role(o, R.LABEL)]
            if self.items[number]['question'] not in labels:
                raise Failure(f'row {number} does not show its question; '
                              f'its labels: {labels!r}')
        return note

    def step_select(self):
        """selecting topic 12 in the list shows it in the reading pane"""
        rows = children(self.lst)
        index = next((i for i, r in enumerate(rows)
                      if row_number(r, self.bank) == TOPIC), None)
        if index is not None and self.args.select_with == 'selection':
            if not self.lst.querySelection().selectChild(index):
                raise Failure(f'selectChild({index}) returned False')
            how = f'Selection.selectChild({index})'
        else:
            # The row is not in the tree (not realized): select the first
            # row, then press "Next topic" until topic 12 shows.
            order = [item['number'] for item in self.bank['items']]
            first = row_number(rows[0], self.bank)
            if not self.lst.querySelection().selectChild(0):
                raise Failure('selectChild(0) returned False')
            self.app.wait_for(f'the reading pane to show №{first}',
                              lambda: Detail(self.app).number(), expected=first)
            next_button = find_one(self.app.frame(), R.BUTTONS, 'Next topic')
            current = first
            while current != TOPIC:
                current = order[order.index(current) + 1]
                click(next_button)
                self.app.wait_for(f'the reading pane to show №{current}',
                                  lambda: Detail(self.app).number(), expected=current)
            how = f'selectChild(0) on topic {first}, then "Next topic"'
        self.app.wait_for(f'the reading pane to show №{TOPIC}',
                          lambda: Detail(self.app).number(), expected=TOPIC)
        self.app.wait_for(f'the list to select topic {TOPIC}',
                          lambda: selected_number(self.lst, self.bank), expected=TOPIC)
        self.app.wait_for(f'the question of topic {TOPIC}',
                          lambda: Detail(self.app).question(),
                          expected=self.items[TOPIC]['question'])
        return f'selected with {how}'

    def step_read(self):
        """the answer and explanation of topic 12 read back exactly as in bank.json"""
        expect_topic(self.app, self.items[TOPIC], self.lst, self.bank)
        self.audit(f'topic {TOPIC} shown')
        return f'answer: {self.items[TOPIC]["answer"][:30]}…'

    def step_duplicate_link(self):
        """topic 12 links to the topic that asks the same question"""
        question = self.items[TOPIC]['question']
        same = [n for n, item in self.items.items()
                if n != TOPIC and item['question'] == question]
        expected = [f'Also asked as №{n}' for n in same]
        if not expected:
            raise Skip(f'no other topic asks {question}')
        try:
            self.app.wait_for(f'links {expected}',
                              lambda: set(expected) <= set(Detail(self.app).links()))
        except Failure as e:
            raise Failure(f'{e}; the links are {Detail(self.app).links()}')
        return f'links: {Detail(self.app).links()}'

    def step_next(self):
        """"Next topic" shows topic 13"""
        order = [item['number'] for item in self.bank['items']]
        following = order[order.index(TOPIC) + 1]
        button = find_one(self.app.frame(), R.BUTTONS, 'Next topic')
        if not has_state(button, pyatspi.STATE_SENSITIVE):
            raise Failure('"Next topic" is not sensitive')
        click(button)
        expect_topic(self.app, self.items[following], self.lst, self.bank)
        return f'now on №{following}'

    def shown_topic(self):
        """The topic in the reading pane (13 after "Next topic")."""
        return self.items[self.app.wait_for('a topic in the reading pane',
                                            lambda: Detail(self.app).number())]

    def expect_same_topic(self, item):
        """Changing the language keeps the topic and the selection."""
        number = item['number']
        self.app.wait_for(f'the reading pane to show №{number}',
                          lambda: Detail(self.app).number(), expected=number)
        self.app.wait_for(f'the list to select topic {number}',
                          lambda: selected_number(self.lst, self.bank), expected=number)

    def step_english(self):
        """choosing "English" in the "Reading language" menu shows the topic and list in English"""
        item = self.shown_topic()
        number = item['number']
        english = self.english.item(item)
        note = choose_mode(self.app, 'en', self.audit)
        self.audit('reading in English')
        self.expect_same_topic(item)
        expect_texts(self.app, f'topic {number} in English',
                     lambda: Detail(self.app).reading(),
                     ([english['question']], [english['answer']],
                      [english['explanation']] if item['explanation'] else []),
                     self.english.path)
        n_rows = expect_rows(
            self.app, self.lst, self.bank,
            {n: [self.english.of(i['question'], f'topic {n} question')]
             for n, i in self.items.items()},
            'its English question')
        title = self.bank.get('title')
        if title and title in self.english.catalog:
            title_en = self.english.catalog[title]
            self.app.wait_for(f'the English title {title_en!r} of the bank',
                              lambda: any(text(o) == title_en
                                          for o in find_all(self.app.frame(), R.LABEL)))
        return f'topic {number}: {english["answer"][:40]}…; {n_rows} rows in English; {note}'

    def step_both(self):
        """choosing "Both, Side by Side" shows the topic's paragraphs in Chinese and English"""
        item = self.shown_topic()
        number = item['number']
        english = self.english.item(item)
        note = choose_mode(self.app, 'both')
        self.audit('reading in both languages')
        self.expect_same_topic(item)
        answer = paired_paragraphs(item['answer'], english['answer'])
        explanation = paired_paragraphs(item['explanation'], english['explanation'])
        expect_texts(self.app, f'topic {number} in Chinese and English',
                     lambda: Detail(self.app).reading(),
                     ([item['question'], english['question']], answer, explanation),
                     f'bank.json/{self.english.path.name}')
        n_rows = expect_rows(
            self.app, self.lst, self.bank,
            {n: [i['question'], self.english.of(i['question'], f'topic {n} question')]
             for n, i in self.items.items()},
            'its Chinese and English questions')
        return (f'topic {number}: answer {len(answer)} paragraph labels, explanation '
                f'{len(explanation)} (Chinese and English), {layout(Detail(self.app))}; '
                f'{n_rows} rows in both; {note}')

    def step_chinese(self):
        """choosing "Chinese" shows the topic and list in Chinese again"""
        item = self.shown_topic()
        number = item['number']
        note = choose_mode(self.app, 'zh')
        self.audit('reading in Chinese again')
        self.expect_same_topic(item)
        expect_texts(self.app, f'topic {number} in Chinese',
                     lambda: Detail(self.app).reading(),
                     ([item['question']], [item['answer']],
                      [item['explanation']] if item['explanation'] else []),
                     'bank.json')
        # What the earlier steps read, read the same way again.
        expect_topic(self.app, item, self.lst, self.bank)
        n_rows = expect_rows(self.app, self.lst, self.bank,
                             {n: [i['question']] for n, i in self.items.items()},
                             'its Chinese question only')
        return f'topic {number} and {n_rows} rows in Chinese; {note}'

    def step_search_bar(self):
        """the search toggle opens the search bar and focuses its entry"""
        toggle = find_one(self.app.frame(), R.BUTTONS, 'Search topics')
        was = has_state(toggle, pyatspi.STATE_PRESSED)
        if was:
            raise Failure('the search toggle is already pressed')
        click(toggle)
        self.app.wait_for('the search toggle to be pressed',
                          lambda: has_state(toggle, pyatspi.STATE_PRESSED))
        entry = find_one(self.app.frame(), R.ENTRY, 'Search questions and answers')
        self.app.wait_for('the search entry to have the focus',
                          lambda: has_state(entry, pyatspi.STATE_FOCUSED))
        if not has_state(entry, pyatspi.STATE_EDITABLE):
            raise Failure(f'the search entry is not editable: {states(entry)}')

    def step_search(self):
        """typing 梯度 lists topics 4, 6, 22, 23, 26 and says "5 matches\""""
        hits = search_hits(self.bank, QUERY)
        if hits != EXPECTED_QUERY_HITS:
            Tap.diag(f'note: bank.json now gives {hits} for {QUERY}, '
                     f'not {EXPECTED_QUERY_HITS}; checking against bank.json')
        count = f'{len(hits)} match' if len(hits) == 1 else f'{len(hits)} matches'
        total = len(self.bank['items'])
        label = match_label(self.app)
        if text(label) != f'{total} topics':
            raise Failure(f'before the search the count reads {text(label)!r}, '
                          f'expected "{total} topics"')
        entry = find_one(self.app.frame(), R.ENTRY, 'Search questions and answers')
        if not entry.queryEditableText().setTextContents(QUERY):
            raise Failure('setTextContents returned False')
        self.app.wait_for(f'the entry to hold {QUERY!r}',
                          lambda: text(entry), expected=QUERY)
        self.app.wait_for(f'the count to read {count!r}',
                          lambda: text(match_label(self.app)), expected=count)
        shown = self.app.wait_for(f'the list to show topics {hits}',
                                  lambda: row_numbers(self.lst, self.bank),
                                  expected=hits)
        # The reading pane follows the selection, which stays in the results.
        selected = self.app.wait_for('one selected row',
                                     lambda: selected_number(self.lst, self.bank))
        if selected not in hits:
            raise Failure(f'topic {selected} is selected, but not in the results')
        self.app.wait_for(f'the reading pane to show the selected №{selected}',
                          lambda: Detail(self.app).number(), expected=selected)
        self.audit(f'searching {QUERY}')
        return f'list shows {shown}, {selected} selected'

    def find_named(self, roles, prefix):
        """The one control of the role(s) whose name starts with @prefix."""
        found = [o for o in walk(self.app.frame())
                 if is_role(o, roles) and name(o).startswith(prefix)]
        if len(found) != 1:
            raise Failure(f'{len(found)} {roles_name(roles)}s named {prefix}…, expected one: '
                          f'{[name(o) for o in found]}')
        return found[0]

    def filter_toggle(self, label):
        """The list's filter toggle labelled @label ("All", "Starred", ...):
        one of the radio buttons of the "Show topics" group (an
        AdwToggleGroup), named by its label and count ("Starred 1")."""
        group = find_one(self.app.frame(), R.GROUPS, 'Show topics')
        found = [o for o in find_all(group, R.RADIO_BUTTON)
                 if re.fullmatch(rf'{re.escape(label)} \d+', name(o))]
        if len(found) != 1:
            raise Failure(f'{len(found)} radio buttons named "{label} N" in "Show topics", '
                          f'expected one; it has '
                          f'{[describe(o) for o in find_all(group, R.CONTROLS)]}')
        return found[0]

    def choose_filter(self, label):
        """Clicks the filter toggle and waits until it is the one checked."""
        click(self.filter_toggle(label))

        def checked():
            group = find_one(self.app.frame(), R.GROUPS, 'Show topics')
            return [name(o) for o in find_all(group, R.RADIO_BUTTON)
                    if has_state(o, pyatspi.STATE_CHECKED)]
        shown = self.app.wait_for(f'the "{label}" filter to be the one checked',
                                  lambda: [n.rsplit(' ', 1)[0] for n in checked()],
                                  expected=[label])
        return shown

    def step_star(self):
        """the star button stars the open topic, and the Starred filter lists only it"""
        selected = self.app.wait_for('one selected row',
                                     lambda: selected_number(self.lst, self.bank))
        star = find_one(self.app.frame(), R.BUTTONS, 'Star this topic')
        if has_state(star, pyatspi.STATE_PRESSED):
            raise Failure('the star button is pressed before any star')
        click(star)
        self.app.wait_for('the star button to be pressed',
                          lambda: has_state(star, pyatspi.STATE_PRESSED))
        starred = self.app.wait_for('the Starred filter to count 1',
                                    lambda: name(self.filter_toggle('Starred')),
                                    expected='Starred 1')
        self.choose_filter('Starred')
        self.app.wait_for(f'the list to show only topic {selected}',
                          lambda: row_numbers(self.lst, self.bank), expected=[selected])
        self.starred_topic = selected
        return f'topic {selected} starred; filter button reads {starred!r}'

    def step_study(self):
        """a study round over the starred topic: reveal, grade Good then Easy, read the summary"""
        topic = self.starred_topic
        item = self.items[topic]
        click(find_one(self.app.frame(), R.BUTTONS, 'Study'))
        self.app.wait_for(f'the study card to show №{topic}',
                          lambda: Detail(self.app, 'Study card').number(), expected=topic)
        reveal = find_one(self.app.frame(), R.BUTTONS, 'Show Answer')
        click(reveal)
        good = self.app.wait_for('a "Good" button that gives 10 min',
                                 lambda: self.find_named(R.BUTTONS, 'Good, '))
        if name(good) != 'Good, 10 min':
            raise Failure(f'the Good button is named {name(good)!r}, expected "Good, 10 min"')
        again = self.find_named(R.BUTTONS, 'Again, ')
        if name(again) != 'Again, 1 min':
            raise Failure(f'the Again button is named {name(again)!r}, expected "Again, 1 min"')
        self.app.wait_for(f'the card to show the answer of topic {topic}',
                          lambda: Detail(self.app, 'Study card').section('Answer'),
                          expected=item['answer'])
        click(good)
        # A learning card comes back in the same session.
        reveal = self.app.wait_for('"Show Answer" again for the card in learning',
                                   lambda: find_one(self.app.frame(), R.BUTTONS, 'Show Answer'))
        click(reveal)
        easy = self.app.wait_for('an "Easy" button',
                                 lambda: self.find_named(R.BUTTONS, 'Easy, '))
        easy_name = name(easy)
        click(easy)
        summary = self.app.wait_for('the "Session Complete" page',
                                    lambda: find_one(self.app.frame(), R.GROUPS, 'Session Complete'))
        done = find_one(summary, R.BUTTONS, 'Back to Reading')
        labels = [text(o) for o in walk(summary) if is_role(o, R.LABEL)]
        for wanted in ('2', '2 (100%)'):
            if wanted not in labels:
                raise Failure(f'the summary has no label {wanted!r}')
        click(done)
        self.app.wait_for(f'the reading pane to show №{topic} again',
                          lambda: Detail(self.app).number(), expected=topic)
        self.choose_filter('All')
        return f'graded Good, then {easy_name!r}'

    def step_names(self):
        """every button, link and entry has an accessible name"""
        self.audit('at the end')
        note = ''
        if self.type_named:
            note = ('not controls, but named after their type: '
                    + ', '.join(sorted(self.type_named)))
        if self.unnamed:
            raise Failure('controls with no name or a type name:\n' + '\n'.join(
                f'  {desc} (in {path or "the window"}; seen {when})'
                for desc, (path, when) in sorted(self.unnamed.items()))
                + (f'\n{note}' if note else ''))
        return note

    def step_close(self):
        """closing the window quits the app with status 0"""
        frame = self.app.frame()
        buttons = find_all(frame, R.BUTTONS, 'Close')
        if buttons:
            click(buttons[0])
            how = 'its Close button'
        else:
            action = frame.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            if 'window.close' not in names:
                raise Failure(f'no Close button and no window.close action: {names}')
            action.doAction(names.index('window.close'))
            how = 'the window.close action'
        try:
            code = self.app.proc.wait(self.args.timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f'the app still runs {self.args.timeout} s after '
                          f'closing its window with {how}')
        if code != 0:
            raise Failure(f'the app exited with status {code} ({describe_status(code)})')
        return f'closed with {how}'

    STEPS = ('step_start', 'step_list', 'step_select', 'step_read',
             'step_duplicate_link', 'step_next', 'step_english', 'step_both',
             'step_chinese', 'step_search_bar', 'step_search', 'step_star',
             'step_study', 'step_names', 'step_close')

    def run(self):
        tap = Tap(len(self.STEPS))
        dumped = False
        try:
            for i, step_name in enumerate(self.STEPS):
                step = getattr(self, step_name)
                title = step.__doc__.strip()
                started = time.monotonic()
                try:
                    note = step()
                except Failure as e:
                    tap.result(False, title, str(e))
                    if not dumped and self.app.acc is not None and self.app.proc.poll() is None:
                        dumped = True
                        print(f'--- accessibility tree at the first failure ({title}) ---',
                              file=sys.stderr)
                        try:
                            dump(self.app.acc)
                        except Exception as dump_error:
                            print(f'(dump failed: {dump_error})', file=sys.stderr)
                    if isinstance(e, Fatal) or self.app.acc is None:
                        print(f'Bail out! {e}'.splitlines()[0], flush=True)
                        return 1
                except Skip as e:
                    tap.result(True, title, skip=str(e))
                except Exception:
                    tap.result(False, title, traceback.format_exc())
                else:
                    took = f'({time.monotonic() - started:.1f} s)'
                    tap.result(True, title, f'{note} {took}' if note else took)
        finally:
            self.app.stop()
        return 1 if tap.failed else 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--app', type=pathlib.Path, required=True,
                        help='the built app (BUILDDIR/src/wenda/wenda)')
    parser.add_argument('--bank', type=pathlib.Path,
                        default=SOURCE_ROOT / 'resources' / 'content' / 'bank.json',
                        help='the bundled bank, for the expected texts '
                             '(default: %(default)s)')
    parser.add_argument('--po', type=pathlib.Path,
                        default=SOURCE_ROOT / 'po' / 'en.po',
                        help='the English catalog, for the expected English '
                             '(default: %(default)s)')
    parser.add_argument('--timeout', type=float, default=10,
                        help='seconds to wait for each change (default: %(default)s)')
    parser.add_argument('--select-with', choices=('selection', 'next'),
                        default='selection',
                        help='how to reach the topic: the list\'s Selection, or '
                             '"Next topic" from the first row, as when the row '
                             'is not realized (default: %(default)s)')
    parser.add_argument('--start-timeout', type=float, default=30,
                        help='seconds to wait for the app to appear (default: %(default)s)')
    return parser.parse_args(argv)


def main(argv):
    global pyatspi
    args = parse_args(argv)

    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP DISPLAY is not set; run under Xvfb', flush=True)
        return 0
    if (not os.environ.get('DBUS_SESSION_BUS_ADDRESS')
            and not os.path.exists(os.path.join(os.environ.get('XDG_RUNTIME_DIR', '/nonexistent'), 'bus'))):
        print('1..0 # SKIP no session bus; run inside dbus-run-session', flush=True)
        return 0
    if not args.app.is_file() or not os.access(args.app, os.X_OK):
        print(f'Bail out! {args.app} is not an executable', flush=True)
        return 1
    try:
        with open(args.bank, encoding='utf-8') as f:
            bank = json.load(f)
    except (OSError, ValueError) as e:
        print(f'Bail out! cannot read the bank {args.bank}: {e}', flush=True)
        return 1
    try:
        english = English(read_po(args.po), args.po)
    except (OSError, ValueError) as e:
        print(f'Bail out! cannot read the English catalog {args.po}: {e}', flush=True)
        return 1
    try:
        import pyatspi as module
    except ImportError as e:
        print(f'Bail out! cannot import pyatspi ({e}); install python3-pyatspi '
              f'and run with /usr/bin/python3', flush=True)
        return 1
    pyatspi = module

    # meson sends SIGTERM on a timeout: end the app on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    return Reader(args, bank, english).run()


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
