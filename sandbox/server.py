"""The sandbox server: SR at ``/registry``, ESS at ``/ess``, identity at ``/oauth2``, admin at ``/admin``.

Routes stay thin: authenticate, parse, hand the envelope to ``handlers``, serialise. Every
failure leaves as a DCI ERR envelope with a 4xx, never as a bare 500 or an HTML page.
``Sandbox`` runs the app under uvicorn in a background thread for ``field-desk --demo`` and tests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

import uvicorn
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from desktop.domain import synthetic

from .auth import Identity, Principal
from .db import Database
from .dci import DciError, err_envelope, parse_body
from .entity_types import ESS_TYPES, SR_TYPES
from .fieldstore import FieldStore
from .gateway import Gateway
from .handlers import Callbacks, Service, Services
from .pipeline import Pipeline, plan_staff
from .registry import ESS_RECORDS, SR_RECORDS, Registry, dumps

log = logging.getLogger("sandbox")

DEMO_PASSWORD = "demo"
DEMO_CLIENT = ("demo-system", "demo")


def build_services(data_dir: Path, members: int = 300, seed: int = 1, counselors: int | None = None) -> Services:
    """Open (and on first start, seed) the identity, SR and ESS databases under ``data_dir``."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    identity = Identity(Database(data_dir / "identity.sqlite"))
    sr_store = FieldStore(Database(data_dir / "sr.sqlite"), "SR", SR_TYPES)
    ess_store = FieldStore(Database(data_dir / "ess.sqlite"), "ESS", ESS_TYPES)
    staff = plan_staff(members, counselors)
    pipeline = Pipeline(sr_store, ess_store, staff)
    gateway = Gateway(ess_store)
    sr = Service("sr", "/registry", sr_store, Registry(sr_store, "ns:org:RegistryType:Social", SR_RECORDS, "sr"))
    ess = Service("ess", "/ess", ess_store, Registry(ess_store, "ns:org:RegistryType:ESS", ESS_RECORDS, "ess"))
    services = Services(identity, sr, ess, pipeline, gateway, Callbacks())
    if sr_store.max_seq == 0:
        identity.add_users(staff.users(), DEMO_PASSWORD)
        identity.add_client(*DEMO_CLIENT)
        services.seed_summary = pipeline.run_all(synthetic.iter_population(members, seed))
    return services


