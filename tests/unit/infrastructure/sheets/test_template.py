"""Tests for the worksheet template: the shipped file and its checks."""

import json

import pytest

from infrastructure.sheets.template import load_template


def test_the_shipped_template_starts_with_the_five_columns_of_the_design():
    template = load_template()
    assert template.headers[:5] == ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)"]
    # Top-up columns come after the seven earlier worksheets have, so those keep their layout.
    assert template.index_of("reference") == 7
    assert template.headers[7:] == ["Top-up (USD)", "Top-up (KHR)"]


def test_a_template_without_a_required_column_is_refused_at_start(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"columns": [{"key": "no", "header": "No", "width": 5}]}))
    with pytest.raises(ValueError, match="reference"):
        load_template(path)
