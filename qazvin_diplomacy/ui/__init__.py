"""ui layer (PySide6): main window, modules, widgets, translations."""
