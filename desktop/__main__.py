"""``python -m desktop``: the same start as the ``field-desk`` command."""

from desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
