"""Text shown to people: the bilingual catalogue (one TOML file per area), locale
formatting (Babel) and the quarterly review's words."""
