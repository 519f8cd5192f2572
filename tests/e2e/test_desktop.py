#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the desktop parts: the main menu, About, the keyboard
shortcuts window, Preferences (dark style, text size), the single instance
and --help.

Launches the built app and drives it through AT-SPI as a user would
(test_reader.py's approach and helpers):

  1. the main menu's "About Wenda" opens an About window (or dialog) that
     shows "Wenda" and the version; Escape closes it;
  2. "Keyboard Shortcuts" opens the shortcuts window, which lists "Next
     topic" and "Content in English"; its Close button closes it;
  3. Preferences: a click on the "Dark" row sets app.color-scheme to 'dark'
     (read from outside with org.gtk.Actions.Describe on the app's object
     path, as GtkApplication exports its actions) and the window becomes
     much darker on screen; "Follow System Style" brings both back;
  4. Ctrl+plus twice makes the answer ~20% larger (its "size" text
     attribute and its height), Preferences shows 120, Ctrl+0 restores;
  5. a second `wenda 12` hands its command line to the running instance and
     exits 0; there is still one app with one window, now at №12;
  6. the same, `wenda 5`, while Preferences is open (the app once took its
     active window for the main window: "invalid cast from
     'AdwPreferencesWindow' to 'WendaWindow'", then a crash);
  7. a second `wenda FILE` imports a Markdown bank into the running app,
     and the header's bank chooser shows it;
  8. `wenda --help`, with no display, exits 0 and describes --language.

After a failed step the test puts the app back as the next steps expect it
(closes the menu and the dialogs, resets the style and the text size through
the app's exported actions), so that one failure does not fail the rest.

Output is TAP on stdout (meson: protocol 'tap'); the app's own output goes
to stderr.  Run it alone, from the source root, under Xvfb (shared/TESTING.md):

    dbus-run-session -- /usr/bin/python3 tests/e2e/test_desktop.py --app BUILDDIR/src/wenda

or `meson test -C BUILDDIR --suite e2e -v`.  Needs DISPLAY and a session bus
(else it skips), pyatspi (Debian's python3-pyatspi, /usr/bin/python3),
gdbus, xdotool (the keyboard and the pointer, and the windows' places on
screen: GTK reports positions relative to the window only) and ImageMagick's
import and convert (the screenshots).

What GTK 4.18 / libadwaita 1.7 (Debian 13) and GTK 4.24 / libadwaita 1.10
(sid) expose, found with this test (roles compared as Atspi.Role values, see
test_reader.py):
  * Every window of the app is a child of the application: the main window
    a FRAME "Wenda", an AdwPreferencesWindow a FRAME "Preferences", a
    GtkShortcutsWindow a PANEL named by its title (nothing if it has
    none).  An AdwDialog (AdwAboutDialog, AdwPreferencesDialog,
    AdwShortcutsDialog) is no window of its own: it is a DIALOG inside the
    window it was presented on, named by its title ("About"), and takes
    its keys through that window's X window.  Windows and dialogs are in
    the tree only while they are open; the test looks for both
    (Desktop.windows).
  * The main menu is like the reading-language menu (see test_reader.py): an
    outer PUSH_BUTTON "Main menu" with no actions, a TOGGLE_BUTTON with the
    same name inside it with "click"; the items are MENU_ITEMs, spoken as
    their labels without the mnemonic ("About Wenda"), only while the
    popover is open.
  * The About dialog shows the name as a label "Wenda" and the version as
    a label "0.1.0" inside a button named "0.1.0"; Escape closes it.
  * The Preferences style choices are RADIO_BUTTONs ("Dark"; GTK 4.8: check
    boxes) inside LIST_ITEM rows of the same name.  The test clicks the row
    with the pointer, as a user does.  The text size is a SPIN_BUTTON named
    "Text Size" (the row's title; GTK 4.8: "Text size, in percent Text
    Size") with the Value interface.
  * The bank chooser (a GtkDropDown) is a COMBO_BOX named after the bank it
    shows, not by its accessible label "Question bank" (GTK 4.8 used the
    label).
  * Text attributes: "size" (a whole number, truncated: 14, 16, 17 for
    100%, 110%, 120%) follows the CSS font size; there is no "fg-color" or
    "bg-color", so the dark style is checked on a screenshot.  getExtents
    gives positions relative to the window's X window whatever the
    coordinate type.
  * Registry.generateKeyboardEvent and generateMouseEvent do nothing here
    (at-spi2-core 2.56 and 2.62), so keys and clicks go through xdotool
    (XTEST), as in the UI tests.  With no window manager a window closing
    does not hand the focus back, so before keys the test makes the window
    (or the dialog's window) active with xdotool windowfocus if it is not,
    and waits until it is.
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
                         describe, describe_status, dump, find_all, find_one, is_role,
                         has_state, menu_button, menu_items, mode_button_opener, name, path_of,
                         text, walk)

TOPIC = 12                 # the topic the second launch asks for
MAIN_MENU = 'Main menu'
SHORTCUTS_EXPECTED = ('Next topic', 'Content in English')
STYLES = ('Follow System Style', 'Light', 'Dark')

# Names GTK gives a widget that has no label (test_reader.FALLBACK_NAME).
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
# The keyboard and the pointer (XTEST, through xdotool)

def press(keys):
    """Presses and releases @keys (xdotool key names: "Escape",
    "ctrl+plus") on the keyboard, for the window that has the X focus.
    (Registry.generateKeyboardEvent and generateMouseEvent do nothing in
    at-spi2-core 2.56 and 2.62 here.)  The caller waits for what the keys
    do."""
    run(['xdotool', 'key', '--clearmodifiers', keys])


def click_at(app, obj):
    """Clicks the middle of obj with the pointer.  GTK gives positions
    relative to the window (screen coordinates are not supported), the
    window obj is in (a dialog's is the window it was presented on);
    xdotool says where the window is."""
    ext = obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if ext.width <= 0 or ext.height <= 0:
        raise Failure(f'{describe(obj)} has no size on screen: {ext}')
    window = x_window(app.proc.pid, name(app.host(obj)))
    x = window['X'] + ext.x + ext.width // 2
    y = window['Y'] + ext.y + ext.height // 2
    # (No --sync: it waits forever when the pointer is already there.)
    run(['xdotool', 'mousemove', str(x), str(y), 'click', '1'])
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
        """The app's open windows and dialogs, {title: object}: each
        window of the application (a "frame", or a GtkShortcutsWindow, a
        "panel"), and each "dialog" in one (an AdwDialog lives in the
        window it was presented on).  A title that appears twice is a
        failure."""
        found = {}
        for child in children(self.acc):
            for obj in [child] + [o for o in walk(child)
                                  if o is not child and is_role(o, (R.DIALOG, R.ALERT))]:
                title = name(obj)
                if title in found:
                    raise Failure(f'two windows named {title!r}')
                found[title] = obj
        return found

    def window(self, title):
        return self.wait_for(f'a window {title!r}', lambda: self.windows().get(title))

    def wait_closed(self, title):
        self.wait_for(f'the window {title!r} to close',
                      lambda: title not in self.windows())

    def host(self, obj):
        """The application's window that obj is in: its X window is the
        one that takes the keys and clicks (an AdwDialog has none of its
        own)."""
        node = obj
        for _ in range(80):
            parent = node.parent
            if parent is None or is_role(parent, R.APPLICATION):
                return node
            node = parent
        raise Failure(f'{describe(obj)} is in no window of the application')

    def focus(self, title):
        """Makes the window (or the window of the dialog) the one keys go
        to.  A user would click it; here the X focus is set with xdotool
        if the window is not active.  (With no window manager a window
        that closes does not hand the focus back.)"""
        frame = self.host(self.window(title))
        if has_state(frame, pyatspi.STATE_ACTIVE):
            return True
        window = x_window(self.proc.pid, name(frame))
        run(['xdotool', 'windowfocus', '--sync', str(window['WINDOW'])])
        self.wait_for(f'{name(frame)!r} to be active after xdotool windowfocus',
                      lambda: has_state(frame, pyatspi.STATE_ACTIVE))
        return 'focused with xdotool'


def main_menu(app, item_label):
    """Opens the main menu with its button and clicks the item."""
    button = menu_button(app.window('Wenda'), MAIN_MENU)
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
    """The reading pane's answer: the label the "Answer" heading labels."""
    for o in walk(app.window('Wenda')):
        if not is_role(o, R.LABEL):
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
                    return o
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
    """The text size spin button.  GTK 4.18 names it after its row's title
    ("Text Size", the labelled-by relation), GTK 4.8 after its accessible
    label and the title ("Text size, in percent Text Size")."""
    found = [o for o in walk(prefs) if is_role(o, R.SPIN_BUTTON)
             and name(o).lower().startswith('text size')]
    if len(found) != 1:
        raise Failure(f'{len(found)} spin buttons named "Text size…", expected one')
    return found[0]


def shown_number(app):
    for o in walk(app.window('Wenda')):
        if is_role(o, R.LABEL):
            m = re.fullmatch(r'№\s*(\d+)', text(o).strip())
            if m:
                return int(m.group(1))
    raise Failure('no "№N" label in the window')


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
        self.app.window('Wenda')
        self.app.wait_for('a topic in the reading pane', lambda: shown_number(self.app))
        return f'application {name(acc)!r}, pid {self.app.proc.pid}'

    def step_about(self):
        """"About Wenda" in the main menu opens an About window with the name and version; Escape closes it"""
        offered = main_menu(self.app, 'About Wenda')
        about = self.app.window('About')
        version = self.args.version

        def labels():
            return [text(o) for o in walk(about) if is_role(o, (R.LABEL, R.HEADING))]
        try:
            self.app.wait_for(f'the About window to show "Wenda" and {version!r}',
                              lambda: 'Wenda' in labels() and version in labels())
        except Failure as e:
            raise Failure(f'{e}; its labels: {labels()[:30]}')
        notes = type_named_controls(about)
        how = self.app.focus('About')
        press('Escape')
        self.app.wait_closed('About')
        return (f'menu {offered}; About shows "Wenda" {version}; closed with Escape'
                + ('' if how is True else f' ({how})')
                + f'; library controls named after their type: {notes}')

    def step_shortcuts(self):
        """"Keyboard Shortcuts" opens the shortcuts window listing "Next topic" and "Content in English"; Close closes it"""
        main_menu(self.app, 'Keyboard Shortcuts')
        # A window (GtkShortcutsWindow: libadwaita 1.7) or a dialog in the
        # main window (AdwShortcutsDialog: 1.8), untitled in GTK 4.18 when
        # the app gives it no title.
        title, window = self.app.wait_for('the shortcuts window', lambda: next(
            ((t, w) for t, w in self.app.windows().items()
             if t != 'Wenda' and any(is_role(o, R.LABEL) and text(o) == SHORTCUTS_EXPECTED[0]
                                     for o in walk(w))), None))
        shown = {text(o) for o in walk(window) if is_role(o, R.LABEL)}
        missing = [s for s in SHORTCUTS_EXPECTED if s not in shown]
        if missing:
            raise Failure(f'the shortcuts window does not list {missing}')
        notes = type_named_controls(window)
        click(find_one(window, R.BUTTONS, 'Close'))
        self.app.wait_closed(title)
        return (f'window {title!r} lists {list(SHORTCUTS_EXPECTED)}; '
                f'library controls named after their type: {notes}')

    def style_row(self, prefs, style):
        return find_one(prefs, R.LIST_ITEM, style)

    def checked_style(self, prefs):
        return [s for s in STYLES
                if has_state(find_one(prefs, (R.RADIO_BUTTON, R.CHECK_BOX), s),
                             pyatspi.STATE_CHECKED)]

    def step_dark(self):
        """choosing "Dark" in Preferences makes the style dark (app.color-scheme and on screen); "Follow System Style" undoes it"""
        app_id = self.args.app_id
        main_menu(self.app, 'Preferences')
        prefs = self.app.window('Preferences')
        self.app.wait_for('the Preferences to show the style choices',
                          lambda: self.checked_style(prefs), expected=['Follow System Style'])
        scheme = action_state(app_id, 'color-scheme')
        if scheme != "'default'":
            raise Failure(f'app.color-scheme is {scheme} before any choice, expected \'default\'')
        main = x_window(self.app.proc.pid, 'Wenda')
        light = brightness(main)

        note = click_at(self.app, self.style_row(prefs, 'Dark'))
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

        click_at(self.app, self.style_row(prefs, 'Follow System Style'))
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

        self.app.focus('Preferences')
        press('Escape')
        self.app.wait_closed('Preferences')
        return (f'{note}; mean brightness of the window: light {light:.3f}, '
                f'dark {dark:.3f}, back {seen[-1]:.3f}; Preferences closed with Escape')

    def close_window(self, title, window):
        """Closes a window or dialog as a user would: its Close button if
        it has one (AdwDialog and AdwPreferencesWindow have one, in their
        header bar), else Escape; then waits until it is gone."""
        buttons = find_all(window, R.BUTTONS, 'Close')
        if len(buttons) == 1:
            click(buttons[0])
            how = f'its Close button ({path_of(buttons[0]) or "the window"})'
        else:
            self.app.focus(title)
            press('Escape')
            how = f'Escape ({len(buttons)} Close buttons)'
        self.app.wait_closed(title)
        return how

    def settle(self):
        """After a failed step: puts the app back as the next steps expect
        it (the main menu closed, only the main window, the default style
        and text size), so that one failure does not fail the rest.  The
        style and size are reset through the app's exported actions.
        Returns what it did."""
        done = []
        try:
            main = self.app.window('Wenda')
            button = menu_button(main, MAIN_MENU)
            if has_state(button, pyatspi.STATE_EXPANDED):
                click(mode_button_opener(button))
                done.append('closed the main menu')
            for title, window in self.app.windows().items():
                if title == 'Wenda':
                    continue
                done.append(f'closed {title!r} with {self.close_window(title, window)}')
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
        how = self.app.focus('Wenda')
        label = answer_label(self.app)
        size0, height0 = text_size(label)
        sizes = [size0]
        try:
            for _ in range(2):
                press('ctrl+plus')
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
            prefs = self.app.window('Preferences')
            spin = text_size_spin(prefs)
            self.app.wait_for('the text size spin button to read 120',
                              lambda: (spin.queryValue().currentValue, text(spin)),
                              expected=(120.0, '120'))
            click(find_one(prefs, R.BUTTONS, 'Close'))
            self.app.wait_closed('Preferences')
        finally:
            # Whatever failed, leave the normal size for the next steps.
            if self.app.proc.poll() is None and 'Preferences' not in self.app.windows():
                self.app.focus('Wenda')
                press('ctrl+0')
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

    def step_open_file(self):
        """`wenda FILE` imports a Markdown bank into the running app; the header's chooser shows it"""
        bank = SOURCE_ROOT / 'tests' / 'fixtures' / 'banks' / 'interview.md'
        code, out, err = self.app.launch(str(bank))
        if code != 0:
            raise Failure(f'`wenda {bank.name}` exited with status {code} '
                          f'({describe_status(code)}); stderr {err!r}')

        def chooser():
            # GTK 4.8 named the GtkDropDown by its accessible label,
            # "Question bank"; GTK 4.18 and 4.24 name the combo box after
            # the bank it shows (its label, through LABELLED_BY).  It is
            # the window's one combo box.
            found = find_all(self.app.window('Wenda'), R.COMBO_BOX)
            if len(found) != 1:
                raise Failure(f'{len(found)} combo boxes in the window, expected one '
                              f'(the bank chooser)')
            return found[0]

        def chooser_text():
            return [text(o) for o in walk(chooser()) if is_role(o, R.LABEL)]

        labels = self.app.wait_for('the chooser to show "我的面试题"',
                                   lambda: '我的面试题' in chooser_text() and chooser_text())
        self.app.wait_for('the reading pane to show the bank\'s first question',
                          lambda: any(text(o) == '什么是过拟合（Overfitting）？'
                                      for o in walk(self.app.window('Wenda'))))
        return f'chooser {describe(chooser())}, labels {labels}'

    def step_single_instance_over_preferences(self):
        """with Preferences the active window, a second `wenda 5` still opens topic 5 in the main window"""
        # A regression test: the primary instance used to take
        # gtk_application_get_active_window () for its main window, here
        # the Preferences window, and crashed.
        topic = 5
        try:
            main_menu(self.app, 'Preferences')
            self.app.window('Preferences')
            self.app.focus('Preferences')
            code, out, err = self.app.launch(str(topic))
            self.app.check_alive()
            if code != 0:
                raise Failure(f'`wenda {topic}` exited with status {code} '
                              f'({describe_status(code)}); stderr {err!r}')
            self.app.wait_for(f'the main window to show №{topic}',
                              lambda: shown_number(self.app), expected=topic)
            if 'Preferences' in self.app.windows():
                self.app.focus('Preferences')
                press('Escape')
                self.app.wait_closed('Preferences')
        except Fatal as e:
            # The app is gone; later steps do not need it.
            raise Failure(str(e))
        return f'`wenda {topic}` exited 0; the main window shows №{topic}'

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

    STEPS = ('step_start', 'step_about', 'step_shortcuts', 'step_dark',
             'step_text_size', 'step_single_instance',
             'step_single_instance_over_preferences', 'step_open_file', 'step_help')

    # Steps that fail because of a known bug in the app, {step: the bug}:
    # reported as TAP "# TODO" (meson: an expected fail; once the bug is
    # fixed, an unexpected pass, a failure: then remove the entry).
    KNOWN_BUGS = {}

    def run(self):
        tap = TodoTap(len(self.STEPS))
        dumped = False
        try:
            for step_name in self.STEPS:
                step = getattr(self, step_name)
                title = step.__doc__.strip()
                todo = self.KNOWN_BUGS.get(step_name)
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
                        help='the built app (BUILDDIR/src/wenda)')
    parser.add_argument('--app-id', default='io.github.wenda.Wenda',
                        help='its application id, for its D-Bus object path '
                             '(default: %(default)s)')
    parser.add_argument('--version', default='0.1.0',
                        help='the version the About window shows (default: %(default)s)')
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
