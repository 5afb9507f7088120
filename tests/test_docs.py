"""The repository stands alone: its domain rules live in docs/domain.md, and references to them resolve.

Code, tests, SQL and docs cite the domain document as ``docs/domain.md#<anchor>``. These tests fail
when a file cites the old out-of-repository specification, when a reference names an anchor
docs/domain.md does not define, or when a canonical key or template label of the source-of-truth
modules is missing from the document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl import vocabulary
from etl.parse import template_labels as labels

REPO_ROOT = Path(__file__).resolve().parent.parent
DOMAIN = REPO_ROOT / "docs" / "domain.md"
#: The old specification's name, with or without its extension (``… §9`` citations too); spelled in two
#: parts so that this file does not mention it itself.
OLD_SPEC = ("report" + "-format").encode()
#: Migrations are immutable history: their comments keep the old citation.
IMMUTABLE = ("migrations",)
#: Generated, installed or local-only directories: not part of the repository's content.
SKIPPED_DIRS = frozenset({"__pycache__", "build", "dist", "node_modules"})
REFERENCE_RE = re.compile(r"domain\.md#([A-Za-z0-9_-]+)")
ANCHOR_RE = re.compile(r'<a id="([A-Za-z0-9_-]+)"></a>')
LOCAL_LINK_RE = re.compile(r"\]\(#([A-Za-z0-9_-]+)\)")


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRS or name.endswith(".egg-info")


def _repository_files() -> Iterator[Path]:
    """Every file of the repository's content, pruning hidden, generated and immutable directories."""
    for root, dirs, files in os.walk(REPO_ROOT):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not _skipped(d) and not (here == REPO_ROOT and d in IMMUTABLE))
        for name in sorted(files):
            yield here / name


def _anchors() -> set[str]:
    return set(ANCHOR_RE.findall(DOMAIN.read_text(encoding="utf-8")))


def test_the_domain_document_exists_with_unique_anchors():
    found = ANCHOR_RE.findall(DOMAIN.read_text(encoding="utf-8"))
    assert len(found) > 30, "docs/domain.md should define an anchor for every part"
    duplicates = {a for a in found if found.count(a) > 1}
    assert not duplicates, f"docs/domain.md defines these anchors twice: {sorted(duplicates)}"


def test_no_file_outside_migrations_cites_the_external_specification():
    offenders = [str(p.relative_to(REPO_ROOT)) for p in _repository_files() if OLD_SPEC in p.read_bytes()]
    assert not offenders, (
        f"these files cite {OLD_SPEC.decode()}.md, which is not in the repository; cite docs/domain.md#<anchor>: "
        f"{offenders}"
    )


def test_the_file_walk_sees_the_code():
    seen = {str(p.relative_to(REPO_ROOT)) for p in _repository_files()}
    assert {"etl/vocabulary.py", "docs/domain.md", "README.md", "tests/test_docs.py"} <= seen
    assert not any(s.startswith("migrations/") for s in seen)


def test_every_reference_names_an_existing_anchor():
    anchors = _anchors()
    missing: list[str] = []
    cited: set[str] = set()
    for path in _repository_files():
        if path.suffix not in {".py", ".md", ".sql", ".toml", ".txt", ".yml", ".yaml", ".json"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for anchor in REFERENCE_RE.findall(text):
            cited.add(anchor)
            if anchor not in anchors:
                missing.append(f"{path.relative_to(REPO_ROOT)}: docs/domain.md#{anchor}")
    assert not missing, "references to anchors docs/domain.md does not define:\n" + "\n".join(missing)
    assert len(cited) > 20, "the code should cite docs/domain.md by anchor"


def test_links_inside_the_domain_document_resolve():
    text = DOMAIN.read_text(encoding="utf-8")
    broken = sorted(set(LOCAL_LINK_RE.findall(text)) - _anchors())
    assert not broken, f"docs/domain.md links to anchors it does not define: {broken}"


@pytest.mark.parametrize("name", [
    "APPLICANTS", "REQUEST_ITEMS", "PROCEEDINGS", "OUTCOMES", "DISCLOSURE_ITEMS",
    "SECTION_KINDS", "FORMATS", "LEVELS", "SCOPES",
])
def test_every_canonical_key_is_documented(name):
    text = DOMAIN.read_text(encoding="utf-8")
    keys: tuple[str, ...] = getattr(vocabulary, name)
    undocumented = [k for k in keys if f"`{k}`" not in text]
    assert not undocumented, f"etl/vocabulary.py {name} keys missing from docs/domain.md: {undocumented}"


def test_the_template_labels_of_the_code_are_the_ones_documented():
    text = DOMAIN.read_text(encoding="utf-8")
    wanted = [
        *labels.T3_ROW_LABELS.values(),
        *labels.T3_COLUMN_LABELS.values(),
        *labels.T4_OUTCOME_LABELS.values(),
        *(label.split()[-1] for label in labels.T4_PROCEEDING_LABELS.values()),
        *(h for blocks in labels.T2_LAYOUT.values() for b in blocks for h in (*b.headers, *b.rows)),
    ]
    missing = sorted({label for label in wanted if label not in text})
    assert not missing, f"labels of etl/parse/template_labels.py missing from docs/domain.md: {missing}"
