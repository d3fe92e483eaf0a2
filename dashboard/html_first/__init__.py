"""HTML first: every public page's content in its first HTML response (docs/architecture.md ›
HTML first).

- :mod:`.markup`: a page's layout, as Dash serialises it, written as the HTML dash-renderer
  draws from it (charts as SVG, :mod:`dashboard.figures.svg_chart`);
- :mod:`.document`: the index document around it: the page, and Dash's scripts kept inert
  until a reader reaches for something that needs them (``assets/takeover.js``);
- :mod:`.store`: rendered pages shared by every worker, one folder per data version;
- :mod:`.warm`: after a write, every public page's default view rendered into that store.
"""
