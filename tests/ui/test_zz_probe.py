def test_probe(qtbot, window):
    w = window
    print("\nwin min", w.minimumSizeHint(), "central min", w.centralWidget().minimumSizeHint())
    for part in (w.filters, w.worklist, w.record):
        print(type(part).__name__, part.minimumSizeHint())
    print("dock min", w.sync_dock.minimumSizeHint(), w.sync_panel.minimumSizeHint())
    w.sync_dock.show()
    qtbot.wait(300)
    print("after dock", w.size(), w.minimumSizeHint())
