"""Sign-in, logout and token revocation, account unlock, and the API documentation behind sign-in
(issue 12 item 5)."""


import base64
import binascii
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from inspector_app.server import auth, throttle
from inspector_app import syncproto as P
from inspector_app.server.errors import ApiError
from inspector_app.server.models import User

DOCS_MODES = ("signed_in", "off", "public")


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    user: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def register(app: FastAPI, who: Callable[..., auth.Principal], admin: Callable[..., auth.Principal],
             bearer: Any) -> None:
    db, settings, hasher = app.state.db, app.state.settings, app.state.hasher
    Who = Annotated[auth.Principal, Depends(who)]
    Admin = Annotated[auth.Principal, Depends(admin)]

    def checked_password(name: str, password: str, addr: str) -> User:
        """The throttled password check shared by /login and the docs' Basic sign-in."""
        now = settings.clock()
        with db.write() as s:
            throttle.admit(s, name, addr, now, settings.login_throttle)
        with db.write() as s:
            user = auth.verify_password(s, hasher, name, password)
            if user is not None:
                s.expunge(user)
        with db.write() as s:
            if user is None:
                throttle.failed(s, name, now, settings.login_throttle)
                throttle.prune(s, now)
            else:
                throttle.succeeded(s, name, addr)
        if user is None:
            raise ApiError(401, "bad_credentials", "用户名或密码错误")
        return user

    @app.post("/sync/v1/login")
    def login(body: LoginRequest, request: Request) -> dict[str, Any]:
        user = checked_password(body.user, body.password, client_address(request))
        with db.write() as s:
            token, expires, p = auth.issue_token(s, s.merge(user), settings.clock(), settings.token_ttl)
        return {"token": token, "expires_at": expires.isoformat(),
                "user": {"id": p.user_id, "name": p.name, "role": p.role, "teams": list(p.teams)},
                "scope_hash": P.scope_hash(p.role, p.teams)}

    @app.post("/sync/v1/logout")
    def logout(p: Who, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict[str, Any]:
        """Revoke the token this request carries."""
        with db.write() as s:
            auth.revoke_token(s, creds.credentials if creds else "")
        return {"revoked": 1}

    @app.post("/sync/v1/tokens/revoke-all")
    def revoke_mine(p: Who) -> dict[str, Any]:
        """Sign out everywhere: every token of the calling account, this one included."""
        with db.write() as s:
            return {"revoked": auth.revoke_all(s, p.user_id)}

    Name = Annotated[str, PathParam(min_length=1, max_length=100)]

    def _user(s: Any, name: str) -> User:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            raise ApiError(404, "unknown_user", f"没有用户 {name}")
        return user

    @app.post("/sync/v1/admin/users/{name}/revoke-tokens")
    def revoke_user(name: Name, p: Admin) -> dict[str, Any]:
        with db.write() as s:
            return {"revoked": auth.revoke_all(s, _user(s, name).id)}

    @app.post("/sync/v1/admin/users/{name}/unlock")
    def unlock_user(name: Name, p: Admin) -> dict[str, Any]:
        with db.write() as s:
            return {"was_locked": throttle.unlock(s, name)}

    # ------------------------------------------------------------------------------------------ docs
    mode = settings.api_docs
    if mode not in DOCS_MODES:
        raise ValueError(f"api_docs must be one of {DOCS_MODES}, not {mode!r}")
    if mode != "signed_in":
        return  # "public": FastAPI's own routes were left on; "off": none at all

    def docs_reader(request: Request) -> auth.Principal:
        """A bearer token (scripts, schema tools) or HTTP Basic with an account's password (a browser: the
        Swagger page's own fetch of /openapi.json then carries the same credentials)."""
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        challenge = {"WWW-Authenticate": 'Basic realm="inspector sync server", charset="UTF-8"'}
        if scheme.lower() == "bearer" and value:
            with db.read() as s:
                p = auth.authenticate(s, value.strip(), settings.clock())
            if p is not None:
                return p
        elif scheme.lower() == "basic" and value:
            try:
                name, _, password = base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError):
                name, password = "", ""
            if name and password:
                try:
                    user = checked_password(name, password, client_address(request))
                except ApiError as exc:
                    raise ApiError(exc.status, exc.code, exc.message, headers={**exc.headers, **challenge},
                                   **exc.extra) from None
                with db.read() as s:
                    return auth.principal(s, s.merge(user))
        raise ApiError(401, "unauthenticated", "查看接口文档需要登录", headers=challenge)

    Reader = Annotated[auth.Principal, Depends(docs_reader)]

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(p: Reader) -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def docs(p: Reader) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} — API")
