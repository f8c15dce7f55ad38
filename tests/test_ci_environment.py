"""Checks that the CI environment set up by `.ci/run` is the real thing.

`.ci/run` starts Xvfb, a private D-Bus session bus and gnome-keyring-daemon
with an unlocked default "login" keyring. These tests prove the app's
dependencies see them: `keyring` picks the Secret Service backend (not
keyrings.alt, not the fail/null backend) and a secret round-trips, and Qt
opens a real window on the xcb platform.

They only run under CI=true with a session bus (the keyring test) or a display
(the Qt test), so developers without a Secret Service still run everything
else. Locally: `bash .ci/run` gives the same environment.
"""

from __future__ import annotations

import os
import uuid

import pytest

UNDER_CI = os.environ.get("CI", "").lower() == "true"

needs_ci_keyring = pytest.mark.skipif(
    not (UNDER_CI and os.environ.get("DBUS_SESSION_BUS_ADDRESS")),
    reason="needs CI=true and a D-Bus session bus with a Secret Service (bash .ci/run)",
)
needs_ci_display = pytest.mark.skipif(
    not (UNDER_CI and os.environ.get("DISPLAY")) or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb",
    reason="needs CI=true, an X display and Qt on xcb (bash .ci/run starts Xvfb)",
)

SERVICE = "field-desk-ci"


@pytest.mark.keyring
@needs_ci_keyring
def test_keyring_is_secret_service_and_round_trips() -> None:
    import keyring
    from keyring.backends import SecretService, chainer, fail

    backend = keyring.get_keyring()
    # keyring may wrap backends in a ChainerBackend; unwrap a single one
    if isinstance(backend, chainer.ChainerBackend):
        backends = backend.backends
        assert len(backends) == 1, f"expected only Secret Service, got {backends!r}"
        backend = backends[0]
    assert not isinstance(backend, fail.Keyring), f"no usable keyring: {backend!r}"
    assert isinstance(backend, SecretService.Keyring), (
        f"keyring.get_keyring() is {backend!r}, not the Secret Service backend"
    )
    assert type(backend).__module__.startswith("keyring.backends.SecretService")

    user = f"k-{uuid.uuid4().hex}"
    secret = f"v-{uuid.uuid4().hex}-ünïcødé"
    keyring.set_password(SERVICE, user, secret)
    try:
        assert keyring.get_password(SERVICE, user) == secret
        # and it really lives in the Secret Service, not just in the backend
        import secretstorage

        with secretstorage.dbus_init() as conn:
            collection = secretstorage.get_default_collection(conn)
            assert not collection.is_locked()
            items = list(collection.search_items({"service": SERVICE, "username": user}))
            assert len(items) == 1
            assert items[0].get_secret().decode() == secret
    finally:
        keyring.delete_password(SERVICE, user)
    assert keyring.get_password(SERVICE, user) is None


@needs_ci_display
def test_qt_opens_a_real_xcb_window(qtbot) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLabel

    assert QGuiApplication.platformName() == "xcb"
    label = QLabel("Field Desk CI")
    qtbot.addWidget(label)
    label.resize(240, 80)
    label.show()
    qtbot.waitExposed(label)
    shot = label.grab()
    assert not shot.isNull()
    assert (shot.width(), shot.height()) == (240, 80)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None and not screen.grabWindow(0).isNull()
