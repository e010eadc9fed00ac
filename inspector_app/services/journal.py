"""Reading and checking the whole-process record (全过程记录)."""

from __future__ import annotations

from inspector_app.domain.journal import ChainReport, JournalEvent, verify_chain
from inspector_app.services.context import ServiceContext
from inspector_app.storage import journal_repo


class JournalService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def events(self, chain_id: str) -> list[JournalEvent]:
        with self._ctx.read() as s:
            return journal_repo.load_chain(s, chain_id)

    def verify(self, chain_id: str) -> ChainReport:
        return verify_chain(self.events(chain_id))
