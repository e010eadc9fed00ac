"""Who may read an evidence blob (issue 12 item 5).

The SHA-256 of every photo is printed in each 证据清单, so the hash itself must not open the bytes. A blob is
readable by:
- admins;
- an account holding a *grant*: it uploaded the whole blob (the digest check proves possession), or it could
  already read the blob when its push referenced it;
- members of a team holding a record that references the blob, when that reference is *vouched*: made by an
  account holding a grant, or made by the server itself / before this rule existed (created_by NULL).

Why vouching: a client pushes records before their photos (sync.md §9), so a reference may name a blob the server
does not have yet; without it anyone could push a record naming another team's hash and read the photo.
Refusals look exactly like "no such blob" (404) so a probe learns nothing. Uploading the same bytes again is
the only way to gain access to an existing blob one cannot read (proof of possession instead of a dedup probe).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, aliased

from inspector_app.server.auth import Principal
from inspector_app.server.db import insert_or_ignore
from inspector_app.server.models import BlobGrant, BlobRef, Record


def has_grant(s: Session, user_id: str, sha256: str) -> bool:
    return s.get(BlobGrant, (sha256, user_id)) is not None


def grant(s: Session, user_id: str, sha256: str, now: dt.datetime | None = None) -> None:
    # One statement, no load or flush: it runs for every uploaded photo (issue 17).
    insert_or_ignore(s, BlobGrant, sha256=sha256, user_id=user_id, created_at=now or dt.datetime.now(dt.timezone.utc))


def can_read(s: Session, who: Principal, sha256: str) -> bool:
    if who.is_admin or has_grant(s, who.user_id, sha256):
        return True
    if not who.teams:
        return False
    g = aliased(BlobGrant)
    vouched = or_(BlobRef.created_by.is_(None),
                  exists().where(g.sha256 == BlobRef.sha256, g.user_id == BlobRef.created_by))
    q = (select(Record)
         .join(BlobRef, (Record.entity == BlobRef.entity) & (Record.id == BlobRef.id))
         .where(BlobRef.sha256 == sha256, Record.team_id.in_(who.teams), vouched)
         .limit(20))
    # A team's reference opens the blob, unless the record is under a drawn draft this account may not see yet
    # (server/confidential.py): a photo of the draft is no more public than the draft.
    from inspector_app.server.confidential import withheld

    return any(not withheld(s, who, rec) for rec in s.scalars(q))


def add_ref(s: Session, who: Principal, entity: str, rid: str, sha256: str, now: dt.datetime) -> None:
    """Record that `entity/rid` references the blob; vouch for it when the pushing account can read the blob."""
    if s.get(BlobRef, (entity, rid, sha256)) is not None:
        return
    if can_read(s, who, sha256):
        grant(s, who.user_id, sha256, now)
    s.add(BlobRef(entity=entity, id=rid, sha256=sha256, created_by=who.user_id))
    s.flush()
