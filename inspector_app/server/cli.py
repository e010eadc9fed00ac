"""`inspector server ...`: run the sync server and administer it.

    inspector server [--db URL] [--storage DIR] [--host 127.0.0.1] [--port 8765] [--workers N]
    inspector server users add NAME --role inspector|team_lead|admin --team T [--team T2] [--password-stdin]
    inspector server users teams NAME --team T ...
    inspector server users revoke NAME              (every token of the account stops working at once)
    inspector server users unlock NAME              (lift the lockout after repeated wrong passwords)
    inspector server import-roster FILE.json        (institutions and officers; admin data, class D)
    inspector server assign-institution ID --team T (the team that gets the institution's leads and returns)
    inspector server import-templates [DIR]         (checklist templates as immutable versions)
    inspector server new-epoch                      (run after every restore from backup: sync.md §16.2)
    inspector server expire-uploads                 (delete incomplete uploads older than 7 days)
    inspector server migrate
    inspector server tsa init --ca-cert CA.pem --ca-key CA-KEY.pem   (the server's own TSA, issue 11 item 5)

`register(subparsers)` adds the tree to the main `inspector` parser; `python -m inspector_app.server.cli` runs it
standalone. The database URL may also come from INSPECTOR_SERVER_DB, the storage directory from
INSPECTOR_SERVER_STORAGE.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP

DEFAULT_DB = "inspector-server.sqlite3"
DEFAULT_STORAGE = "inspector-server-data"


def _common(p: argparse.ArgumentParser, suppress: bool) -> None:
    d = argparse.SUPPRESS if suppress else None
    # argparse fills a help's %(name)s from the action's attributes: the translated template keeps the names
    db = p.add_argument("--db", metavar="URL", default=d,
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "database: a SQLite file path or sqlite:/// URL, or postgresql://user@host/db "
                                   "(default: INSPECTOR_SERVER_DB, else ./%(default_file)s)"))
    db.default_file = DEFAULT_DB  # type: ignore[attr-defined]
    storage = p.add_argument("--storage", metavar="DIR", default=d,
                             help=QT_TRANSLATE_NOOP("Cli", "evidence blob storage directory (default: "
                                                           "INSPECTOR_SERVER_STORAGE, else ./%(default_dir)s)"))
    storage.default_dir = DEFAULT_STORAGE  # type: ignore[attr-defined]


def _sub(actions: Any, name: str, help: str) -> argparse.ArgumentParser:
    """An action's parser, with --db and --storage accepted after it too."""
    p = actions.add_parser(name, help=help)
    _common(p, suppress=True)
    return p


