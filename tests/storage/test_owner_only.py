"""Owner-only workspace files (issue 12 item 3), checked as another account on the same laptop would try it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app import fileio
from tests.demo_copy import demo_workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows profiles are private by default")


def _entries(root: Path) -> tuple[list[Path], list[Path]]:
    dirs, files = [root], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirs += [Path(dirpath, d) for d in dirnames]
        files += [Path(dirpath, f) for f in filenames]
    return dirs, files


def _open_to_others(root: Path) -> list[str]:
    dirs, files = _entries(root)
    return [f"{p.relative_to(root)} {stat.filemode(p.lstat().st_mode)}" for p in dirs + files
            if not p.is_symlink() and p.lstat().st_mode & 0o077]


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo workspace under a world-traversable parent, so only the workspace's own modes protect it. It is a
    mode-keeping copy of the run's demo, which `inspector demo` built under a typical login umask (022): the app
    must not rely on the caller's (tests/demo_copy.py)."""
    parent = Path(tempfile.mkdtemp(prefix="owner-only-"))
    os.chmod(parent, 0o755)
    yield demo_workspace(tmp_path_factory, parent / "ws")
    shutil.rmtree(parent, ignore_errors=True)


def test_demo_workspace_has_nothing_readable_by_group_or_others(demo_ws: Path) -> None:
    dirs, files = _entries(demo_ws)
    names = {p.name for p in files}
    # the sensitive kinds are really there: database + WAL, officer PKCS#12 files, their password file, the CA
    assert "inspector.sqlite3" in names and "demo-passwords.txt" in names
    assert any(n.endswith(".p12") for n in names) and any(n.endswith(".pem") for n in names)
    assert len(files) > 20
    assert _open_to_others(demo_ws) == []


@pytest.fixture(scope="module")
def other_account() -> Iterator[str]:
    if os.geteuid() != 0:
        pytest.skip("creating a second OS account needs root (CI runs as root)")
    name = f"insp{uuid.uuid4().hex[:8]}"
    subprocess.run(["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
    yield name
    subprocess.run(["userdel", name], check=False)


READER = r"""
import os, sys
ok = []
for line in sys.stdin.read().splitlines():
    try:
        if os.path.isdir(line):
            os.listdir(line)
        else:
            with open(line, "rb") as f:
                f.read(1)
        ok.append(line)
    except OSError:
        pass
print("\n".join(ok))
"""


def _readable_as(user: str, paths: list[Path]) -> list[str]:
    # the system interpreter (stdlib only): the project's virtualenv may itself be closed to other accounts
    python = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin") or sys.executable
    r = subprocess.run(["runuser", "-u", user, "--", python, "-I", "-c", READER],
                       input="\n".join(map(str, paths)), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return [x for x in r.stdout.splitlines() if x]


def test_another_os_account_cannot_read_any_workspace_file(demo_ws: Path, other_account: str) -> None:
    dirs, files = _entries(demo_ws)
    probe = demo_ws.parent / "probe.txt"
    probe.write_text("x")
    os.chmod(probe, 0o644)
    assert _readable_as(other_account, [probe]) == [str(probe)]   # the account really can read what is open
    assert _readable_as(other_account, dirs + files) == []
    # Even with every folder opened for traversal (a careless chmod, a backup tool), the files stay closed.
    for d in dirs:
        os.chmod(d, 0o711)
    try:
        assert _readable_as(other_account, files) == []
    finally:
        fileio.secure_tree(demo_ws)


def test_modes_are_fixed_on_every_start(tmp_path: Path, mini_forms: Path) -> None:
    from inspector_app.app import build_context

    ws = tmp_path / "ws"
    build_context(str(ws)).close()
    (ws / "keys").mkdir(exist_ok=True)
    (ws / "keys" / "old.p12").write_bytes(b"pkcs12 from an old version")
    for p in [*_entries(ws)[0]]:
        os.chmod(p, 0o755)
    for p in _entries(ws)[1]:
        os.chmod(p, 0o644)
    assert _open_to_others(ws)
    build_context(str(ws)).close()
    assert _open_to_others(ws) == []


def test_atomic_write_is_owner_only_and_leaves_no_temp(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        target = fileio.atomic_write(tmp_path / "sub" / "key.p12", b"secret")
        fileio.atomic_write(target, lambda f: f.write(b"newer"))
    finally:
        os.umask(old)
    assert target.read_bytes() == b"newer"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["key.p12"]
    with pytest.raises(RuntimeError):
        fileio.atomic_write(target, lambda f: (_ for _ in ()).throw(RuntimeError("disk gone")))
    assert target.read_bytes() == b"newer" and [p.name for p in target.parent.iterdir()] == ["key.p12"]


def test_secure_tree_is_fast_and_does_not_follow_links(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    os.chmod(outside, 0o644)
    ws = tmp_path / "ws"
    old = os.umask(0o022)   # an earlier test left this process owner-only: make an open tree on purpose
    try:
        for i in range(2000):
            d = ws / f"{i % 40:02x}"
            d.mkdir(parents=True, exist_ok=True)
            (d / f"f{i}").write_bytes(b"x")
    finally:
        os.umask(old)
    (ws / "link").symlink_to(outside)
    started = time.perf_counter()
    changed = fileio.secure_tree(ws)
    first = time.perf_counter() - started
    started = time.perf_counter()
    assert fileio.secure_tree(ws) == 0          # already private: nothing touched
    again = time.perf_counter() - started
    assert changed >= 2000 and _open_to_others(ws) == []
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    print(f"secure_tree 2041 entries: first {first * 1000:.0f} ms, again {again * 1000:.0f} ms")
    assert again < 2.0


def test_a_data_dir_with_other_files_keeps_them_as_they_are(tmp_path: Path, mini_forms: Path) -> None:
    """--data-dir pointed at a folder with the user's own files: only the app's entries are narrowed."""
    from inspector_app.app import build_context

    ws = tmp_path / "Documents"
    ws.mkdir()
    mine = ws / "report.docx"
    mine.write_bytes(b"the user's own file")
    os.chmod(mine, 0o644)
    build_context(str(ws)).close()
    build_context(str(ws)).close()
    assert stat.S_IMODE(mine.stat().st_mode) == 0o644
    assert stat.S_IMODE((ws / "inspector.sqlite3").stat().st_mode) == 0o600
    assert _open_to_others(ws / "blobs") == [] and stat.S_IMODE(ws.stat().st_mode) == 0o700


def test_ensure_without_the_walk_creates_private_folders_and_leaves_entries_to_the_next_walk(tmp_path: Path) -> None:
    """The desktop's start, before its sign-in dialog: folders made owner-only, no walk through every entry (one
    stat each, ≈ 30 ms per 10,000 photos on the GUI thread); opening the workspace after the password walks."""
    from inspector_app.paths import resolve_paths

    ws = tmp_path / "ws"
    paths = resolve_paths(ws).ensure()
    old = ws / "keys" / "old.p12"
    old.parent.mkdir(exist_ok=True)
    old.write_bytes(b"left readable by an old version")
    os.chmod(old, 0o644)
    paths.ensure(walk=False)
    assert stat.S_IMODE(old.stat().st_mode) == 0o644          # not walked
    for d in (paths.data_dir, paths.cache_dir, paths.config_dir, paths.backups_dir, paths.blobs_dir):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700
    paths.ensure()
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
