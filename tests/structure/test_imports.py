"""The house: no import cycle in planner/, the engine's packages in layers, short modules, no loose engine module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLANNER = ROOT / "planner"

#: what each package of the engine may import of the engine (besides itself)
CORE_LAYERS = {
    "model": set(),
    "catalog": {"model"},
    "scenario": {"model", "catalog"},
    "schedule": {"model", "catalog"},
    "budget": {"model", "catalog"},
    "calendar": {"model", "catalog"},
    "render": {"model", "catalog", "budget"},
    "quote": {"model"},
}


def module_name(path: Path, root: Path) -> str:
    """``planner.core.schedule.run`` for planner/core/schedule/run.py (a package for its __init__)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path, package: str = "planner") -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports, anywhere in it (functions and TYPE_CHECKING too)."""
    paths = sorted((root / package).rglob("*.py"))
    modules = {module_name(path, root): path for path in paths}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                for alias in node.names:
                    # from a package import a submodule: the edge goes to the submodule
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


#: what each package of the services may import of the other service packages
SERVICE_LAYERS = {
    "accounts": set(),
    "mail": set(),
    "planning": {"accounts"},
    "documents": {"planning", "accounts"},
    "workspace": {"planning", "accounts", "documents"},
    "messages": {"mail", "workspace", "planning", "accounts", "documents"},
    "reminders": {"planning", "workspace", "accounts", "mail"},
}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a list of modules (first repeated at the end), or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


#: what the engine may import from the rest of planner: the pure words layer, whose ``Words`` the caller
#: passes in (the core never chooses a language); and, for ``planner.core.plan_from_dict`` alone (the one
#: entry point that runs end to end), the wording that turns codes into sentences
ENGINE_MAY_IMPORT = {"planner.i18n"}
ENTRY_POINT_MAY_IMPORT = {"planner.i18n", "planner.wording", "planner.wording.budget"}


def layer_breaks(graph: dict[str, set[str]]) -> list[str]:
    """``importer -> imported`` for each engine import that goes up or sideways, or leaves the engine."""
    breaks = []
    for importer, targets in graph.items():
        parts = importer.split(".")
        if parts[:2] != ["planner", "core"]:
            continue
        own = parts[2] if len(parts) > 2 else None
        for target in sorted(targets):
            tparts = target.split(".")
            if target in (ENTRY_POINT_MAY_IMPORT if importer == "planner.core" else ENGINE_MAY_IMPORT):
                continue
            if tparts[:2] != ["planner", "core"]:
                breaks.append(f"{importer} -> {target} (the engine imports nothing else of planner)")
            elif own is not None and len(tparts) > 2 and tparts[2] != own and tparts[2] not in CORE_LAYERS[own]:
                breaks.append(f"{importer} -> {target}")
            elif own is not None and len(tparts) == 2:
                breaks.append(f"{importer} -> {target} (a package imports planner.core's entry points)")
    return breaks


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_every_engine_package_has_a_layer():
    packages = {path.name for path in (PLANNER / "core").iterdir() if (path / "__init__.py").exists()}
    assert packages == set(CORE_LAYERS)


def test_no_import_cycle_in_planner():
    assert find_cycle(import_graph(ROOT)) == []


def test_the_engine_imports_downwards_only():
    assert layer_breaks(import_graph(ROOT)) == []


def test_the_words_the_engine_may_use_are_pure():
    """planner.i18n (but its web edge) and planner.wording import no Flask, SQLAlchemy or WTForms."""
    graph = import_graph(ROOT)
    for module, targets in graph.items():
        if module == "planner.i18n" or module.startswith("planner.wording"):
            web = {t for t in targets if t.split(".")[0] in ("flask", "flask_babel", "sqlalchemy", "wtforms")}
            web |= {t for t in targets if t == "planner.i18n.web" or t.startswith("planner.views")}
            assert not web, f"{module} imports {sorted(web)}"


def test_a_cycle_through_a_function_level_or_type_checking_import_is_found(tmp_path):
    write(
        tmp_path,
        {
            "planner/__init__.py": "",
            "planner/core/__init__.py": "",
            "planner/core/schedule/__init__.py": "from planner.core.schedule.a import A\n",
            "planner/core/schedule/a.py": "from planner.core.schedule import b\nA = 1\n",
            "planner/core/schedule/b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from planner.core.schedule.a import A\n"
            ),
        },
    )
    assert find_cycle(import_graph(tmp_path)) == [
        "planner.core.schedule.a",
        "planner.core.schedule.b",
        "planner.core.schedule.a",
    ]


def test_importing_ones_own_package_from_inside_it_is_a_cycle(tmp_path):
    write(
        tmp_path,
        {
            "planner/__init__.py": "",
            "planner/core/__init__.py": "",
            "planner/core/model/__init__.py": "from .value import Value\n",
            "planner/core/model/value.py": "def f():\n    from planner.core.model import other\n",
            "planner/core/model/other.py": "",
        },
    )
    assert find_cycle(import_graph(tmp_path)) == []  # the submodule, not the package
    (tmp_path / "planner/core/model/value.py").write_text("from planner.core.model import Value\n")
    assert find_cycle(import_graph(tmp_path)) == [
        "planner.core.model",
        "planner.core.model.value",
        "planner.core.model",
    ]


def test_an_upward_or_outward_engine_import_is_a_break(tmp_path):
    write(
        tmp_path,
        {
            "planner/__init__.py": "",
            "planner/services/__init__.py": "",
            "planner/core/__init__.py": "",
            "planner/core/model/__init__.py": "from planner.core.catalog import load\n",
            "planner/core/catalog/__init__.py": "",
            "planner/core/catalog/load.py": "from planner.core.model import x\nimport planner.services\n",
            "planner/core/model/x.py": "",
        },
    )
    assert layer_breaks(import_graph(tmp_path)) == [
        "planner.core.catalog.load -> planner.services (the engine imports nothing else of planner)",
        "planner.core.model -> planner.core.catalog.load",
    ]


def test_no_module_in_planner_is_over_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in PLANNER.rglob("*.py") if (n := len(p.read_text().splitlines())) > 300}
    assert long == {}


def test_no_module_sits_directly_in_the_engine_folder_but_its_entry_points():
    assert sorted(p.name for p in (PLANNER / "core").glob("*.py")) == ["__init__.py"]


def test_the_service_packages_import_downwards_only():
    breaks = [
        f"{importer} -> {target}"
        for importer, targets in import_graph(ROOT).items()
        if importer.startswith("planner.services.")
        for target in targets
        if target.startswith("planner.services.")
        and (own := importer.split(".")[2]) != (theirs := target.split(".")[2])
        and theirs not in SERVICE_LAYERS[own]
    ]
    assert breaks == []
