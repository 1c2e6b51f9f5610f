"""Screens and the feature panes the main screen is made of (each owns its state and workers)."""
