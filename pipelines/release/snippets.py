"""Code a researcher copies to read a downloaded CSV with its documented types, needing only
pandas (Python) or readr (R): nothing from this repository. Both are written out from
:data:`pipelines.release.public_fields.FIELDS`, the declaration every file is written from, so
a column added to a table appears in the snippet too. ``/data`` shows them; a test runs the
pandas one in a fresh virtual environment that has only pandas.
"""

from __future__ import annotations

from pipelines.release.public_fields import FIELDS, PANDAS_DTYPES, READR_TYPES


def pandas_dtypes(table: str, lang: str) -> dict[str, str]:
    """Column -> the dtype pandas gives it (``datetime64`` for the parsed dates)."""
    return {f.header(lang): PANDAS_DTYPES[f.kind] for f in FIELDS[table]}


def pandas_snippet(table: str, lang: str, file_name: str, url: str) -> str:
    """Python that reads ``file_name`` (downloaded from ``url``) with every column typed."""
    fields = FIELDS[table]
    dtype = "".join(f'        "{f.header(lang)}": "{PANDAS_DTYPES[f.kind]}",\n'
                    for f in fields if f.kind != "date")
    dates = ", ".join(f'"{f.header(lang)}"' for f in fields if f.kind == "date")
    return (
        "import pandas as pd\n\n"
        f"# {file_name}, downloaded from {url}\n"
        "data = pd.read_csv(\n"
        f'    "{file_name}",\n'
        '    encoding="utf-8-sig",  # also reads a file saved with ?bom=true\n'
        "    dtype={\n"
        f"{dtype}"
        "    },\n"
        f"    parse_dates=[{dates}],\n"
        "    keep_default_na=False,  # only an empty cell is missing\n"
        '    na_values=[""],\n'
        ")\n"
        "print(data.dtypes)\n"
    )


def r_snippet(table: str, lang: str, file_name: str, url: str) -> str:
    """R (readr) that reads ``file_name`` (downloaded from ``url``) with every column typed."""
    columns = ",\n".join(f"    {f.header(lang)} = {READR_TYPES[f.kind]}" for f in FIELDS[table])
    return (
        "library(readr)\n\n"
        f"# {file_name}, downloaded from {url}\n"
        "data <- read_csv(\n"
        f'  "{file_name}",\n'
        "  col_types = cols(\n"
        f"{columns}\n"
        "  ),\n"
        '  na = ""  # only an empty cell is missing\n'
        ")\n"
        "spec(data)\n"
    )