def create_app(
    data_dir: Path, members: int = 300, seed: int = 1, counselors: int | None = None, services: Services | None = None
) -> FastAPI:
    """The ASGI app of the sandbox, seeded on first start."""
    services = services or build_services(data_dir, members, seed, counselors)
    app = FastAPI(title="Field Desk sandbox (SR + ESS)", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.services = services
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "err.request.not_found" if exc.status_code == 404 else "err.request.bad"
        return JSONResponse(err_envelope(code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(err_envelope("err.service.unavailable", "internal error"), status_code=500)

    def dci_route(path: str, handler: Callable[[dict, Principal], dict], auth: bool = True) -> None:
        async def endpoint(request: Request) -> Response:
            raw = await request.body()
            try:
                principal = services.identity.authenticate(request.headers.get("authorization")) if auth else None
                body = parse_body(raw)
                result = await run_in_threadpool(handler, body, principal)
            except DciError as exc:
                return JSONResponse(err_envelope(exc.code, exc.message), status_code=exc.status)
            return Response(dumps(result), media_type="application/json")

        app.add_api_route(path, endpoint, methods=["POST"], name=path)

    for service in (services.sr, services.ess):
        p = service.prefix
        dci_route(f"{p}/sync/search", service.sync_search)
        dci_route(f"{p}/search", lambda b, pr, s=service: s.async_search(b, pr, services.callbacks))
        dci_route(f"{p}/sync/txn/status", service.sync_txn_status)
        dci_route(f"{p}/subscribe", lambda b, pr, s=service: s.subscribe(b, pr, services.callbacks))
        dci_route(f"{p}/unsubscribe", lambda b, pr, s=service: s.unsubscribe(b, pr, services.callbacks))
        dci_route(f"{p}/notify", service.notify)
        dci_route(f"{p}/sync/update", lambda b, pr, s=service: s.update(b, pr, services.after_op(s)))
    dci_route("/registry/txn/status", lambda b, pr: services.sr.async_txn_status(b, pr, services.callbacks))
    dci_route("/ess/txn/status", services.ess.mock_txn_status)
    dci_route("/ess/sync/check-enrollment", services.check_enrollment)
    dci_route("/registry/sync/enrollment/updates", services.enrollment_updates)

    async def form_route(request: Request, grant: Callable[[dict], dict]) -> JSONResponse:
        """OAuth2 token requests are ``application/x-www-form-urlencoded``."""
        try:
            raw = await request.body()
            if len(raw) > 16_384:
                raise DciError(400, "err.request.bad", "form too large")
            try:
                form = dict(parse_qsl(raw.decode(), max_num_fields=20))
            except (UnicodeDecodeError, ValueError) as exc:
                raise DciError(400, "err.request.bad", f"bad form: {exc}") from None
            return JSONResponse(await run_in_threadpool(grant, form))
        except DciError as exc:
            return JSONResponse(err_envelope(exc.code, exc.message), status_code=exc.status)

    @app.post("/oauth2/token")
    async def person_token(request: Request) -> JSONResponse:
        return await form_route(request, services.person_token)

    @app.post("/oauth2/client/token")
    async def system_token(request: Request) -> JSONResponse:
        return await form_route(request, services.system_token)

    def admin_route(path: str, action: Callable[[Request], dict]) -> None:
        async def endpoint(request: Request) -> JSONResponse:
            try:
                principal = services.identity.authenticate(request.headers.get("authorization"))
                if not principal.is_system:
                    raise DciError(403, "err.request.forbidden", "admin calls need a system token")
                return JSONResponse(await run_in_threadpool(action, request))
            except DciError as exc:
                return JSONResponse(err_envelope(exc.code, exc.message), status_code=exc.status)

        app.add_api_route(path, endpoint, methods=["POST"], name=path)

    admin_route("/admin/devices/{device_id}/revoke", lambda r: services.revoke_device(r.path_params["device_id"]))
    admin_route("/admin/sync/reset-epoch", lambda r: services.reset_epoch())
    admin_route("/admin/feedback/run", lambda r: services.run_feedback())
    admin_route("/admin/gateway/advance", lambda r: services.advance_gateway())

    @app.post("/admin/registrations")
    async def register(request: Request) -> Response:
        try:
            principal = services.identity.authenticate(request.headers.get("authorization"))
            if not principal.is_system:
                raise DciError(403, "err.request.forbidden", "admin calls need a system token")
            body = parse_body(await request.body())
            return JSONResponse(await run_in_threadpool(services.register_households, body))
        except DciError as exc:
            return JSONResponse(err_envelope(exc.code, exc.message), status_code=exc.status)

    @app.get("/admin/status")
    async def status() -> JSONResponse:
        return JSONResponse(await run_in_threadpool(services.status))

    return app


class Sandbox:
    """The sandbox in a background thread: ``with Sandbox(tmp) as sb: requests.get(sb.url ...)``."""

    def __init__(
        self,
        data_dir: Path,
        members: int = 300,
        seed: int = 1,
        counselors: int | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        tick_seconds: float | None = 60.0,
    ):
        self.data_dir = Path(data_dir)
        self.members, self.seed, self.counselors = members, seed, counselors
        self.host, self.port = host, port
        self.tick_seconds = tick_seconds
        self.services: Services | None = None
        self._server: uvicorn.Server | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> Sandbox:
        """Seed if needed, serve, and return once the port accepts connections."""
        self.services = build_services(self.data_dir, self.members, self.seed, self.counselors)
        app = create_app(self.data_dir, services=self.services)
        config = uvicorn.Config(
            app, host=self.host, port=self.port, log_level="warning", lifespan="off", access_log=False
        )
        self._server = uvicorn.Server(config)
        thread = threading.Thread(target=self._server.run, name="sandbox-http", daemon=True)
        thread.start()
        self._threads.append(thread)
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the sandbox could not listen on {self.host}:{self.port}")
            time.sleep(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        if self.tick_seconds:
            ticker = threading.Thread(target=self._tick, name="sandbox-ticker", daemon=True)
            ticker.start()
            self._threads.append(ticker)
        return self

    def _tick(self) -> None:
        """B.8 and B.9 on a timer, as a real ESS would run them."""
        while not self._stopping.wait(self.tick_seconds):
            try:
                self.services.advance_gateway()
                self.services.run_feedback()
            except Exception:  # a failed round is retried at the next tick
                log.exception("periodic step failed")

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.should_exit = True
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads.clear()
        if self.services is not None:
            self.services.close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
