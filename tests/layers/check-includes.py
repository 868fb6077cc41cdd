#!/usr/bin/python3
"""Checks the layer rule of docs/ARCHITECTURE.md («Layers and targets») on the
#include lines of the source tree:

  - ui/ and app/gui/ include nothing from model/store (``store/...``), no
    OpenSSL header (``<openssl/...>``) and no SQLite/SQLCipher header
    (``sqlite3.h``, ``sqlcipher/...``): the console reaches the store through
    the engine only;
  - model/ includes no QtWidgets header (``<QWidget>``, ``<QDialog>``,
    ``<QtWidgets/...>``, any class header of the QtWidgets module);
  - ui/ includes nothing from app/ (``app/...`` or an app target's folder such
    as ``api/...``): app/ uses ui/, never the other way round.

Usage: check-includes.py SOURCE_DIR [--qt-widgets-dir DIR]
       check-includes.py --self-test

Prints one line per violation, "path:line: what" (path relative to
SOURCE_DIR), and exits 1 when there is any; 0 when the tree is clean.
--qt-widgets-dir names Qt's QtWidgets include directory, whose headers are
the widget headers; without it a built-in list of the common ones is used.
--self-test builds temporary trees with one bad include of each kind and a
clean one, and checks that each bad one fails naming its file and line and
that the clean one passes (so this check cannot silently pass everything).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc", ".cxx", ".inl")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

# Used when Qt's QtWidgets include directory is not given.
COMMON_WIDGET_HEADERS = {
    "QAbstractButton", "QAbstractItemView", "QAbstractScrollArea", "QApplication",
    "QBoxLayout", "QButtonGroup", "QCheckBox", "QComboBox", "QDialog", "QDialogButtonBox",
    "QDockWidget", "QFileDialog", "QFormLayout", "QFrame", "QGridLayout", "QGroupBox",
    "QHBoxLayout", "QHeaderView", "QInputDialog", "QLabel", "QLayout", "QLineEdit",
    "QListView", "QListWidget", "QMainWindow", "QMenu", "QMenuBar", "QMessageBox",
    "QPlainTextEdit", "QProgressBar", "QProgressDialog", "QPushButton", "QRadioButton",
    "QScrollArea", "QSizePolicy", "QSpinBox", "QSplitter", "QStackedWidget", "QStatusBar",
    "QStyle", "QStyledItemDelegate", "QSystemTrayIcon", "QTabWidget", "QTableView",
    "QTableWidget", "QTextEdit", "QToolBar", "QToolButton", "QTreeView", "QTreeWidget",
    "QVBoxLayout", "QWidget", "QtWidgets",
}


def widget_headers(qt_widgets_dir):
    if not qt_widgets_dir or not os.path.isdir(qt_widgets_dir):
        return set(COMMON_WIDGET_HEADERS)
    names = {name for name in os.listdir(qt_widgets_dir)
             if name.startswith("Q") and "." not in name}
    return names | {"QtWidgets"}


def app_folders(root):
    """The folders of app/ (api, cli, gui): app targets are included by them."""
    app = os.path.join(root, "app")
    if not os.path.isdir(app):
        return set()
    return {name for name in os.listdir(app) if os.path.isdir(os.path.join(app, name))}


def includes(path):
    """(line number, '<' or '"', included name) of each #include outside comments."""
    found = []
    in_block_comment = False
    with open(path, encoding="utf-8", errors="replace") as source:
        for number, line in enumerate(source, start=1):
            if in_block_comment:
                end = line.find("*/")
                if end < 0:
                    continue
                line = line[end + 2:]
                in_block_comment = False
            start = line.find("/*")
            if start >= 0 and "*/" not in line[start + 2:]:
                in_block_comment = True
                line = line[:start]
            match = INCLUDE.match(line)
            if match:
                found.append((number, match.group(1), match.group(2).strip()))
    return found


def store_or_database_header(name):
    name = name.replace("\\", "/")
    if name.startswith("store/") or "/store/" in name:
        return "a model/store header (ui/ reaches the store through the engine)"
    if name.startswith("openssl/"):
        return "an OpenSSL header (OpenSSL is private to model/crypto)"
    base = name.rsplit("/", 1)[-1]
    if base == "sqlite3.h" or "sqlcipher" in name.lower():
        return "a SQLite/SQLCipher header (private to model/store and model/audit)"
    return None


def widget_header(name, widgets):
    name = name.replace("\\", "/")
    if name.startswith("QtWidgets/") or name == "QtWidgets":
        return True
    return "/" not in name and name in widgets


def app_header(name, folders):
    name = name.replace("\\", "/").lstrip("./")
    first = name.split("/", 1)[0]
    if name.startswith("app/") or "/app/" in name:
        return True
    return "/" in name and first in folders


