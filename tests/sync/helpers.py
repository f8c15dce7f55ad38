"""Small builders for the entities the sync tests write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import requests

from desktop.domain.model import PlanItem, ServiceRecord

TODAY = dt.date.today().isoformat()


def service_record(member_id: str, text: str = "visit") -> ServiceRecord:
    return ServiceRecord(member_id=member_id, service_type="counselling", provided_on=TODAY, description=text)


def plan_item(member_id: str, goal: str = "Find work") -> PlanItem:
    return PlanItem(member_id=member_id, owner_role="employment", goal=goal, status="planned")


class HookedSession(requests.Session):
    """A real session with a hook around each exchange (an edit mid-push, a crash, a repeat).

    ``before(request)`` runs before the request goes out, ``after(request, response)`` once
    the reply is in; neither changes what is sent or received.
    """

    def __init__(self, before: Callable | None = None, after: Callable | None = None):
        super().__init__()
        self.before, self.after = before, after

    def send(self, request, **kw):
        if self.before is not None:
            self.before(request)
        response = super().send(request, **kw)
        if self.after is not None:
            self.after(request, response)
        return response
