#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the desktop parts: the main menu, About, the keyboard
shortcuts, Preferences (dark style, text size), the single instance and
--help.

Launches the built app and drives it through AT-SPI as a user would
(test_reader.py's approach and helpers):

  1. the main menu's "About Wenda" opens the About dialog inside the main
     window (an AdwAboutDialog, no window of its own), which shows "Wenda"
     and the version and has the keyboard focus; Escape closes it;
  2. "Keyboard Shortcuts" opens the shortcuts, which list "Next topic" and
     "Content in English"; their Close button closes them.  With
     libadwaita 1.8 and later (sid) they are an AdwShortcutsDialog in the
     main window, before (trixie) a modal GtkShortcutsWindow of their own:
     meson passes the libadwaita version (--adw-version);
  3. the shortcuts are named "Keyboard Shortcuts" and show the keys of
     "Next topic" (Alt, →) and "Content in English" (Ctrl, 2);
  4. Preferences (an AdwPreferencesDialog in the main window): a click on
     the "Dark" row sets app.color-scheme to 'dark' (read from outside with
     org.gtk.Actions.Describe on the app's object path, as GtkApplication
     exports its actions) and the window becomes much darker on screen;
     "Follow System Style" brings both back;
  5. Ctrl+plus twice makes the answer ~20% larger (its "size" text
     attribute and its height), Preferences shows 120, Ctrl+0 restores;
  6. a second `wenda 12` hands its command line to the running instance and
     exits 0; there is still one app with one window, now at №12;
  7. the same, `wenda 5`, with Preferences open, and on libadwaita 1.7
     `wenda 7` with the shortcuts window the active window (the app once
     took its active window for the main window: "invalid cast from
     'AdwPreferencesWindow' to 'WendaWindow'", then a crash);
  8. `wenda FILE` imports a Markdown bank; the header's bank chooser shows
     its title;
  8b. a rich bank (tests/fixtures/rich) shows a table as a TABLE of
     TABLE_ROWs of TABLE_CELLs named by their text (the header row's
     described as "Column header": GTK 4.18 has no AT-SPI role for
     GTK_ACCESSIBLE_ROLE_COLUMN_HEADER), an
     image as an IMAGE named by its alt text, code named by its language;
  9. `wenda --help`, with no display, exits 0 and describes --language.

A step that fails because of a known bug in the app is a TAP "# TODO"
(KNOWN_BUGS, KNOWN_BUGS_ADW_1_7).  After a failed step the test puts the
app back as the next steps expect it (closes the menu, the dialogs and other
windows, resets the style and the text size through the app's exported
actions), so that one failure does not fail the rest.

Output is TAP on stdout (meson: protocol 'tap'); the app's own output goes
to stderr.  Run it alone, from the source root, under Xvfb (shared/TESTING.md):

    dbus-run-session -- /usr/bin/python3 tests/e2e/test_desktop.py --app BUILDDIR/src/wenda/wenda

or `meson test -C BUILDDIR --suite e2e -v`.  Needs DISPLAY and a session bus
(else it skips), pyatspi (Debian's python3-pyatspi, /usr/bin/python3),
gdbus, xdotool (the window's place on screen: GTK reports positions
relative to the window only) and ImageMagick's import and convert (the
screenshots).

What GTK 4.18 / libadwaita 1.7 (trixie) and GTK 4.24 / libadwaita 1.10
(sid) expose, found with this test (roles as Atspi.Role values):
  * The main window is a FRAME child of the application, "Wenda".  An
    AdwDialog (About, Preferences, AdwShortcutsDialog) is a DIALOG named
    after its title inside the frame, only while it is open; the
    application has no other child then.  The GtkShortcutsWindow of
    libadwaita 1.7 is a second child of the application, a PANEL named ''
    with STATE_MODAL (GTK 4.18 does not name it after its title, "Keyboard
    Shortcuts"); its X window is titled "Keyboard Shortcuts".
  * The main menu is like the reading-language menu (see test_reader.py): an
    outer PUSH_BUTTON "Main menu" with no actions, an inner TOGGLE_BUTTON
    with "click"; the items are MENU_ITEMs, only while the popover is open.
  * The About dialog shows the name as a label "Wenda" and the version as
    a button "0.1.0", which has the focus when it opens, and one "Close"
    button (the About window of libadwaita 1.2 had one on every subpage,
    and those of hidden subpages did nothing).
  * The Preferences style choices are RADIO_BUTTONs ("Dark"; GTK 4.8:
    check boxes) inside LIST_ITEM rows of the same name.  Neither has an
    action, so the test clicks the row with the pointer
    (Registry.generateMouseEvent, XTEST).  The text size is a SPIN_BUTTON
    named after its row, "Text Size" (its accessible label, "Text size, in
    percent", loses to the row's LABELLED_BY), with the Value interface.
  * In the shortcuts each line is something focusable (a LIST_ITEM in the
    dialog, the GtkShortcutsShortcut, a LABEL, in the window) holding the
    title label and a label per key cap ("Alt", "→"), with "/" between
    the keys of a line that has several; libadwaita 1.10 also has a label
    for the whole shortcut ("Ctrl+2") around its caps.
  * The bank chooser (GtkDropDown) is a COMBO_BOX LABELLED_BY its own
    content, so named after the bank it shows ("我的面试题"), not by its
    accessible label "Question bank"; its tooltip is its description.
  * Text attributes: "size" (a whole number, truncated: 14, 16, 17 for
    100%, 110%, 120%) follows the CSS font size; there is no "fg-color" or
    "bg-color", so the dark style is checked on a screenshot.  Screen
    coordinates are not supported: getExtents gives window-relative
    positions (DESKTOP_COORDS: 0, 0).
  * Keys sent with Registry.generateKeyboardEvent reach the X focus; Ctrl
    is held with KEY_LOCKMODIFIERS (no keycode to guess).  With
    no window manager a window closing does not hand the focus back, so
    before each key the test waits for the window to be "active", and
    focuses it with xdotool if it is not.
"""

import argparse
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

# test_reader.py has no side effects on import; its helpers read its module
# global `pyatspi`, set in main().
import test_reader
from test_reader import (R, SOURCE_ROOT, App, Failure, Fatal, Skip, Tap, children, click,
                         describe, describe_status, dump, find_all, find_one, has_state,
                         is_role, menu_button, menu_items, mode_button_opener, name,
                         path_of, role_name, text, walk)

TOPIC = 12                 # the topic the second launch asks for
MAIN_MENU = 'Main menu'
# Lines the shortcuts list, and the keys each shows: the caps as they are
# drawn (GTK and libadwaita draw "Right" as an arrow; the "+" and the "/"
# between the keys of several shortcuts are not caps).  The keys are the
# ones the app's tooltip ("Next Topic (Alt+Right)") and menu (Ctrl+2) give.
SHORTCUTS_EXPECTED = {'Next topic': ('Alt', '→'), 'Content in English': ('Ctrl', '2')}
SHORTCUTS_TITLE = 'Keyboard Shortcuts'
STYLES = ('Follow System Style', 'Light', 'Dark')

# Keysyms (X11/keysymdef.h).
XK_ESCAPE = 0xff1b
XK_PLUS = 0x002b
XK_0 = 0x0030
CONTROL_MASK = 1 << 2

# Names GTK gives a widget with no label, for the notes.
FALLBACK_NAME = test_reader.FALLBACK_NAME

pyatspi = None             # imported in main(), after the DISPLAY check


# --------------------------------------------------------------------------
# Outside the tree: X windows, screenshots, D-Bus

def run(argv, timeout=20, **kwargs):
    """Runs a helper program; its failure is the step's failure."""
    if shutil.which(argv[0]) is None:
        raise Failure(f'{argv[0]} is not installed (see shared/TESTING.md)')
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                             stdin=subprocess.DEVNULL, **kwargs)
    except subprocess.TimeoutExpired:
        raise Failure(f'{" ".join(argv)} took more than {timeout} s')
    if out.returncode != 0:
        raise Failure(f'{" ".join(argv)} exited with status {out.returncode}: '
                      f'{out.stderr.strip()}')
    return out.stdout


def x_window(pid, title):
    """The visible X window of the process with that exact title, as
    {'WINDOW', 'X', 'Y', 'WIDTH', 'HEIGHT'}."""
    if shutil.which('xdotool') is None:
        raise Failure('xdotool is not installed (see shared/TESTING.md)')
    # xdotool search exits 1 when it finds nothing; --all: its conditions
    # are or-ed by default.
    ids = subprocess.run(['xdotool', 'search', '--all', '--onlyvisible', '--pid', str(pid),
                          '--name', f'^{re.escape(title)}$'],
                         capture_output=True, text=True, timeout=20).stdout.split()
    if len(ids) != 1:
        raise Failure(f'{len(ids)} visible X windows titled {title!r}, expected one')
    geometry = {}
    for line in run(['xdotool', 'getwindowgeometry', '--shell', ids[0]]).splitlines():
        key, _, value = line.partition('=')
        geometry[key] = int(value)
    return geometry


def brightness(geometry, keep_in=None):
    """The mean brightness (0 black .. 1 white) of the window's rectangle on
    screen.  keep_in: a folder to keep the screenshot in."""
    folder = keep_in or tempfile.mkdtemp(prefix='wenda-e2e-')
    shot = os.path.join(folder, f'shot-{time.monotonic_ns()}.png')
    try:
        run(['import', '-window', 'root', shot])
        crop = f'{geometry["WIDTH"]}x{geometry["HEIGHT"]}+{geometry["X"]}+{geometry["Y"]}'
        value = run(['convert', shot, '-crop', crop, '+repage', '-colorspace', 'Gray',
                     '-format', '%[fx:mean]', 'info:'])
        return float(value)
    finally:
        if keep_in is None:
            shutil.rmtree(folder, ignore_errors=True)


def object_path(app_id):
    """GApplication's object path for an application id."""
    return '/' + app_id.replace('.', '/').replace('-', '_')


def gtk_actions(app_id, method, *arguments):
    """Calls org.gtk.Actions on the app's object path, where GtkApplication
    exports its app.* actions."""
    return run(['gdbus', 'call', '--session', '--dest', app_id,
                '--object-path', object_path(app_id), '--timeout', '10',
                '--method', f'org.gtk.Actions.{method}', *arguments])


def action_state(app_id, action):
    """The state of an app.* action, as GtkApplication exports it on the
    session bus: the text of the variant, e.g. "'dark'"."""
    out = gtk_actions(app_id, 'Describe', action)
    # ((true, signature 's', [<'dark'>]),)
    m = re.fullmatch(r"\(\((true|false), signature '([^']*)', \[(.*)\]\),\)", out.strip())
    if not m:
        raise Failure(f'cannot read the Describe answer {out.strip()!r}')
    state = m.group(3).strip()
    if state.startswith('<') and state.endswith('>'):
        state = state[1:-1]
    return state


# --------------------------------------------------------------------------
# The keyboard and the pointer, through the AT-SPI registry (XTEST)

def press(keysym, control=False):
    if control:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_LOCKMODIFIERS)
    try:
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    finally:
        if control:
            pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None,
                                                   pyatspi.KEY_UNLOCKMODIFIERS)


def click_at(app, obj, window_title):
    """Clicks the middle of obj with the pointer.  GTK gives positions
    relative to the window; xdotool says where the window is."""
    ext = obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if ext.width <= 0 or ext.height <= 0:
        raise Failure(f'{describe(obj)} has no size on screen: {ext}')
    window = x_window(app.proc.pid, window_title)
    x = window['X'] + ext.x + ext.width // 2
    y = window['Y'] + ext.y + ext.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, 'b1c')
    return f'clicked ({x}, {y})'


