"""Every problem the tracker can find in its input, declared once: a code and its parameters.

A :class:`~pipelines.errors.Problem` carries one of these codes and the values it names; the
catalogue (``pipelines/language/catalogue/problems.toml``, section ``problem``) words each
code in English and French. A test renders every code in both languages and fails when the
catalogue and this declaration disagree, or when a code is declared that no module raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from pipelines.language.messages import Kind

TEXT, NUMBER, COUNT, ROW, DATE, LIST, NAMES = (
    Kind.TEXT, Kind.NUMBER, Kind.COUNT, Kind.ROW, Kind.DATE, Kind.LIST, Kind.NAMES)


class Code(StrEnum):
    """A kind of problem; ``params`` are the values its message names, with their kinds."""

    params: Mapping[str, Kind]

    def __new__(cls, code: str, params: Mapping[str, Kind] | None = None) -> Code:
        member = str.__new__(cls, code)
        member._value_ = code
        member.params = MappingProxyType(dict(params or {}))
        return member

    # A submission file as a whole (pipelines/submissions/read.py, ingest.py).
    FILE_NOT_FOUND = "file_not_found"
    FILE_TOO_LARGE = "file_too_large", {"size": NUMBER, "limit": NUMBER}
    EMPTY_FILE = "empty_file"
    HEADER_ONLY = "header_only"
    UTF16_WITHOUT_BOM = "utf16_without_bom"
    NOT_CSV_OR_XLSX = "not_csv_or_xlsx"
    UNDECODABLE = "undecodable"
    UNREADABLE_CSV = "unreadable_csv", {"reason": TEXT}
    # A workbook (pipelines/submissions/xlsx.py and its reader process, xlsx_cells.py).
    WORKBOOK_TOO_MANY_PARTS = "workbook_too_many_parts", {"count": NUMBER, "limit": NUMBER}
    WORKBOOK_PART_TOO_LARGE = "workbook_part_too_large", {
        "part": TEXT, "size": NUMBER, "limit": NUMBER}
    WORKBOOK_TOO_LARGE = "workbook_too_large", {"size": NUMBER, "limit": NUMBER}
    XML_PART_DOCTYPE = "xml_part_doctype", {"part": TEXT}
    XML_PART_MALFORMED = "xml_part_malformed", {"part": TEXT, "line": ROW, "column": ROW}
    XML_PART_NO_ELEMENT = "xml_part_no_element", {"part": TEXT}
    WORKBOOK_UNPACK_FAILED = "workbook_unpack_failed", {"reason": TEXT}
    WORKBOOK_UNREADABLE = "workbook_unreadable", {"reason": TEXT}
    WORKBOOK_NO_SHEET = "workbook_no_sheet"
    WORKBOOK_TOO_MANY_SHEETS = "workbook_too_many_sheets", {
        "count": COUNT, "names": NAMES, "sheet": TEXT}
    WORKBOOK_TIMEOUT = "workbook_timeout", {"seconds": NUMBER}
    WORKBOOK_MEMORY = "workbook_memory"
    SHEET_TOO_MANY_ROWS = "sheet_too_many_rows", {"limit": NUMBER}
    SHEET_MALFORMED_XML = "sheet_malformed_xml", {"reason": TEXT}
    FORMULA_WITHOUT_REFERENCE = "formula_without_reference"
    ROWS_NOT_NUMBERED = "rows_not_numbered"
    # The header and the cells of a submission (validate.py, report.py, deliverables.py).
    COLUMN_MISSING = "column_missing", {"column": TEXT}
    COLUMN_UNKNOWN = "column_unknown", {"column": TEXT, "allowed": LIST}
    FORMULA_CELL = "formula_cell", {"cell": TEXT}
    EXTRA_CELLS = "extra_cells"
    REQUIRED_EMPTY = "required_empty"
    UNKNOWN_INDICATOR = "unknown_indicator", {"value": TEXT, "allowed": LIST}
    UNKNOWN_GEOGRAPHY = "unknown_geography", {"value": TEXT, "allowed": LIST}
    MALFORMED_QUARTER = "malformed_quarter", {"value": TEXT}
    QUARTER_OUTSIDE = "quarter_outside", {"value": TEXT, "first": TEXT, "last": TEXT}
    QUARTER_FUTURE = "quarter_future", {"value": TEXT, "latest": TEXT}
    MALFORMED_BREAKDOWN = "malformed_breakdown", {"value": TEXT}
    UNKNOWN_QUALIFIER = "unknown_qualifier", {"value": TEXT, "allowed": LIST}
    NOT_A_NUMBER = "not_a_number", {"value": TEXT}
    NEGATIVE_VALUE = "negative_value", {"value": TEXT}
    FRACTIONAL_COUNT = "fractional_count", {"value": TEXT}
    PERCENT_OVER_100 = "percent_over_100", {"value": TEXT}
    DUPLICATE_FIGURE = "duplicate_figure", {"row": ROW}
    REGION_PARTS_OVER_TOTAL = "region_parts_over_total", {
        "sum": NUMBER, "total": NUMBER, "row": ROW}
    BREAKDOWN_PARTS_OVER_TOTAL = "breakdown_parts_over_total", {
        "dimension": TEXT, "sum": NUMBER, "total": NUMBER, "row": ROW}
    MORE_ROWS = "more_rows", {"count": COUNT}
    TOO_MANY_DELIVERABLE_ROWS = "too_many_deliverable_rows", {"limit": NUMBER}
    DUPLICATE_STATUS = "duplicate_status", {"row": ROW}
    MALFORMED_DATE = "malformed_date", {"value": TEXT}
    # A deliverable status, from a file or the staff form (pipelines/marts/milestones.py).
    UNKNOWN_DELIVERABLE = "unknown_deliverable", {"value": TEXT}
    STATUS_NOT_ALLOWED = "status_not_allowed", {"value": TEXT, "allowed": LIST}
    SOURCE_NOT_ALLOWED = "source_not_allowed", {"value": TEXT, "allowed": LIST}
    AS_OF_FUTURE = "as_of_future", {"date": DATE}
    AS_OF_BEFORE_START = "as_of_before_start", {"date": DATE, "start": DATE}
    RECORDED_BY_EMPTY = "recorded_by_empty"
    EVIDENCE_URL_SCHEME = "evidence_url_scheme"
    NOTE_TOO_LONG = "note_too_long", {"limit": ROW}
    # The curated reference files (pipelines/sources/tables.py, reference.py, values.py).
    REFERENCE_FILE_MISSING = "reference_file_missing"
    REFERENCE_INVALID_CSV = "reference_invalid_csv", {"reason": TEXT}
    REFERENCE_COLUMN_MISSING = "reference_column_missing", {"column": TEXT}
    REFERENCE_COLUMN_UNKNOWN = "reference_column_unknown", {"column": TEXT}
    CELL_COUNT = "cell_count", {"count": ROW, "header": ROW}
    DUPLICATE_KEY = "duplicate_key", {"columns": TEXT, "value": TEXT, "row": ROW}
    CELL_EMPTY = "cell_empty", {"column": TEXT}
    VALUE_NOT_ALLOWED = "value_not_allowed", {"value": TEXT, "column": TEXT, "allowed": LIST}
    NOT_WHOLE_NUMBER = "not_whole_number", {"value": TEXT}
    NOT_NUMBER = "not_number", {"value": TEXT}
    NOT_DATE = "not_date", {"value": TEXT}
    NOT_BOOLEAN = "not_boolean", {"value": TEXT}
    UNKNOWN_REFERENCE = "unknown_reference", {"column": TEXT, "value": TEXT, "file": TEXT}
    STATED_LINK_INCOMPLETE = "stated_link_incomplete"
    INFERRED_LINK_SOURCE = "inferred_link_source"
    PARENT_LEVEL = "parent_level", {"level": TEXT, "parent_level": TEXT, "parent": TEXT}
    CORE_INDICATOR_MISSING = "core_indicator_missing", {"indicator": TEXT}
    PERIOD_END_BEFORE_START = "period_end_before_start"
    PERIOD_NEEDS_END = "period_needs_end", {"basis": TEXT}
    PERIOD_NEEDS_START = "period_needs_start", {"basis": TEXT}
    PERIOD_NOT_STATED_GIVEN = "period_not_stated_given"
    BREAKDOWN_SHAPE = "breakdown_shape", {"value": TEXT}
    UNKNOWN_SOURCE = "unknown_source", {"value": TEXT, "known": LIST}
    LOCATOR_NOT_FOUND = "locator_not_found", {"document": TEXT, "locator": TEXT}
    HIGH_WITHOUT_RANGE = "high_without_range"
    RANGE_NEEDS_HIGH = "range_needs_high"
    RANGE_HIGH_NOT_ABOVE = "range_high_not_above", {"high": NUMBER, "low": NUMBER}
    ALL_NEEDS_PERCENT = "all_needs_percent", {"kind": TEXT}
    ALL_MEANS_100 = "all_means_100", {"value": NUMBER}
    DERIVED_NEEDS_NOTE = "derived_needs_note", {"column": TEXT}
    INFERRED_NEEDS_NOTE = "inferred_needs_note", {"column": TEXT}
    # The context figures (pipelines/sources/context.py) and the build (pipelines/build.py).
    EXCLUDED_NEEDS_REASON = "excluded_needs_reason"
    PERIOD_ROW_UNUSED = "period_row_unused"
    UNKNOWN_SERIES = "unknown_series", {"series": TEXT}
    UNKNOWN_SOURCE_URL = "unknown_source_url", {"url": TEXT}
    QUOTE_EMPTY = "quote_empty"
    UNKNOWN_UNIT_QUALIFIER = "unknown_unit_qualifier", {"qualifier": TEXT}
    UNKNOWN_UNIT = "unknown_unit", {"unit": TEXT}
    UNIT_MISMATCH = "unit_mismatch", {"unit": TEXT, "indicator": TEXT, "expected": TEXT}
    SOURCE_ID_TAKEN = "source_id_taken", {"value": TEXT}
    # What reached the database, whoever wrote it (pipelines/sql).
    VOCABULARY_VALUE = "vocabulary_value", {"value": TEXT, "allowed": LIST}
    DATABASE_CHECK = "database_check", {"check": TEXT, "detail": TEXT}
    # A staff account change (dashboard/staff/accounts.py); no file, row or column.
    PASSWORD_TOO_SHORT = "password_too_short", {"minimum": NUMBER}
    NOT_AN_EMAIL = "not_an_email", {"value": TEXT}
    ROLE_NOT_ALLOWED = "role_not_allowed", {"value": TEXT, "allowed": LIST}
    ACCOUNT_EXISTS = "account_exists", {"email": TEXT}
    LAST_ADMINISTRATOR = "last_administrator", {"email": TEXT}
    NO_ACCOUNT = "no_account", {"email": TEXT}
    # A problem kept before it had a code, or with a code this version no longer declares
    # (pipelines/errors.py, Problem.from_json): its English words, shown as they were kept.
    KEPT_TEXT = "kept_text", {"text": TEXT}

    @property
    def key(self) -> str:
        """The catalogue entry that words this code."""
        return f"problem.{self.value}"


# A problem found before its place is known (a workbook refused as a whole): its code and the
# values its message names; the caller makes it a Problem of the file.
Said = tuple[Code, dict[str, object]]
