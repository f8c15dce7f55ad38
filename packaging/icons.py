"""Render the application icon's hicolor PNGs from its one SVG, and write the Windows .ico.

``python packaging/icons.py`` redraws ``desktop/resources/icons/hicolor/NxN/apps/field-desk.png``
for every size the freedesktop icon theme uses, with Qt's own SVG renderer (no other tool to
install; the same PySide6 gives the same pixels). Run it after changing the SVG and commit the
PNGs: they are package data, so an installed wheel needs no build step to have them.
``python packaging/icons.py --ico OUT.ico`` packs those PNGs into a Windows icon.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "desktop" / "resources" / "icons" / "hicolor"
SVG = ICONS / "scalable" / "apps" / "field-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int, root: Path = ICONS) -> Path:
    return root / f"{size}x{size}" / "apps" / "field-desk.png"


def render(svg: Path, size: int, out: Path) -> Path:
    """Draw ``svg`` on a transparent ``size``×``size`` image and save it as PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render-icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(out)):
        raise SystemExit(f"could not write {out}")
    return out


def write_ico(pngs: list[Path], out: Path) -> Path:
    """A Windows .ico holding the PNGs as they are (PNG entries: Windows Vista and later)."""
    blobs = [p.read_bytes() for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for blob in blobs:
        width, height = struct.unpack(">II", blob[16:24])
        entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + b"".join(blobs))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="hicolor folder to write (default: the package's)")
    parser.add_argument("--ico", type=Path, metavar="FILE", help="write a Windows icon from the PNGs instead")
    args = parser.parse_args(argv)
    if args.ico:
        write_ico([png_path(size) for size in SIZES], args.ico)
        print(args.ico)
        return 0
    for size in SIZES:
        print(render(SVG, size, png_path(size, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
