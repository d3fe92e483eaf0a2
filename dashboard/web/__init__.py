"""Flask routes outside Dash: downloads, briefings, security headers, the plotly.js bundle."""
