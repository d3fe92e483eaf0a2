"""The rules of the README's architecture section that the import graph can check."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from pipelines.settings import REPO_ROOT

STATUS_RULE = "pipelines.marts.status_rule"
# The only modules allowed to decide a status: the rule itself and the build step that runs it.
STATUS_RULE_USERS = {"pipelines/marts/status_rule.py", "pipelines/marts/progress.py",
                     "pipelines/marts/quarters.py"}


def _modules(*packages: str) -> Iterator[Path]:
    for package in packages:
        yield from sorted((REPO_ROOT / package).rglob("*.py"))


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def test_only_the_build_decides_a_status() -> None:
    users = {_relative(p) for p in _modules("dashboard", "pipelines", "benchmarks")
             if any(name == STATUS_RULE or name.startswith(STATUS_RULE + ".")
                    for name in _imports(p))}
    assert users <= STATUS_RULE_USERS, users - STATUS_RULE_USERS


def test_pipelines_never_import_the_dashboard() -> None:
    offenders = {_relative(p) for p in _modules("pipelines")
                 if any(name == "dashboard" or name.startswith("dashboard.")
                        for name in _imports(p))}
    assert offenders == set()


def test_the_web_tier_runs_no_sql_of_its_own() -> None:
    """Every query the dashboard runs on the public data is a named file of
    pipelines/read/queries."""
    statement = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*\b(FROM|SET|VALUES)?")
    allowed = {"dashboard/database.py",  # the connection itself (ATTACH, SET, USE)
               # the staff area's own SQLite database (accounts, audit), not the public data
               # (docs/architecture.md › Staff area); its SQL stays in these modules.
               "dashboard/staff/state.py", "dashboard/staff/sessions.py",
               "dashboard/staff/throttle.py"}
    offenders = {_relative(p) for p in _modules("dashboard") if _relative(p) not in allowed
                 and any(statement.search(text) for text in _strings(p))}
    assert offenders == set()


def _strings(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_code_cites_its_own_architecture_not_an_outside_document() -> None:
    offenders = {_relative(p) for p in _modules("dashboard", "pipelines", "benchmarks", "tests")
                 if "DESIGN" in p.read_text("utf-8") and p.name != "test_architecture.py"}
    assert offenders == set()


def _imported_modules(path: Path) -> set[str]:
    """What ``path`` imports, relative imports resolved against its package: ``import a.b``
    gives a.b; ``from a import b`` gives a and a.b."""
    package = path.relative_to(REPO_ROOT).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_tests_share_code_only_through_tests_support() -> None:
    """A test module (or a conftest) imports what it shares with other tests from
    tests/support/, never from another test module or a conftest; and nothing from
    benchmarks/ except the tests of the benchmarks themselves, in tests/benchmarks/
    (docs/testing.md)."""
    offenders: dict[str, list[str]] = {}
    for path in _modules("tests"):
        name = _relative(path)
        wrong = sorted(
            module for module in _imported_modules(path)
            if (_within(module, "tests") and module != "tests"
                and not _within(module, "tests.support"))
            or (_within(module, "benchmarks") and not name.startswith("tests/benchmarks/")))
        if wrong:
            offenders[name] = wrong
    assert offenders == {}, "move what is shared into tests/support/"


# docs/architecture.md › Layers: pages → components and figures → the read layer. A builder
# below a page never reaches up for the request, the web tier or a page.
_ABOVE_COMPONENTS = ("dashboard.pages", "dashboard.web", "dashboard.app", "dashboard.staff",
                     "dashboard.html_first", "dashboard.context")
_ABOVE_FIGURES = (*_ABOVE_COMPONENTS, "dashboard.components")
# Quick exit's address is the running app's setting (STRATEGY_QUICK_EXIT_URL), read where the
# help bar is built so that no page can forget it.
_CONTEXT_READERS = {("dashboard/components/shell.py", "dashboard.context")}


def _reaching_up(package: str, above: tuple[str, ...]) -> set[tuple[str, str]]:
    """(module, package above it) for every import of ``package`` that reaches up."""
    return {(_relative(p), up) for p in _modules(package) for name in _imports(p)
            for up in above if name == up or name.startswith(up + ".")}


def test_components_never_import_pages_or_the_web_tier() -> None:
    found = _reaching_up("dashboard/components", _ABOVE_COMPONENTS)
    assert found <= _CONTEXT_READERS, sorted(found - _CONTEXT_READERS)


def test_figures_import_no_component_page_or_web_module() -> None:
    assert _reaching_up("dashboard/figures", _ABOVE_FIGURES) == set()


def _statements_run(path: Path) -> set[str]:
    """Where ``path`` asks a database for a cursor or runs a statement on one."""
    return {f".{node.func.attr}() on line {node.lineno}"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"cursor", "execute", "executemany", "sql"}}


def test_pages_and_components_hold_no_cursor() -> None:
    """Pages and components read through the read layer (pipelines/read), which takes the
    database and returns rows: none imports DuckDB, asks the database for a cursor or runs a
    statement itself (docs/architecture.md › Layers)."""
    offenders: dict[str, set[str]] = {}
    for path in _modules("dashboard/pages", "dashboard/components", "dashboard/figures"):
        found = {name for name in _imported_modules(path) if _within(name, "duckdb")}
        found |= _statements_run(path)
        if found:
            offenders[_relative(path)] = found
    assert offenders == {}


def test_the_downloads_api_and_briefings_read_through_the_read_layer() -> None:
    """The Flask routes (downloads, the API, the briefings) and the app's own modules get
    their rows from pipelines/read too; only the connection itself (dashboard/database.py)
    and the staff area's own database run statements."""
    allowed = {"dashboard/database.py"}
    offenders = {_relative(p): found for p in _modules("dashboard")
                 if _relative(p) not in allowed and not _relative(p).startswith("dashboard/staff/")
                 and (found := _statements_run(p))}
    assert offenders == {}
