"""The parser version follows the parsing code: an edit to a parsing module changes it, nothing else does."""

from __future__ import annotations

import shutil
from pathlib import Path

from etl import model

PACKAGE = Path(model.__file__).resolve().parent


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "etl"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_version_carries_the_digest_of_the_parsing_sources():
    assert model.PARSER_VERSION.endswith("+" + model.parser_source_digest()[:12])


def test_editing_a_parsing_module_changes_the_digest(tmp_path):
    copy = _copy(tmp_path)
    before = model.parser_source_digest(copy)
    assert before == model.parser_source_digest(PACKAGE)
    module = copy / "parse" / "prose.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert model.parser_source_digest(copy) != before


def test_editing_the_loader_or_the_cli_leaves_the_digest_alone(tmp_path):
    copy = _copy(tmp_path)
    before = model.parser_source_digest(copy)
    for name in ("load.py", "cli.py"):
        path = copy / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert model.parser_source_digest(copy) == before
