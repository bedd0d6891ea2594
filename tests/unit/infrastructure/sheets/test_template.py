"""Tests for the worksheet template: the shipped file and its checks."""

import json

import pytest

from infrastructure.sheets.template import load_template


def test_the_shipped_template_starts_with_the_five_columns_of_the_design():
    template = load_template()
    assert template.headers[:5] == ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)"]
    # The Category beside the amounts; worksheets made before it get it after their last column.
    assert template.headers[5:10] == ["Category", "Posted by", "Reference", "Top-up (USD)", "Top-up (KHR)"]
    # Cash between the box and a member: its kind, the member, its amount out of the spending sums.
    assert template.headers[10:14] == ["Movement", "Member", "Movement (USD)", "Movement (KHR)"]
    # An expense over the group's approval threshold: "awaiting approval", then who approved it and when.
    assert template.headers[14:] == ["Status"]


def test_columns_after_the_fifth_are_found_by_their_header_wherever_a_bookkeeper_put_them():
    template = load_template()
    layout = template.layout_of(["No", "Date", "Item", "USD", "KHR", "Notes", " reference ", "POSTED BY"])
    assert (layout.column("reference"), layout.column("member")) == (7, 8)
    assert layout.column("usd") == 4  # the first five are the design's, whatever their header says
    assert not layout.has("category")
    completed, added = layout.completed(template, ["category"])
    assert added == [(9, "Category")]
    assert completed.row({"item": "tea", "category": "Food & drinks", "member": "Dara"}) == [
        "", "", "tea", "", "", "", "", "Dara", "Food & drinks",
    ]  # fmt: skip
    assert completed.cells(["", "", "tea"])["category"] == ""


def test_a_template_without_a_required_column_is_refused_at_start(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"columns": [{"key": "no", "header": "No", "width": 5}]}))
    with pytest.raises(ValueError, match="reference"):
        load_template(path)