def register(subparsers: Any) -> argparse.ArgumentParser:
    server = subparsers.add_parser("server", help=QT_TRANSLATE_NOOP("Cli", "run or administer the sync server"),
                                   description=QT_TRANSLATE_NOOP(
                                       "Cli", "The sync server (FastAPI + uvicorn). Without an action it serves."))
    _common(server, suppress=False)
    server.add_argument("--host", default="127.0.0.1", help=QT_TRANSLATE_NOOP(
        "Cli", "address to listen on (default 127.0.0.1)"))
    server.add_argument("--port", type=int, default=8765, help=QT_TRANSLATE_NOOP(
        "Cli", "port (default 8765; 0 picks a free one)"))
    server.add_argument("--workers", type=int, default=1, help=QT_TRANSLATE_NOOP(
        "Cli", "worker processes (share one PostgreSQL database)"))
    server.add_argument("--token-hours", type=float, default=12.0, help=QT_TRANSLATE_NOOP(
        "Cli", "bearer token lifetime in hours"))
    server.add_argument("--log-level", default="warning")
    server.add_argument("--tsa-url", default=None, metavar="URL",
                        help=QT_TRANSLATE_NOOP("Cli", "the agency's RFC 3161 time-stamping service (default: "
                                                      "INSPECTOR_SERVER_TSA_URL, else the server's own TSA when "
                                                      "`tsa init` has been run, else no timestamps)"))
    server.add_argument("--blob-store", default=None, metavar="URL",
                        help=QT_TRANSLATE_NOOP("Cli", "evidence in an S3-compatible bucket: "
                                                      "s3://BUCKET[/PREFIX]?endpoint=URL&region=R (default: "
                                                      "INSPECTOR_SERVER_BLOB_STORE, else files under --storage; "
                                                      "credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or "
                                                      "AWS_SHARED_CREDENTIALS_FILE, never the URL)"))
    server.add_argument("--max-chunk-mib", type=float, default=None,
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "largest upload request body in MiB (default: INSPECTOR_SERVER_MAX_CHUNK_MIB, "
                                   "else 16); bodies are streamed to disk, so this bounds request time, not memory"))
    actions = server.add_subparsers(dest="server_command", metavar="ACTION")

    users = _sub(actions, "users", QT_TRANSLATE_NOOP("Cli", "manage accounts"))
    usub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = _sub(usub, "add", QT_TRANSLATE_NOOP("Cli", "create an account"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["inspector", "team_lead", "admin"])
    add.add_argument("--team", action="append", default=[], metavar="T", help=QT_TRANSLATE_NOOP(
        "Cli", "team (repeatable)"))
    add.add_argument("--password-stdin", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "read the password from standard input"))
    add.add_argument("--officer", metavar="OFFICER_ID", default=None,
                     help=QT_TRANSLATE_NOOP(
                         "Cli", "the account's officer in the roster: drafts of a 双随机 draw that name this "
                                "officer reach this account (and nobody else of the team) until the visit starts"))
    teams = _sub(usub, "teams", QT_TRANSLATE_NOOP("Cli", "replace an account's teams (changes what it may see)"))
    teams.add_argument("name")
    teams.add_argument("--team", action="append", default=[], metavar="T")
    _sub(usub, "list", QT_TRANSLATE_NOOP("Cli", "list accounts"))
    revoke = _sub(usub, "revoke", QT_TRANSLATE_NOOP(
        "Cli", "revoke every sign-in token of an account (lost laptop, departure)"))
    revoke.add_argument("name")
    unlock = _sub(usub, "unlock", QT_TRANSLATE_NOOP("Cli", "lift the lockout after repeated wrong passwords"))
    unlock.add_argument("name")

    roster = _sub(actions, "import-roster", QT_TRANSLATE_NOOP(
        "Cli", "publish institutions and officers from a JSON file"))
    roster.add_argument("file", type=Path)
    assign = _sub(actions, "assign-institution", QT_TRANSLATE_NOOP(
        "Cli", "assign an institution to a team (its data leads and returns go to that team)"))
    assign.add_argument("institution_id")
    assign.add_argument("--team", required=True)
    tmpl = _sub(actions, "import-templates", QT_TRANSLATE_NOOP("Cli", "publish checklist templates (forms/*.toml)"))
    tmpl.add_argument("directory", type=Path, nargs="?")
    _sub(actions, "new-epoch", QT_TRANSLATE_NOOP(
        "Cli", "regenerate the server epoch (after a restore from backup)"))
    _sub(actions, "expire-uploads", QT_TRANSLATE_NOOP(
        "Cli", "delete incomplete uploads past their expiry (run daily)"))
    tsa = _sub(actions, "tsa", QT_TRANSLATE_NOOP("Cli", "the server's own RFC 3161 time-stamping authority"))
    tsub = tsa.add_subparsers(dest="tsa_command", metavar="ACTION", required=True)
    tinit = _sub(tsub, "init", QT_TRANSLATE_NOOP(
        "Cli", "issue the TSA certificate from the agency CA (kept in STORAGE/tsa/)"))
    tinit.add_argument("--ca-cert", type=Path, required=True, help=QT_TRANSLATE_NOOP(
        "Cli", "the agency CA certificate (PEM)"))
    tinit.add_argument("--ca-key", type=Path, required=True, help=QT_TRANSLATE_NOOP(
        "Cli", "the agency CA private key (PEM)"))
    tinit.add_argument("--ca-key-password-stdin", action="store_true",
                       help=QT_TRANSLATE_NOOP("Cli", "read the CA key's password from standard input"))
    tinit.add_argument("--name", help=QT_TRANSLATE_NOOP(
        "Cli", "the TSA's common name (default: <agency> 时间戳服务)"))
    tserve = _sub(tsub, "serve", QT_TRANSLATE_NOOP(
        "Cli", "run the TSA as its own RFC 3161 HTTP service (for --tsa-url)"))
    tserve.add_argument("--host", default="127.0.0.1", help=QT_TRANSLATE_NOOP(
        "Cli", "address to listen on (default 127.0.0.1)"))
    tserve.add_argument("--port", type=int, default=3161, help=QT_TRANSLATE_NOOP(
        "Cli", "port (default 3161; 0 picks a free one)"))
    _sub(actions, "migrate", QT_TRANSLATE_NOOP("Cli", "apply database migrations and exit"))
    server.set_defaults(handler=run)
    return server


def _db_url(args: argparse.Namespace) -> str:
    return getattr(args, "db", None) or os.environ.get("INSPECTOR_SERVER_DB") or DEFAULT_DB


def _storage(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "storage", None) or os.environ.get("INSPECTOR_SERVER_STORAGE") or DEFAULT_STORAGE)


def _admin_principal(db: Any) -> Any:
    from inspector_app.server.auth import Principal

    return Principal("cli", "cli", "admin", ())


