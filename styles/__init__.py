"""Textual stylesheets (installed as careplan.styles)."""
