"""Pure functions that build Dash component trees. No database or request access here."""
