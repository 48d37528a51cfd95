"""The code stays ruff clean."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import PROJECT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed with the test extra")
def test_ruff_is_clean():
    result = subprocess.run(
        ["ruff", "check", "sigsite", "tests"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
