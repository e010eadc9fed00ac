"""The demo workspace's keys: a demo recovery key pair and generated sign-in passwords for its officers.

A real agency makes its recovery key pair itself and keeps the private key offline; the demo writes its private
key OUTSIDE the workspace, beside it (`<workspace>-recovery-key-DEMO-ONLY.pem`, 0600), so that
`inspector keys recover` can be tried. The officers' generated passwords go to `keys/demo-passwords.txt` (0600)
beside their certificate passwords — a convenience for the demo only.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from inspector_app.services.signin import WorkspaceKeys
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.keyslots import generate_recovery_key_pair


def demo_recovery_key_path(data_dir: Path) -> Path:
    return data_dir.parent / f"{data_dir.name}-recovery-key-DEMO-ONLY.pem"


def create_demo_keys(keys: WorkspaceKeys, data_dir: Path) -> tuple[bytes, Path]:
    """A new workspace key wrapped for a freshly generated demo recovery key; returns (key, private key path)."""
    private_pem, public_pem = generate_recovery_key_pair()
    private_path = write_bytes(demo_recovery_key_path(data_dir), private_pem, mode=0o600)
    return keys.create(public_pem), private_path


def give_demo_passwords(keys: WorkspaceKeys, key: bytes, officers: list[Any]) -> dict[str, str]:
    """{officer id: sign-in password} — every officer of the demo roster can sign in."""
    passwords = {}
    for o in officers:
        password = secrets.token_urlsafe(9)  # 12 characters
        keys.set_password(key, o.id, o.name, o.role, o.certificate_no, password)
        passwords[o.id] = password
    return passwords


def write_demo_passwords(keys_dir: Path, officers: list[Any], sign_in: dict[str, str],
                         certificates: dict[str, str]) -> Path:
    lines = ["# 演示工作区的密码（仅用于演示，由 inspector demo 随机生成；真实工作区不应有此文件）",
             "# 姓名\t角色\t执法证号\t登录密码\t签名证书密码", ""]
    for o in officers:
        role = "组长" if o.role == "team_lead" else "检查员"
        lines.append(f"{o.name}\t{role}\t{o.certificate_no}\t{sign_in.get(o.id, '—')}\t{certificates.get(o.id, '—')}")
    return write_bytes(keys_dir / "demo-passwords.txt", ("\n".join(lines) + "\n").encode("utf-8"), mode=0o600)