# --------------------------------------------------------------------------
# The app

class DesktopApp(App):
    """test_reader's App, run from a folder of its own, and able to launch
    the app a second time with the same environment (App.env)."""

    def start(self):
        # Same process group as this script, so that meson's kill on a
        # timeout ends the app too.  stdout is the TAP stream.  A folder of
        # its own to run in: a crash must not leave a core in the sources.
        self.cwd = tempfile.mkdtemp(prefix='wenda-e2e-desktop-cwd-')
        self.proc = subprocess.Popen([str(self.args.app)], env=self.env(),
                                     cwd=self.cwd, stdin=subprocess.DEVNULL,
                                     stdout=sys.stderr.fileno())

    def launch(self, *arguments):
        """Runs the app once more, as a second launch from a terminal or the
        Shell would: same environment, same session bus.  Returns (exit
        status, stdout, stderr)."""
        second = subprocess.Popen([str(self.args.app), *arguments], env=self.env(),
                                  cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        try:
            out, err = second.communicate(timeout=self.args.timeout)
        except subprocess.TimeoutExpired:
            second.kill()
            out, err = second.communicate()
            raise Failure(f'`wenda {" ".join(arguments)}` still runs after '
                          f'{self.args.timeout} s: it did not hand over to the running '
                          f'instance; stdout {out!r}, stderr {err!r}')
        return second.returncode, out, err

    def stop(self):
        super().stop()
        if getattr(self, 'cwd', None):
            shutil.rmtree(self.cwd, ignore_errors=True)

    def windows(self):
        """The app's open windows (every child of the application), {name:
        window}; a name that appears twice is a failure.  GTK 4.18 names
        a GtkShortcutsWindow '' (its role is "panel")."""
        found = {}
        for child in children(self.acc):
            title = name(child)
            if title in found:
                raise Failure(f'two windows named {title!r}: {describe(found[title])} '
                              f'and {describe(child)}')
            found[title] = child
        return found

    def window(self, title):
        return self.wait_for(f'a window {title!r}', lambda: self.windows().get(title))

    def wait_closed(self, title):
        self.wait_for(f'the window {title!r} to close',
                      lambda: title not in self.windows())

    def main(self):
        """The main window: the application's frame "Wenda"."""
        frame = self.window('Wenda')
        if not is_role(frame, R.FRAME):
            raise Failure(f'the main window is a {role_name(frame)}, expected a frame')
        return frame

    def dialogs(self):
        """The dialogs open inside the main window (AdwDialog: About,
        Preferences, on libadwaita 1.8 the shortcuts), {name: dialog}."""
        found = {}
        for o in find_all(self.main(), R.DIALOG):
            if name(o) in found:
                raise Failure(f'two dialogs named {name(o)!r} in the main window')
            found[name(o)] = o
        return found

    def dialog(self, title):
        """Waits for the dialog @title inside the main window, and checks that
        it is not a window of its own."""
        dialog = self.wait_for(f'a dialog {title!r} in the main window',
                               lambda: self.dialogs().get(title))
        others = sorted(t for t in self.windows() if t != 'Wenda')
        if others:
            raise Failure(f'with the dialog {title!r} open the app has other windows '
                          f'too: {others}')
        return dialog

    def wait_dialog_closed(self, title):
        self.wait_for(f'the dialog {title!r} to close',
                      lambda: title not in self.dialogs())

    def focus(self, title='Wenda', x_title=None):
        """Makes the window the one keys go to.  A user would click it; here
        the X focus is set with xdotool if the window is not active.
        x_title: the window's X title, where its accessible name is not
        it."""
        frame = self.window(title)
        label = title or x_title
        try:
            # With no window manager a window that gets the focus has it
            # at once; one that lost it does not get it back by itself.
            return self.wait_for(f'{label!r} to be active',
                                 lambda: has_state(frame, pyatspi.STATE_ACTIVE), timeout=0.5)
        except Fatal:
            raise
        except Failure:
            pass
        window = x_window(self.proc.pid, x_title or title)
        run(['xdotool', 'windowfocus', '--sync', str(window['WINDOW'])])
        self.wait_for(f'{label!r} to be active after xdotool windowfocus',
                      lambda: has_state(frame, pyatspi.STATE_ACTIVE))
        return 'focused with xdotool'


def focus_in(obj):
    """What has the keyboard focus inside obj (obj too), described, or
    None."""
    return next((describe(o) for o in walk(obj) if has_state(o, pyatspi.STATE_FOCUSED)), None)


def description(obj):
    try:
        return obj.description or ''
    except Exception:
        return ''


def main_menu(app, item_label):
    """Opens the main menu with its button and clicks the item."""
    # The menu button and the toggle button inside it both carry its
    # accessible label; the outer one holds the popover.
    button = menu_button(app.main(), MAIN_MENU)
    opener = mode_button_opener(button)
    click(opener)
    items = app.wait_for('the main menu to open', lambda: menu_items(button))
    if item_label not in items:
        click(opener)                           # close it again
        raise Failure(f'the main menu offers {sorted(items)}, not {item_label!r}')
    click(items[item_label])
    app.wait_for('the main menu to close', lambda: not menu_items(button))
    return sorted(items)


def answer_label(app):
    """The reading pane's answer's first paragraph: the first label in the
    group (the rich view) the "Answer" heading labels."""
    for o in walk(app.main()):
        if not is_role(o, (R.LABEL, pyatspi.ROLE_PANEL, pyatspi.ROLE_GROUPING)):
            continue
        try:
            relations = o.getRelationSet()
        except Exception:
            continue
        for r in relations:
            if r.getRelationType() != pyatspi.RELATION_LABELLED_BY:
                continue
            for i in range(r.getNTargets()):
                target = r.getTarget(i)
                if is_role(target, R.HEADING) and text(target) == 'Answer':
                    if is_role(o, R.LABEL):
                        return o
                    for inner in walk(o):
                        if is_role(inner, R.LABEL) and inner is not o:
                            return inner
    raise Failure('no label labelled by the "Answer" heading')


def text_size(obj):
    """(the "size" text attribute, the height) of a label."""
    attributes = obj.queryText().getDefaultAttributes()
    sizes = re.findall(r'(?:^|;)size:([0-9.]+)', attributes)
    if not sizes:
        raise Failure(f'{describe(obj)} has no "size" attribute: {attributes}')
    height = obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height
    return float(sizes[0]), height


def type_named_controls(root):
    """Controls named after their widget type: for the log.  In the dialogs
    these are libadwaita's and GTK's own widgets, not the app's."""
    return sorted({describe(o) for o in walk(root)
                   if is_role(o, R.CONTROLS) and FALLBACK_NAME.fullmatch(name(o))})


def text_size_spin(prefs):
    """The text size spin button.  GTK 4.18 and 4.24 name it after the
    row's title ("Text Size", the row labels it) rather than its
    accessible label ("Text size, in percent"); GTK 4.8 joined both."""
    found = [o for o in find_all(prefs, R.SPIN_BUTTON)
             if name(o).lower().startswith('text size')]
    if len(found) != 1:
        raise Failure(f'{len(found)} spin buttons named "Text size…", expected one: '
                      f'{[describe(o) for o in find_all(prefs, R.SPIN_BUTTON)]}')
    return found[0]


def shown_number(app):
    for o in walk(app.main()):
        if is_role(o, R.LABEL):
            m = re.fullmatch(r'№\s*(\d+)', text(o).strip())
            if m:
                return int(m.group(1))
    raise Failure('no "№N" label in the window')


def shortcut_caps(surface, line):
    """The key caps the shortcut @line shows: the labels of the focusable
    object that holds its title label (the row a keyboard user moves to:
    a list item in AdwShortcutsDialog, the GtkShortcutsShortcut in the
    GtkShortcutsWindow), but for the title and the "+" and "/" between
    keys, in order."""
    titles = [o for o in walk(surface) if is_role(o, R.LABEL) and text(o) == line
              and is_leaf_label(o)]
    if len(titles) != 1:
        raise Failure(f'{len(titles)} labels {line!r} in the shortcuts, expected one')
    row = titles[0]
    for _ in range(10):
        if has_state(row, pyatspi.STATE_FOCUSABLE):
            break
        row = row.parent
    else:
        raise Failure(f'the line {line!r} is in nothing a keyboard user can move to')
    # The caps: the labels with no labels inside (libadwaita 1.10 also
    # exposes the whole shortcut as one label, "Ctrl+2", that holds the
    # caps; GTK 4.18 the GtkShortcutsShortcut, a label holding all).
    return [text(o) for o in walk(row) if is_role(o, R.LABEL) and o != titles[0]
            and is_leaf_label(o) and text(o).strip() not in ('', '+', '/')]


def is_leaf_label(obj):
    """Whether obj holds no label: a label as drawn, not one that groups
    others."""
    return not any(o is not obj and is_role(o, R.LABEL) for o in walk(obj))


def shortcut_keys(surface, line):
    """The caps of @line, if they include SHORTCUTS_EXPECTED[line] in a run;
    else a failure that says what they are."""
    caps = shortcut_caps(surface, line)
    keys = list(SHORTCUTS_EXPECTED[line])
    if not any(caps[i:i + len(keys)] == keys for i in range(len(caps))):
        raise Failure(f'{line!r} shows the caps {caps}, not {keys}')
    return caps


# --------------------------------------------------------------------------
# The test, step by step

class TodoTap(Tap):
    """test_reader's Tap; a failed TODO step (its name carries the
    directive) does not fail the run."""

    def result(self, ok, name_, detail=None, skip=None, todo=False):
        super().result(ok, name_, detail, skip)
        if todo and not ok:
            self.failed -= 1


class Desktop:
    def __init__(self, args):
        self.args = args
        self.app = DesktopApp(args)
        self.shots = None          # a folder for screenshots kept on failure

    def step_start(self):
        """the app starts and its window is in the accessibility tree"""
        self.app.start()
        acc = self.app.find_accessible()
        self.app.main()
        self.app.wait_for('a topic in the reading pane', lambda: shown_number(self.app))
        return f'application {name(acc)!r}, pid {self.app.proc.pid}'

    def step_about(self):
        """"About Wenda" in the main menu opens the About dialog in the main window with the name and version; Escape closes it"""
        offered = main_menu(self.app, 'About Wenda')
        # AdwAboutDialog: a dialog inside the main window, no window of
        # its own (dialog() checks).
        about = self.app.dialog('About')
        version = self.args.version

        def labels():
            return [text(o) for o in walk(about) if is_role(o, (R.LABEL, R.HEADING))]
        try:
            self.app.wait_for(f'the About dialog to show "Wenda" and {version!r}',
                              lambda: 'Wenda' in labels() and version in labels())
        except Failure as e:
            raise Failure(f'{e}; its labels: {labels()[:30]}')
        # The keyboard is in the dialog, so that Escape reaches it.
        focused = self.app.wait_for('the focus to be in the About dialog',
                                    lambda: focus_in(about))
        notes = type_named_controls(about)
        how = self.app.focus()
        press(XK_ESCAPE)
        self.app.wait_dialog_closed('About')
        windows = sorted(self.app.windows())
        if windows != ['Wenda']:
            raise Failure(f'after About the app has the windows {windows}, expected "Wenda"')
        return (f'menu {offered}; About shows "Wenda" {version}, focus on '
                f'{focused}; closed with Escape'
                + ('' if how is True else f' ({how})')
                + f'; library controls named after their type: {notes}')

    def shortcuts_are_dialog(self):
        """Whether the shortcuts are an AdwShortcutsDialog in the main window
        (libadwaita 1.8 and later) rather than a GtkShortcutsWindow of
        their own (1.7).  None if the test was not told the version."""
        version = self.args.adw_version
        if not version:
            return None
        return tuple(int(p) for p in re.findall(r'\d+', version)[:2]) >= (1, 8)

    def open_shortcuts(self):
        """Opens the shortcuts from the main menu; returns (what shows them,
        whether that is a dialog in the main window, a description).  On
        libadwaita 1.8 and later: the dialog "Keyboard Shortcuts" in the
        main window.  On 1.7: a window of its own beside the main one,
        modal and active (GTK 4.18 makes it a "panel" named '')."""
        before = set(self.app.windows())
        main_menu(self.app, 'Keyboard Shortcuts')

        def shown():
            dialog = self.app.dialogs().get(SHORTCUTS_TITLE)
            if dialog is not None:
                return dialog, True
            new = [w for t, w in self.app.windows().items() if t not in before]
            if len(new) > 1:
                raise Failure(f'{len(new)} new windows: {[describe(w) for w in new]}')
            return (new[0], False) if new else None
        surface, in_main = self.app.wait_for('the keyboard shortcuts to show', shown)
        expected = self.shortcuts_are_dialog()
        if expected is not None and in_main != expected:
            raise Failure(f'with libadwaita {self.args.adw_version} the shortcuts should be '
                          f'{"a dialog in the main window" if expected else "a window"}, '
                          f'they are {"a dialog in it" if in_main else "a window"}, '
                          f'{describe(surface)}')
        if in_main:
            others = sorted(t for t in self.app.windows() if t != 'Wenda')
            if others:
                raise Failure(f'the shortcuts dialog is open, and the app has other windows '
                              f'too: {others}')
            kind = 'the dialog in the main window'
        else:
            for state in (pyatspi.STATE_MODAL, pyatspi.STATE_ACTIVE):
                self.app.wait_for(f'the shortcuts window to be {pyatspi.stateToString(state)}',
                                  lambda: has_state(surface, state))
            kind = f'a modal window, {describe(surface)}'
        return surface, in_main, kind

    def close_shortcuts(self, surface, in_main):
        """Clicks the shortcuts' Close button and waits for them to go."""
        click(find_one(surface, R.PUSH_BUTTON, 'Close'))
        if in_main:
            self.app.wait_dialog_closed(SHORTCUTS_TITLE)
            windows = sorted(self.app.windows())
            if windows != ['Wenda']:
                raise Failure(f'after the shortcuts the app has the windows {windows}, '
                              f'expected "Wenda"')
        else:
            self.app.wait_for('the shortcuts window to close, leaving the main one',
                              lambda: sorted(self.app.windows()), expected=['Wenda'])

    def step_shortcuts(self):
        """"Keyboard Shortcuts" opens the shortcuts, listing "Next topic" and "Content in English"; Close closes them"""
        surface, in_main, kind = self.open_shortcuts()
        try:
            wanted = list(SHORTCUTS_EXPECTED)
            shown = self.app.wait_for(f'the shortcuts to list {wanted}', lambda: (
                lambda labels: all(w in labels for w in wanted) and labels)(
                    {text(o) for o in walk(surface) if is_role(o, R.LABEL)}))
            focused = self.app.wait_for('the focus to be in the shortcuts',
                                        lambda: focus_in(surface))
            notes = type_named_controls(surface)
        except Failure:
            self.close_shortcuts(surface, in_main)
            raise
        self.close_shortcuts(surface, in_main)
        return (f'{kind} lists {wanted} among {len(shown)} labels, focus on '
                f'{focused}; library controls named after their type: {notes}')

    def step_shortcut_keys(self):
        """the shortcuts are named "Keyboard Shortcuts" and show the keys of "Next topic" (Alt+Right) and "Content in English" (Ctrl+2)"""
        surface, in_main, kind = self.open_shortcuts()
        problems = []
        # What a screen reader says on entering them.
        if name(surface) != SHORTCUTS_TITLE:
            problems.append(f'they are {describe(surface)}, not named {SHORTCUTS_TITLE!r}')
        found = {}
        try:
            found = {line: self.app.wait_for(f'the keys of {line!r}',
                                             lambda: shortcut_keys(surface, line))
                     for line in SHORTCUTS_EXPECTED}
        except Fatal:
            raise
        except Failure as e:
            shown = {}
            for line in SHORTCUTS_EXPECTED:
                try:
                    shown[line] = shortcut_caps(surface, line)
                except Failure as inner:
                    shown[line] = str(inner)
            problems.append(f'{e}; the lines show the caps {shown}')
        self.close_shortcuts(surface, in_main)
        if problems:
            raise Failure(f'in {kind}: ' + '; '.join(problems))
        return f'{kind}: ' + '; '.join(f'{line!r} shows {caps}' for line, caps in found.items())

    def style_row(self, prefs, style):
        return find_one(prefs, R.LIST_ITEM, style)

    def checked_style(self, prefs):
        """The style choices that are checked: the radio buttons in the
        rows (GTK 4.8: check boxes)."""
        return [s for s in STYLES
                if has_state(find_one(prefs, (R.RADIO_BUTTON, R.CHECK_BOX), s),
                             pyatspi.STATE_CHECKED)]

    def step_dark(self):
        """choosing "Dark" in Preferences makes the style dark (app.color-scheme and on screen); "Follow System Style" undoes it"""
        app_id = self.args.app_id
        main_menu(self.app, 'Preferences')
        # AdwPreferencesDialog: a dialog inside the main window.
        prefs = self.app.dialog('Preferences')
        self.app.wait_for('the Preferences to show the style choices',
                          lambda: self.checked_style(prefs), expected=['Follow System Style'])
        scheme = action_state(app_id, 'color-scheme')
        if scheme != "'default'":
            raise Failure(f'app.color-scheme is {scheme} before any choice, expected \'default\'')
        main = x_window(self.app.proc.pid, 'Wenda')
        light = brightness(main)

        note = click_at(self.app, self.style_row(prefs, 'Dark'), 'Wenda')
        self.app.wait_for('"Dark" to be checked', lambda: self.checked_style(prefs),
                          expected=['Dark'])
        self.app.wait_for("app.color-scheme to be 'dark'",
                          lambda: action_state(app_id, 'color-scheme'), expected="'dark'")
        # The window is redrawn a moment later: poll the screen.
        seen = []

        def darker():
            seen.append(brightness(main))
            return seen[-1] < light - 0.3
        try:
            self.app.wait_for('the window to turn dark on screen', darker)
        except Fatal:
            raise
        except Failure as e:
            self.keep_shot(main)
            raise Failure(f'{e}; mean brightness {light:.3f} in the light style, '
                          f'{seen[-1] if seen else "?"} in the dark one')
        dark = seen[-1]

        click_at(self.app, self.style_row(prefs, 'Follow System Style'), 'Wenda')
        self.app.wait_for('"Follow System Style" to be checked',
                          lambda: self.checked_style(prefs), expected=['Follow System Style'])
        self.app.wait_for("app.color-scheme to be 'default' again",
                          lambda: action_state(app_id, 'color-scheme'), expected="'default'")
        seen.clear()

        def light_again():
            seen.append(brightness(main))
            return abs(seen[-1] - light) < 0.05
        try:
            self.app.wait_for('the window to be light again on screen', light_again)
        except Fatal:
            raise
        except Failure as e:
            self.keep_shot(main)
            raise Failure(f'{e}; mean brightness {light:.3f} before, {seen[-1]:.3f} now')

        self.app.focus()
        press(XK_ESCAPE)
        self.app.wait_dialog_closed('Preferences')
        return (f'{note}; mean brightness of the window: light {light:.3f}, '
                f'dark {dark:.3f}, back {seen[-1]:.3f}; Preferences closed with Escape')

    def close_dialog(self, title, dialog):
        """Closes a dialog in the main window whatever state it is in:
        Escape, else each of its "Close" buttons in turn (the About dialog
        has one on every subpage, and those of hidden subpages do
        nothing)."""
        try:
            self.app.focus()
            press(XK_ESCAPE)
            self.app.wait_for(f'{title!r} to close on Escape',
                              lambda: title not in self.app.dialogs(), timeout=2)
            return 'Escape'
        except Fatal:
            raise
        except Failure:
            pass
        for button in find_all(dialog, R.PUSH_BUTTON, 'Close'):
            click(button)
            try:
                self.app.wait_for(f'{title!r} to close', lambda: title not in
                                  self.app.dialogs(), timeout=1)
                return f'a Close button in {path_of(button) or "the dialog"}'
            except Fatal:
                raise
            except Failure:
                pass
        raise Failure(f'neither Escape nor a Close button closes {title!r}')

    def close_window(self, title, window):
        """Closes a window of the app's other than the main one (the
        shortcuts on libadwaita 1.7) with its Close button."""
        for button in find_all(window, R.PUSH_BUTTON, 'Close'):
            click(button)
            try:
                self.app.wait_for(f'the window {title!r} to close',
                                  lambda: title not in self.app.windows(), timeout=1)
                return f'a Close button in {path_of(button) or "the window"}'
            except Fatal:
                raise
            except Failure:
                pass
        raise Failure(f'no Close button closes the window {describe(window)}')

    def settle(self):
        """After a failed step: puts the app back as the next steps expect
        it (the main menu closed, no dialog, only the main window, the
        default style and text size), so that one failure does not fail
        the rest.  The style and size are reset through the app's exported
        actions.  Returns what it did."""
        done = []
        try:
            button = menu_button(self.app.main(), MAIN_MENU)
            if has_state(button, pyatspi.STATE_EXPANDED):
                click(mode_button_opener(button))
                done.append('closed the main menu')
            for title, window in self.app.windows().items():
                if title != 'Wenda':
                    done.append(f'closed {title!r} with {self.close_window(title, window)}')
            for title, dialog in self.app.dialogs().items():
                done.append(f'closed {title!r} with {self.close_dialog(title, dialog)}')
            if action_state(self.args.app_id, 'color-scheme') != "'default'":
                gtk_actions(self.args.app_id, 'SetState', 'color-scheme', "<'default'>", '{}')
                done.append('color-scheme reset')
            gtk_actions(self.args.app_id, 'Activate', 'zoom-reset', '[]', '{}')
            done.append('zoom-reset')
        except Exception as e:             # the next steps will say more
            done.append(f'could not settle: {e}')
        return '; '.join(done)

    def keep_shot(self, geometry):
        """Keeps a screenshot for the log on a failure."""
        try:
            self.shots = self.shots or tempfile.mkdtemp(prefix='wenda-e2e-desktop-')
            brightness(geometry, keep_in=self.shots)
            Tap.diag(f'screenshot kept in {self.shots}')
        except Failure as e:
            Tap.diag(f'no screenshot: {e}')

    def step_text_size(self):
        """Ctrl+plus twice makes the answer ~20% larger and Preferences shows 120; Ctrl+0 restores"""
        how = self.app.focus()
        label = answer_label(self.app)
        size0, height0 = text_size(label)
        sizes = [size0]
        try:
            for _ in range(2):
                press(XK_PLUS, control=True)
                sizes.append(self.app.wait_for(
                    f'the answer\'s size to grow from {sizes[-1]}',
                    lambda: text_size(label)[0] > sizes[-1] and text_size(label)[0]))
            size2, height2 = text_size(label)
            ratio = size2 / size0
            # "size" is in whole points: 14 × 1.2 = 16.8 reads 17.
            if not 1.2 - 1 / size0 <= ratio <= 1.2 + 1 / size0:
                raise Failure(f'the size went {sizes}: ×{ratio:.3f}, expected ×1.2')
            if height2 <= height0:
                raise Failure(f'the answer is {height2} px high at size {size2}, '
                              f'{height0} px at {size0}')

            main_menu(self.app, 'Preferences')
            prefs = self.app.dialog('Preferences')
            spin = text_size_spin(prefs)
            self.app.wait_for('the text size spin button to read 120',
                              lambda: (spin.queryValue().currentValue, text(spin)),
                              expected=(120.0, '120'))
            click(find_one(prefs, R.PUSH_BUTTON, 'Close'))
            self.app.wait_dialog_closed('Preferences')
        finally:
            # Whatever failed, leave the normal size for the next steps.
            if self.app.proc.poll() is None and 'Preferences' not in self.app.dialogs():
                self.app.focus()
                press(XK_0, control=True)
        self.app.wait_for(f'the answer to be back at size {size0}, {height0} px high',
                          lambda: text_size(label), expected=(size0, height0))
        return (f'sizes {sizes} (×{ratio:.3f}), heights {height0} → {height2} px; '
                f'Preferences read 120; Ctrl+0 back to {size0}'
                + ('' if how is True else f'; {how}'))

    def step_single_instance(self):
        """a second `wenda 12` hands over to the running app, exits 0, and the one window shows №12"""
        before = shown_number(self.app)
        if before == TOPIC:
            raise Failure(f'the window already shows №{TOPIC}; the step would prove nothing')
        code, out, err = self.app.launch(str(TOPIC))
        if code != 0:
            raise Failure(f'`wenda {TOPIC}` exited with status {code} '
                          f'({describe_status(code)}); stderr {err!r}')
        self.app.wait_for(f'the window to show №{TOPIC}',
                          lambda: shown_number(self.app), expected=TOPIC)
        prog = self.args.app.name
        apps = [a for a in children(pyatspi.Registry.getDesktop(0)) if name(a) == prog]
        pids = []
        for a in apps:
            try:
                pids.append(a.get_process_id())
            except Exception:
                pids.append(None)
        if pids != [self.app.proc.pid]:
            raise Failure(f'applications named {prog!r} in the tree: pids {pids}, '
                          f'expected only {self.app.proc.pid}')
        windows = sorted(self.app.windows())
        if windows != ['Wenda']:
            raise Failure(f'the app has the windows {windows}, expected one, "Wenda"')
        self.app.check_alive()
        return (f'second launch exited 0 (stderr {err.strip()!r}); '
                f'№{before} → №{TOPIC} in the one window')

    def import_file(self, bank):
        """`wenda BANK` in the running app, then Import in its dialog."""
        code, out, err = self.app.launch(str(bank))
        if code != 0:
            raise Failure(f'`wenda {bank.name}` exited with status {code} '
                          f'({describe_status(code)}); stderr {err!r}')

        # The import dialog shows what the file holds; Import saves it.
        def import_button():
            found = [o for o in find_all(self.app.main(), R.PUSH_BUTTON, 'Import')
                     if has_state(o, pyatspi.STATE_SENSITIVE)]
            return found[0] if found else None
        click(self.app.wait_for('the import dialog\'s Import button', import_button))

    def step_open_file(self):
        """`wenda FILE` imports a Markdown bank into the running app; the header's chooser shows it"""
        self.import_file(SOURCE_ROOT / 'tests' / 'fixtures' / 'banks' / 'interview.md')

        def chooser_text():
            # GTK 4.8 named the chooser by its accessible label; GTK 4.18
            # and 4.24 name a GtkDropDown after the item it shows (it is
            # LABELLED_BY its button's content), and its tooltip, "Question
            # Bank", is its description.
            found = [o for o in find_all(self.app.main(), R.COMBO_BOX)
                     if 'question bank' in (name(o).lower(), description(o).lower())]
            if len(found) != 1:
                raise Failure(f'{len(found)} combo boxes named or described "Question bank", '
                              f'expected one; combo boxes: '
                              f'{[(describe(o), description(o)) for o in find_all(self.app.main(), R.COMBO_BOX)]}')
            return [text(o) for o in walk(found[0]) if is_role(o, R.LABEL)]

        labels = self.app.wait_for('the chooser to show "我的面试题"',
                                   lambda: '我的面试题' in chooser_text() and chooser_text())
        self.app.wait_for('the reading pane to show the bank\'s first question',
                          lambda: any(text(o) == '什么是过拟合（Overfitting）？'
                                      for o in walk(self.app.main())))
        return f'chooser labels {labels}'

    def second_launch_shows(self, topic, over):
        """Runs `wenda TOPIC` while @over is open, and waits for the main
        window to show the topic."""
        code, out, err = self.app.launch(str(topic))
        self.app.check_alive()
        if code != 0:
            raise Failure(f'`wenda {topic}` over {over} exited with status {code} '
                          f'({describe_status(code)}); stderr {err!r}')
        self.app.wait_for(f'the main window to show №{topic} under {over}',
                          lambda: shown_number(self.app), expected=topic)
        return f'`wenda {topic}` over {over} exited 0, the main window shows №{topic}'

    def step_single_instance_over_dialogs(self):
        """with Preferences open (and a shortcuts window, where they are one, the active window), a second `wenda N` still opens topic N in the main window"""
        # A regression test: the primary instance used to take
        # gtk_application_get_active_window () for its main window, then
        # the Preferences window, and crashed.  Preferences is a dialog in
        # the main window now; on libadwaita 1.7 the shortcuts are still a
        # window of their own, which is then the active one.
        notes = []
        try:
            main_menu(self.app, 'Preferences')
            prefs = self.app.dialog('Preferences')
            self.app.wait_for('the focus to be in Preferences', lambda: focus_in(prefs))
            notes.append(self.second_launch_shows(5, 'the Preferences dialog'))
            if 'Preferences' in self.app.dialogs():
                self.app.focus()
                press(XK_ESCAPE)
                self.app.wait_dialog_closed('Preferences')
                notes.append('Preferences stayed open; closed with Escape')
            surface, in_main, kind = self.open_shortcuts()
            if in_main:
                notes.append(f'the shortcuts are {kind}: no other window to be active')
            else:
                notes.append(self.second_launch_shows(7, f'the shortcuts window ({kind})'))
                if not has_state(surface, pyatspi.STATE_ACTIVE):
                    notes.append('the main window came up over the shortcuts window')
            self.close_shortcuts(surface, in_main)
        except Fatal as e:
            # The app is gone; later steps do not need it.
            raise Failure(str(e))
        return '; '.join(notes)

    def step_rich_roles(self):
        """a rich topic exposes its real roles: a table with rows, cells and column headers, an image named by its alt text, code named by its language"""
        self.import_file(SOURCE_ROOT / 'tests' / 'fixtures' / 'rich' / 'rich.md')
        self.app.wait_for('the reading pane to show the rich bank\'s first question',
                          lambda: any(text(o) == 'Transformer 的注意力怎么算？'
                                      for o in walk(self.app.main())))

        # GTK 4.18 maps GTK_ACCESSIBLE_ROLE_TABLE, _ROW and _CELL to these
        # AT-SPI roles, and _IMG to IMAGE.
        def table():
            found = find_all(self.app.main(), pyatspi.ROLE_TABLE)
            return found[0] if len(found) == 1 else None
        t = self.app.wait_for('one table in the reading pane', table)
        rows = [c for c in children(t) if is_role(c, pyatspi.ROLE_TABLE_ROW)]
        if len(rows) != 4:
            raise Failure(f'the table has {len(rows)} rows, not 4: '
                          f'{[role_name(c) for c in children(t)]}')
        # GTK 4.18 gives GTK_ACCESSIBLE_ROLE_COLUMN_HEADER no AT-SPI role
        # (gtkatspiutils.c: a FILLER, outside the table's cells), so a
        # header is a TABLE_CELL described as "Column header".
        headers = [name(c) for c in children(rows[0]) if is_role(c, pyatspi.ROLE_TABLE_CELL)
                   and description(c) == 'Column header']
        if headers != ['符号', '含义', '形状']:
            raise Failure(f'the header row\'s column headers are {headers}: '
                          f'{[(role_name(c), name(c), description(c)) for c in children(rows[0])]}')
        cells = [name(c) for c in children(rows[1]) if is_role(c, pyatspi.ROLE_TABLE_CELL)]
        if len(cells) != 3 or cells[1] != '查询 query':
            raise Failure(f'the first body row\'s cells are {cells}')

        images = [o for o in find_all(self.app.main(), pyatspi.ROLE_IMAGE)
                  if name(o) == '注意力示意图']
        if not images:
            raise Failure('no image named "注意力示意图"; images: '
                          f'{[name(o) for o in find_all(self.app.main(), pyatspi.ROLE_IMAGE)]}')
        code_views = [o for o in walk(self.app.main())
                      if name(o) == 'Python' and not is_role(o, R.LABEL)]
        if not code_views:
            raise Failure('no code named "Python"')
        return (f'table of 4 rows, headers {headers}, cells {cells}; image "{name(images[0])}"; '
                f'code "{name(code_views[0])}" ({role_name(code_views[0])})')

    def step_help(self):
        """`wenda --help` with no display exits 0 and describes --language"""
        env = self.app.env()
        for var in ('DISPLAY', 'WAYLAND_DISPLAY'):
            env.pop(var, None)
        try:
            out = subprocess.run([str(self.args.app), '--help'], env=env,
                                 stdin=subprocess.DEVNULL, capture_output=True,
                                 text=True, timeout=self.args.timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f'`wenda --help` still runs after {self.args.timeout} s')
        if out.returncode != 0:
            raise Failure(f'`wenda --help` exited with status {out.returncode} '
                          f'({describe_status(out.returncode)}); stderr {out.stderr!r}')
        lines = [line for line in out.stdout.splitlines() if '--language' in line]
        if not lines:
            raise Failure(f'`wenda --help` does not list --language:\n{out.stdout}')
        described = [w for w in ('zh', 'en', 'both', 'Chinese', 'English')
                     if re.search(rf'\b{w}\b', lines[0])]
        if len(described) < 5:
            raise Failure(f'the --language line does not name zh (Chinese), en '
                          f'(English) and both: {lines[0].strip()!r}')
        return lines[0].strip()

    STEPS = ('step_start', 'step_about', 'step_shortcuts', 'step_shortcut_keys', 'step_dark',
             'step_text_size', 'step_single_instance',
             'step_single_instance_over_dialogs', 'step_open_file', 'step_rich_roles', 'step_help')

    # Steps that fail because of a known bug in the app, {step: the bug}:
    # reported as TAP "# TODO" (meson: an expected fail; once the bug is
    # fixed, an unexpected pass, a failure: then remove the entry).
    KNOWN_BUGS = {}

    # The same, for the app built with libadwaita before 1.8, whose
    # shortcuts are the GtkShortcutsWindow of src/wenda-compat.c.
    KNOWN_BUGS_ADW_1_7 = {}

    def known_bugs(self):
        bugs = dict(self.KNOWN_BUGS)
        if self.shortcuts_are_dialog() is False:
            bugs.update(self.KNOWN_BUGS_ADW_1_7)
        return bugs

    def run(self):
        tap = TodoTap(len(self.STEPS))
        dumped = False
        known_bugs = self.known_bugs()
        try:
            for step_name in self.STEPS:
                step = getattr(self, step_name)
                title = step.__doc__.strip()
                todo = known_bugs.get(step_name)
                if todo:
                    title = f'{title} # TODO {todo}'
                started = time.monotonic()
                try:
                    note = step()
                except Skip as e:
                    tap.result(True, title, skip=str(e))
                    continue
                except Exception as e:
                    detail = str(e) if isinstance(e, Failure) else traceback.format_exc()
                    tap.result(False, title, detail, todo=bool(todo))
                    alive = self.app.acc is not None and self.app.proc.poll() is None
                    if alive and not dumped:
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
                    if alive:
                        Tap.diag(f'after the failure: {self.settle()}')
                    continue
                took = f'({time.monotonic() - started:.1f} s)'
                tap.result(True, title, f'{note} {took}' if note else took)
        finally:
            self.app.stop()
        return 1 if tap.failed else 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--app', type=pathlib.Path, required=True,
                        help='the built app (BUILDDIR/src/wenda/wenda)')
    parser.add_argument('--app-id', default='io.github.wenda.Wenda',
                        help='its application id, for its D-Bus object path '
                             '(default: %(default)s)')
    parser.add_argument('--version', default='0.1.0',
                        help='the version the About window shows (default: %(default)s)')
    parser.add_argument('--adw-version',
                        help='the libadwaita the app is built with: from 1.8 on the '
                             'shortcuts are a dialog in the main window, before a window '
                             'of their own (default: either)')
    parser.add_argument('--timeout', type=float, default=10,
                        help='seconds to wait for each change (default: %(default)s)')
    parser.add_argument('--start-timeout', type=float, default=30,
                        help='seconds to wait for the app to appear (default: %(default)s)')
    return parser.parse_args(argv)


def main(argv):
    global pyatspi
    args = parse_args(argv)
    # meson passes the app relative to the test's workdir; the app runs in
    # a temporary directory, so make the path absolute first.
    args.app = args.app.resolve()

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
        import pyatspi as module
    except ImportError as e:
        print(f'Bail out! cannot import pyatspi ({e}); install python3-pyatspi '
              f'and run with /usr/bin/python3', flush=True)
        return 1
    pyatspi = module
    test_reader.pyatspi = module

    # meson sends SIGTERM on a timeout: end the app on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    return Desktop(args).run()


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
