"""Serving the app with uvicorn, the production ASGI server."""

from __future__ import annotations

import ipaddress
import socket

from ..errors import Errors, WartaError
from .config import ServerConfig


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        if host == "localhost":
            return True
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except (OSError, ValueError):
            return False


def check_settings(host: str, config: ServerConfig) -> list[str]:
    """Refuse unsafe combinations; return warnings for risky ones."""
    warnings = []
    if config.allow_update and not config.update_token:
        raise WartaError(Errors.E047)
    if config.allow_update and not is_loopback(host):
        warnings.append(Errors.W001.format(host=host))
    if config.allow_service:
        warnings.append(Errors.W002)
    return warnings


def run(store_spec: str, host: str = "127.0.0.1", port: int = 8000, config: ServerConfig | None = None, **settings) -> None:
    """Serve ``store_spec`` on ``host:port`` until interrupted."""
    import uvicorn

    from .app import create_app

    config = config or ServerConfig(**settings)
    check_settings(host, config)  # raises on unsafe settings; the CLI prints the warnings
    app = create_app(store_spec, config)
    # One process: the app owns the worker pool and, with updates, the store's write lock.
    uvicorn.run(app, host=host, port=port, log_level="info", workers=1, timeout_graceful_shutdown=5)
