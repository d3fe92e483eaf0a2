"""Words in one home, below both packages: the bilingual catalogue (``catalogue/*.toml``, one
file per area), locale formatting with Babel (``formatting``) and French typography
(``typography``). The build writes its sentences with them and the pages read them, so a
figure or a qualifier is worded the same way wherever it appears."""
