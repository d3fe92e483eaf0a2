"""Self-contained reports (the quarterly briefing), each one HTML file."""
