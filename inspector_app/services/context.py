"""The unit of work every service method runs in: one SQLite transaction that carries the change itself,
its journal event(s) and its outbox row(s), so none of the three can exist without the others."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from inspector_app.domain.journal import JournalEvent
from inspector_app.services.actor import Actor as Actor  # re-exported: services and ui import it from here
from inspector_app.storage import journal_repo, outbox_repo
from inspector_app.storage.blob_store import BlobStore
from inspector_app.storage.db import make_read_session_factory, make_session_factory, transaction

ROSTER_CHAIN = "roster"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UnitOfWork:
    def __init__(self, session: Session, actor: Actor, device: str, now: dt.datetime):
        self.session = session
        self.actor = actor
        self.device = device
        self.now = now
        self._wall_ms = int(now.timestamp() * 1000)

    def journal(self, chain_id: str, event_type: str, payload: dict[str, Any]) -> JournalEvent:
        return journal_repo.append_event(self.session, chain_id, self.now.isoformat(timespec="microseconds"),
                                         self.actor.label, self.device, event_type, payload)

    def outbox(self, entity: str, entity_id: str, op: str, payload: dict[str, Any]) -> None:
        outbox_repo.enqueue(self.session, entity, entity_id, op, payload, self.now, self._wall_ms)

    def record(self, chain_id: str, event_type: str, entity: str, entity_id: str, op: str,
               payload: dict[str, Any]) -> None:
        """The common case: one journal event and one outbox row describing the same change."""
        self.journal(chain_id, event_type, {"entity": entity, "id": entity_id, **payload})
        self.outbox(entity, entity_id, op, payload)


class ServiceContext:
    """Shared plumbing handed to every service by the composition root."""

    def __init__(self, engine: Engine, blobs: BlobStore,
                 clock: Callable[[], dt.datetime] = utc_now, device: str | None = None):
        self.engine = engine
        self.session_factory = make_session_factory(engine)
        self.read_factory = make_read_session_factory(engine)
        self.blobs = blobs
        self.clock = clock
        self.device = device or socket.gethostname()
        with transaction(self.session_factory) as s:
            outbox_repo.ensure_sync_state(s, self.device)

    @contextmanager
    def unit(self, actor: Actor) -> Iterator[UnitOfWork]:
        with transaction(self.session_factory) as session:
            yield UnitOfWork(session, actor, self.device, self.clock())

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.read_factory() as session:
            yield session
