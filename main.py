"""Thin entry point: `python main.py [--demo]`."""

from desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