def run(args: argparse.Namespace) -> int:
    from inspector_app import fileio
    from inspector_app.server.db import Database, new_epoch

    fileio.private_umask()   # a database or file created by any server command is owner-only

    cmd = getattr(args, "server_command", None)
    if cmd is None:
        return _serve(args)
    if cmd == "tsa":
        return _tsa_serve(args) if args.tsa_command == "serve" else _tsa_init(args)
    db = Database(_db_url(args))
    try:
        if cmd == "migrate":
            print("数据库已是最新结构")
            return 0
        if cmd == "new-epoch":
            print(f"新的服务器纪元（epoch）：{new_epoch(db.engine)}；客户端下次同步时会重新上传服务器缺失的修改")
            return 0
        if cmd == "expire-uploads":
            import datetime as dt

            from inspector_app.server.storage import Staging
            from inspector_app.server.uploads import UploadService

            svc = UploadService(db, None, Staging(_storage(args)), expiry=dt.timedelta(days=7),  # type: ignore[arg-type]
                                max_chunk=0, max_size=0)
            print(f"已删除 {svc.expire(dt.datetime.now(dt.timezone.utc))} 个过期的未完成上传")
            return 0
        if cmd == "users":
            return _users(args, db)
        if cmd == "import-roster":
            return _import_roster(args, db)
        if cmd == "import-templates":
            return _import_templates(args, db)
        if cmd == "assign-institution":
            from inspector_app.server.models import InstitutionTeam

            with db.write() as s:
                row = s.get(InstitutionTeam, args.institution_id) or InstitutionTeam(institution_id=args.institution_id)
                row.team_id = args.team
                s.add(row)
            print(f"机构 {args.institution_id} 已分配给检查组 {args.team}：其数据线索和自查报告此后同步给该组")
            return 0
    finally:
        db.dispose()
    return 2


def _users(args: argparse.Namespace, db: Any) -> int:
    from sqlalchemy import select

    from inspector_app.server import auth
    from inspector_app.server.models import User

    from inspector_app.server import throttle

    hasher = auth.make_hasher()
    if args.users_command == "list":
        with db.read() as s:
            for u in s.scalars(select(User).order_by(User.name)):
                p = auth.principal(s, u)
                lock = "  已锁定" if throttle.locked(s, u.name) else ""
                officer = f"  执法人员 {u.officer_id}" if u.officer_id else ""
                print(f"{u.name:<20} {u.role:<10} {','.join(p.teams)}{officer}{lock}")
        return 0
    if args.users_command == "unlock":
        with db.write() as s:
            was = throttle.unlock(s, args.name)
        print(f"已解锁 {args.name}" if was else f"{args.name} 未被锁定（失败计数已清零）")
        return 0
    if args.users_command == "revoke":
        with db.write() as s:
            user = s.scalar(select(User).where(User.name == args.name))
            if user is None:
                print(f"没有用户 {args.name}", file=sys.stderr)
                return 1
            n = auth.revoke_all(s, user.id)
        print(f"已吊销 {args.name} 的 {n} 个登录令牌；该账号须重新登录")
        return 0
    if args.users_command == "teams":
        with db.write() as s:
            user = s.scalar(select(User).where(User.name == args.name))
            if user is None:
                print(f"没有用户 {args.name}", file=sys.stderr)
                return 1
            auth.set_teams(s, user, args.team)
        print(f"{args.name} 的检查组：{', '.join(args.team) or '（无）'}")
        return 0
    if args.role != "admin" and not args.team:
        print("检查人员和组长须至少属于一个检查组（--team）", file=sys.stderr)
        return 2
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = os.environ.get("INSPECTOR_NEW_PASSWORD") or getpass.getpass(f"{args.name} 的密码：")
    try:
        with db.write() as s:
            auth.add_user(s, hasher, args.name, password, args.role, args.team, args.officer)
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已创建用户 {args.name}（{args.role}；检查组 {', '.join(args.team) or '—'}）")
    return 0


