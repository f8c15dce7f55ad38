"""Field Desk installs like desktop software: its files inside its package, a menu entry that
validates, an icon on every window, a version without a GUI, install scripts that explain."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop import app

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_ENTRY = PACKAGING / "field-desk.desktop"
METAINFO = PACKAGING / "field-desk.metainfo.xml"
HICOLOR = ROOT / "desktop" / "resources" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def entry(path: Path = DESKTOP_ENTRY) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validate(path: Path) -> subprocess.CompletedProcess:
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate is missing: bash scripts/install.sh --test installs desktop-file-utils"
    return subprocess.run([tool, str(path)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel as pip builds it, from a copy of the tracked tree (offline: no build isolation)."""
    src = tmp_path_factory.mktemp("src")
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        if (ROOT / name).is_file() and not name.endswith(".qm"):
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("field_desk-*.whl"))


# --- files inside the package -------------------------------------------------------------------


def test_the_wheel_puts_only_the_application_packages_at_the_top_of_site_packages(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    declared = {pattern.rstrip("*.") for pattern in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert "desktop" in top and top <= declared
    assert "resources" not in top


def test_the_wheel_carries_translations_templates_and_icons_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "desktop/resources/translations/field_desk_fr.ts",
        "desktop/resources/templates/alerts.json",
        "desktop/resources/icons/hicolor/scalable/apps/field-desk.svg",
        *(f"desktop/resources/icons/hicolor/{n}x{n}/apps/field-desk.png" for n in SIZES),
    } <= names


def test_an_installed_wheel_finds_its_files_without_the_source_tree(wheel, tmp_path):
    """Installed elsewhere, the package reads its templates, compiles its French translation
    and finds its icons: nothing depends on where the source checkout is."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import json, desktop\n"
        "from desktop import resources\n"
        "from desktop.ui import i18n\n"
        "print(desktop.__file__)\n"
        "print(len(json.loads(resources.path('templates', 'alerts.json').read_text('utf-8'))))\n"
        "print(i18n.compiled('fr', __import__('pathlib').Path('cache')))\n"
        "print(len(list(resources.path('icons', 'hicolor').glob('*/apps/field-desk.png'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(site)
    assert int(out[1]) > 0
    assert out[2] != "None" and Path(tmp_path, out[2]).stat().st_size > 1000
    assert int(out[3]) == len(SIZES)


# --- entry points -------------------------------------------------------------------------------


def test_python_m_desktop_prints_the_version_without_a_display(tmp_path):
    """xcb with no DISPLAY aborts any QApplication: the version must come before Qt starts."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "xcb", "FIELD_DESK_HOME": str(tmp_path / "h")},
    )
    assert (out.returncode, out.stdout.strip()) == (0, f"field-desk {app.app_version()}")
    assert not (tmp_path / "h").exists()


# --- the icon and the menu entry ----------------------------------------------------------------


def test_every_window_carries_the_application_icon_and_names_the_desktop_entry(qapp):
    saved = qapp.windowIcon(), qapp.desktopFileName(), qapp.applicationName()
    try:
        app.brand(qapp)
        sizes = {s.width() for s in QWidget().windowIcon().availableSizes()}
        assert set(SIZES) <= sizes
        assert qapp.desktopFileName() == DESKTOP_ENTRY.stem
    finally:
        qapp.setWindowIcon(saved[0])
        qapp.setDesktopFileName(saved[1])
        qapp.setApplicationName(saved[2])


def test_the_committed_icons_are_the_rendering_of_the_svg(tmp_path):
    """Edit the SVG and forget `python packaging/icons.py`, and this fails."""
    subprocess.run(
        [sys.executable, str(PACKAGING / "icons.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for size in SIZES:
        rel = Path(f"{size}x{size}/apps/field-desk.png")
        fresh, committed = QImage(str(tmp_path / rel)), QImage(str(HICOLOR / rel))
        assert committed.size() == fresh.size(), rel
        worst = max(
            abs(a - b)
            for y in range(size)
            for x in range(size)
            for a, b in zip(fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True)
        )
        assert worst <= 8, f"{rel} differs from the SVG's rendering by {worst}/255"


def test_the_desktop_entry_passes_desktop_file_validate():
    result = validate(DESKTOP_ENTRY)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_desktop_entry_starts_the_installed_command_with_its_icon_and_window_class():
    section = entry()
    assert section["Exec"].split()[0] == section["TryExec"] == "field-desk"
    assert "field-desk" in PYPROJECT["project"]["gui-scripts"]
    assert section["Icon"] == "field-desk" and (HICOLOR / "scalable/apps/field-desk.svg").exists()
    assert section["StartupWMClass"] == app.APP_ID
    assert section["Name[fr]"] and section["Comment[fr]"] and section["Keywords[fr]"]


def test_the_metainfo_describes_this_release_and_launches_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP_ENTRY.name
    assert root.find("releases/release").get("version") == PYPROJECT["project"]["version"]
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]["text"]


def test_the_linux_installer_puts_entry_and_icons_under_the_prefix_and_takes_them_away(tmp_path):
    """From a checkout: the menu entry, the icons and the metainfo, staged under DESTDIR."""
    stage, prefix = tmp_path / "stage", "/opt/field-desk-test"
    env = {**os.environ, "DESTDIR": str(stage)}
    subprocess.run(["bash", str(PACKAGING / "install-linux.sh"), "--prefix", prefix], env=env, check=True)
    share = stage / prefix.lstrip("/") / "share"
    installed = share / "applications" / "field-desk.desktop"
    assert validate(installed).returncode == 0
    assert {p.parent.parent.name for p in (share / "icons/hicolor").glob("*/apps/field-desk.*")} == {
        *(f"{n}x{n}" for n in SIZES),
        "scalable",
    }
    assert (share / "metainfo" / "field-desk.metainfo.xml").exists()
    subprocess.run(
        ["bash", str(PACKAGING / "install-linux.sh"), "--prefix", prefix, "--uninstall"], env=env, check=True
    )
    assert [p for p in share.rglob("*") if p.is_file()] == []


def test_the_linux_installer_refuses_a_relative_prefix(tmp_path):
    out = subprocess.run(
        ["bash", str(PACKAGING / "install-linux.sh"), "--prefix", "relative/dir"],
        capture_output=True,
        text=True,
        env={**os.environ, "DESTDIR": str(tmp_path)},
    )
    assert out.returncode == 2 and "absolute path" in out.stderr
    assert list(tmp_path.iterdir()) == []


# --- the install script -------------------------------------------------------------------------


def test_install_script_without_a_known_package_manager_says_what_to_install(tmp_path):
    """Only the basic tools on PATH, no apt/dnf/pacman/zypper/brew: a clear list, exit 1,
    nothing created."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "mktemp", "rm", "uname", "cat", "id", "sed", "cut"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    out = subprocess.run(
        [str(bin_dir / "bash"), str(ROOT / "scripts" / "install.sh")],
        capture_output=True,
        text=True,
        env={"PATH": str(bin_dir), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)},
    )
    assert out.returncode == 1
    assert "apt, dnf, pacman, zypper, brew" in out.stderr
    assert "--skip-system" in out.stderr and "Xvfb" in out.stderr and "libxcb" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]