def under(relative, folder):
    return relative == folder or relative.startswith(folder + "/")


def check(root, qt_widgets_dir=None):
    widgets = widget_headers(qt_widgets_dir)
    folders = app_folders(root)
    problems = []
    for top in ("ui", "app", "model"):
        base = os.path.join(root, top)
        for directory, subdirs, files in os.walk(base):
            subdirs.sort()
            for file in sorted(files):
                if not file.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(directory, file)
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                for number, _, name in includes(path):
                    where = "%s:%d" % (relative, number)
                    if under(relative, "ui") or under(relative, "app/gui"):
                        reason = store_or_database_header(name)
                        if reason:
                            problems.append("%s: includes %s: %s" % (where, name, reason))
                    if under(relative, "model") and widget_header(name, widgets):
                        problems.append("%s: includes %s: model/ uses no QtWidgets header"
                                        % (where, name))
                    if under(relative, "ui") and app_header(name, folders):
                        problems.append("%s: includes %s: ui/ never includes app/ (app/ uses "
                                        "ui/)" % (where, name))
    return problems


# --- self-test -------------------------------------------------------------------

CLEAN_TREE = {
    "ui/Dialog.cpp": '#include "ui/Dialog.h"\n#include "engine/StoreSetup.h"\n'
                     '#include "core/SecretBytes.h"\n#include <QDialog>\n',
    "ui/Dialog.h": "#pragma once\n// #include \"store/Store.h\" (a comment, not an include)\n"
                   "/* #include <openssl/evp.h>\n   #include <sqlite3.h> */\n#include <QWidget>\n",
    "app/gui/main.cpp": '#include "ui/Console.h"\n#include "api/ApiServer.h"\n#include <QApplication>\n',
    "app/api/ApiServer.h": "#pragma once\n",
    "app/cli/StoreSession.cpp": '#include "store/Store.h"\n',
    "model/store/Store.cpp": '#include "store/Store.h"\n#include <sqlite3.h>\n',
    "model/crypto/Aead.cpp": "#include <openssl/evp.h>\n",
    "model/items/TokenTreeModel.cpp": "#include <QAbstractItemModel>\n#include <QColor>\n",
}

# (file, text, the line the check must name)
BAD_INCLUDES = [
    ("ui/Session.cpp", '#include "ui/Session.h"\n\n#include "store/Store.h"\n', 3),
    ("ui/UnlockDialog.h", "#pragma once\n#include <openssl/crypto.h>\n", 2),
    ("ui/Probe.cpp", "#include <QString>\n#include <sqlite3.h>\n", 2),
    ("ui/Raw.cpp", '#include <sqlcipher/sqlite3.h>\n', 1),
    ("app/gui/main.cpp", '#include "ui/Console.h"\n#include "store/StoreKey.h"\n', 2),
    ("app/gui/Crypto.cpp", "#  include <openssl/evp.h>\n", 1),
    ("model/engine/Prompt.cpp", '#include "engine/Prompt.h"\n#include <QDialog>\n', 2),
    ("model/items/View.h", "#pragma once\n\n#include <QtWidgets/QTreeView>\n", 3),
    ("model/reports/Chart.cpp", "#include <QWidget>\n", 1),
    ("ui/Server.cpp", '#include "ui/Server.h"\n#include "app/api/ApiServer.h"\n', 2),
    ("ui/Server2.cpp", '#include "api/ApiServer.h"\n', 1),
]


def write_tree(root, files):
    for relative, text in files.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


def run_check(root):
    result = subprocess.run([sys.executable, os.path.abspath(__file__), root],
                            capture_output=True, text=True)
    return result.returncode, result.stdout


def self_test():
    failures = []
    with tempfile.TemporaryDirectory() as root:
        write_tree(root, CLEAN_TREE)
        code, output = run_check(root)
        if code != 0:
            failures.append("the clean tree failed:\n" + output)
    for relative, text, line in BAD_INCLUDES:
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, CLEAN_TREE)
            write_tree(root, {relative: text})
            code, output = run_check(root)
            expected = "%s:%d: " % (relative, line)
            if code != 1:
                failures.append("%s: exit %d, expected 1" % (relative, code))
            elif not any(l.startswith(expected) for l in output.splitlines()):
                failures.append("%s: no line starting %r in:\n%s" % (relative, expected, output))
    for failure in failures:
        print("self-test: " + failure)
    if not failures:
        print("self-test: %d bad trees refused, the clean tree passed" % len(BAD_INCLUDES))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description="Checks the layer rule on #include lines.")
    parser.add_argument("source_dir", nargs="?")
    parser.add_argument("--qt-widgets-dir")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.source_dir:
        parser.error("SOURCE_DIR is required")
    problems = check(args.source_dir, args.qt_widgets_dir)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
