"""The code stays ruff clean, and its types check: strictly on the core, plainly on the adapters."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import PROJECT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed with the test extra")
def test_ruff_is_clean():
    result = subprocess.run(
        ["ruff", "check", "sigsite", "tests"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


MYPY = [sys.executable, "-m", "mypy", "--no-incremental"]


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is installed with the test extra")
def test_the_core_is_strictly_typed():
    result = subprocess.run(
        [*MYPY, "--strict", "sigsite", "--exclude", "sigsite/adapters"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is installed with the test extra")
def test_the_adapters_type_check_against_mkdocs():
    result = subprocess.run(
        [*MYPY, "sigsite/adapters"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
