"""Errors are data: one exception type per user-facing failure, mapped once to an HTTP status
(gateway) and to an exit code (CLI). Messages say what is wrong and what to do next."""

from __future__ import annotations


class KojoError(Exception):
    """Base for every failure a user can act on."""

    status: int = 400
    code: str = "invalid_request"
    type: str = "invalid_request_error"
    exit_code: int = 2

    def __init__(self, message: str, *, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        if code is not None:
            self.code = code

    def envelope(self) -> dict:
        """The OpenAI error envelope."""
        return {"error": {"message": self.message, "type": self.type, "code": self.code, "param": self.param}}


class InvalidInput(KojoError):
    status, code = 400, "invalid_request"


class Unauthenticated(KojoError):
    status, code, type = 401, "invalid_api_key", "authentication_error"


class Forbidden(KojoError):
    status, code, type = 403, "permission_denied", "permission_error"


class NotFound(KojoError):
    status, code, type = 404, "not_found", "not_found_error"


class Conflict(KojoError):
    status, code = 409, "conflict"


class PayloadTooLarge(KojoError):
    status, code = 413, "payload_too_large"


class RateLimited(KojoError):
    status, code, type = 429, "rate_limit_exceeded", "rate_limit_error"

    def __init__(self, message: str, *, retry_after: float, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.headers = headers or {}


class StoreUnavailable(KojoError):
    status, code, type = 503, "store_unavailable", "service_unavailable"


class HomeNotInitialised(KojoError):
    status, code = 503, "home_not_initialised"


class BackendUnavailable(KojoError):
    status, code, type = 503, "backend_unavailable", "service_unavailable"


class UpstreamError(KojoError):
    status, code, type = 502, "upstream_error", "api_error"


class UpstreamTimeout(KojoError):
    status, code, type = 504, "upstream_timeout", "api_error"


class ContentBlocked(KojoError):
    """A guardrail blocked the request or response; names the rule, never echoes the content."""

    status, code = 400, "content_blocked"

    def __init__(self, rule: str, message: str | None = None) -> None:
        super().__init__(message or f"Blocked by guardrail rule '{rule}'.", param=rule)
        self.rule = rule
