"""The extractor never raises on any text and always returns the spec's shape."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vetplan.extraction import extract_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DOCUMENTS = Path(__file__).resolve().parent / "documents"
META_KEYS = {"title", "issuer", "doc_number", "date", "region"}
TARGET_KEYS = {"indicator", "comparator", "value", "value_max", "unit", "deadline", "kind", "sentence"}
TASK_KEYS = {"seq", "text", "lead_units", "responsible_units", "timeline"}


def sample_plans() -> list[str]:
    paths = sorted((SHARED / "policies").glob("*.txt")) if SHARED.is_dir() else []
    paths += sorted(DOCUMENTS.glob("*.txt"))
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            texts.append(path.read_bytes().decode("gb18030"))
    return texts


PLANS = sample_plans()
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
NOISE = st.text(
    alphabet=st.one_of(CJK, st.sampled_from(list("0123456789%％、，。；：（）()“”《》\t\n —-～个所人万以上左右")))
)


def assert_spec_shape(text: str) -> None:
    data = extract_text(text).to_dict()
    assert set(data) == {"meta", "targets", "tasks"}
    assert set(data["meta"]) == META_KEYS
    for target in data["targets"]:
        assert set(target) == TARGET_KEYS
        assert target["comparator"] in {">=", "<=", "=", "~", "between"}
        assert isinstance(target["value"], int | float)
        assert (target["value_max"] is not None) == (target["comparator"] == "between")
    for task in data["tasks"]:
        assert set(task) == TASK_KEYS
        assert all(isinstance(unit, str) and unit for unit in task["lead_units"] + task["responsible_units"])


@given(st.text())
@settings(max_examples=150, deadline=None)
def test_it_never_raises_on_random_text(text: str) -> None:
    assert_spec_shape(text)


@given(NOISE)
@settings(max_examples=150, deadline=None)
def test_it_never_raises_on_plan_like_noise(text: str) -> None:
    assert_spec_shape(text)


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(PLANS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        operation = draw(st.sampled_from(["delete", "duplicate", "shuffle", "insert"]))
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        if operation == "delete" and lines:
            del lines[index]
        elif operation == "duplicate" and lines:
            lines.insert(index, lines[index])
        elif operation == "shuffle":
            lines = draw(st.permutations(lines))
        else:
            line = lines[index] if lines else ""
            position = draw(st.integers(0, len(line)))
            lines[index : index + 1] = [line[:position] + draw(st.text(alphabet=CJK, max_size=5)) + line[position:]]
    return "\n".join(lines)


@given(mutated_plans())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_it_never_raises_on_mutated_plans(text: str) -> None:
    assert_spec_shape(text)