def _tsa_serve(args: argparse.Namespace) -> int:
    from inspector_app.server import tsa, tsa_http

    try:
        tsa_http.serve(_storage(args), args.host, args.port,
                       ready=lambda url: print(f"时间戳服务（RFC 3161）正在 {url} 提供服务", flush=True))
    except (OSError, tsa.TsaError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def _tsa_init(args: argparse.Namespace) -> int:
    from inspector_app.server import tsa

    password = sys.stdin.readline().rstrip("\n").encode() if args.ca_key_password_stdin else None
    try:
        folder = tsa.init_tsa(_storage(args), args.ca_cert.read_bytes(), args.ca_key.read_bytes(),
                              password=password, name=args.name)
    except (OSError, tsa.TsaError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"时间戳服务证书已签发，保存在 {folder}；重启服务器后，收到的已签名文书将加盖可信时间戳")
    return 0


def _publish(db: Any, entity: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    import datetime as dt

    from inspector_app.server import sync_service

    with db.write() as s:
        return sync_service.import_reference(s, _admin_principal(db), entity, items, dt.datetime.now(dt.timezone.utc))


def _import_roster(args: argparse.Namespace, db: Any) -> int:
    """{"institutions": [{"id": ..., <InstitutionRow fields>}], "officers": [{"id": ..., ...}]}"""
    raw = json.loads(args.file.read_text(encoding="utf-8"))
    for key, entity in (("institutions", "institution"), ("officers", "officer")):
        items = [{"id": x["id"], "data": {k: v for k, v in x.items() if k != "id"}} for x in raw.get(key, [])]
        if items:
            out = _publish(db, entity, items)
            print(f"{entity}: 新增 {out['created']}，更新 {out['updated']}，未变 {out['unchanged']}")
    return 0


def _import_templates(args: argparse.Namespace, db: Any) -> int:
    from inspector_app.catalog.loader import load_library
    from inspector_app.resources import forms_dir

    lib = load_library(args.directory or forms_dir())
    for p in lib.problems:
        print(f"已拒绝 {p}", file=sys.stderr)
    items = [{"id": t.content_hash, "data": {"template_id": t.id, "version": t.version, "title": t.title,
                                             "source": t.source}} for t in lib.templates.values()]
    out = _publish(db, "template", items)
    print(f"检查表版本：新增 {out['created']}，未变 {out['unchanged']}")
    return 1 if lib.problems else 0


def settings_from_env() -> Any:
    import datetime as dt

    from inspector_app.server.app import ServerSettings

    return ServerSettings(
        db_url=os.environ.get("INSPECTOR_SERVER_DB") or DEFAULT_DB,
        storage_dir=Path(os.environ.get("INSPECTOR_SERVER_STORAGE") or DEFAULT_STORAGE),
        token_ttl=dt.timedelta(hours=float(os.environ.get("INSPECTOR_SERVER_TOKEN_HOURS", "12"))),
        push_delay=float(os.environ.get("INSPECTOR_SERVER_TEST_PUSH_DELAY", "0") or 0),
        tsa_url=os.environ.get("INSPECTOR_SERVER_TSA_URL") or None,
        blob_store=os.environ.get("INSPECTOR_SERVER_BLOB_STORE") or None,
        max_chunk=int(float(os.environ.get("INSPECTOR_SERVER_MAX_CHUNK_MIB") or 16) * (1 << 20)),
        s3_part_size=int(float(os.environ.get("INSPECTOR_SERVER_S3_PART_MIB") or 16) * (1 << 20)),
        s3_concurrency=int(os.environ.get("INSPECTOR_SERVER_S3_CONCURRENCY") or 4),
    )


def app_factory() -> Any:
    """For uvicorn workers: `uvicorn --factory inspector_app.server.cli:app_factory` (settings from env)."""
    from inspector_app.server.app import create_app
    from inspector_app.server.heap import keep_freed_memory

    keep_freed_memory()   # each serving process: upload bodies reuse heap pages instead of faulting in new ones
    return create_app(settings_from_env())


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from inspector_app.server.db import Database

    from inspector_app import fileio

    # Evidence photos and the database are the agency's personal data: owner-only files, fixed on every start.
    fileio.private_umask()
    storage = fileio.ensure_private_dir(_storage(args))
    fileio.secure_tree(storage)
    if "://" not in _db_url(args):
        for suffix in ("", "-wal", "-shm"):
            if Path(_db_url(args) + suffix).exists():
                os.chmod(_db_url(args) + suffix, fileio.PRIVATE_FILE)
    os.environ["INSPECTOR_SERVER_DB"] = _db_url(args)
    os.environ["INSPECTOR_SERVER_STORAGE"] = str(_storage(args).resolve())
    os.environ["INSPECTOR_SERVER_TOKEN_HOURS"] = str(args.token_hours)
    if args.tsa_url:
        os.environ["INSPECTOR_SERVER_TSA_URL"] = args.tsa_url
    if args.blob_store:
        os.environ["INSPECTOR_SERVER_BLOB_STORE"] = args.blob_store
    if args.max_chunk_mib:
        os.environ["INSPECTOR_SERVER_MAX_CHUNK_MIB"] = str(args.max_chunk_mib)
    Database(_db_url(args)).dispose()  # migrate once, before any worker starts
    uvicorn.run("inspector_app.server.cli:app_factory", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level, access_log=False)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="inspector")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
