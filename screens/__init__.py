"""Textual screens and their widgets (installed as careplan.screens)."""
