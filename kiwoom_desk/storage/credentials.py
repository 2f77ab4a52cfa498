"""App key and secret key per environment, in the OS keyring (one service per environment) and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..environments import Environment

if TYPE_CHECKING:  # keyring finds its backends when imported (about 25 ms): only once keys are needed
    from keyring.backend import KeyringBackend

SERVICES = {Environment.MOCK: "KiwoomDesk-mock", Environment.REAL: "KiwoomDesk-real"}
APPKEY, SECRETKEY = "appkey", "secretkey"


@dataclass(frozen=True)
class Credentials:
    appkey: str = field(repr=False)
    secretkey: str = field(repr=False)


class CredentialStoreError(Exception):
    """The keyring cannot be used; the message says why in plain words."""


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        import keyring

        return self._backend or keyring.get_keyring()

    def backend_name(self) -> str:
        backend = self.backend
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def load(self, environment: Environment) -> Credentials | None:
        import keyring.errors

        service = SERVICES[environment]
        try:
            appkey = self.backend.get_password(service, APPKEY)
            secretkey = self.backend.get_password(service, SECRETKEY)
        except keyring.errors.KeyringError as error:
            raise CredentialStoreError(_explain(error)) from None
        return Credentials(appkey, secretkey) if appkey and secretkey else None

    def save(self, environment: Environment, credentials: Credentials) -> None:
        import keyring.errors

        service = SERVICES[environment]
        try:
            self.backend.set_password(service, APPKEY, credentials.appkey)
            self.backend.set_password(service, SECRETKEY, credentials.secretkey)
        except keyring.errors.KeyringError as error:
            raise CredentialStoreError(_explain(error)) from None

    def delete(self, environment: Environment) -> None:
        import keyring.errors

        service = SERVICES[environment]
        for user in (APPKEY, SECRETKEY):
            try:
                self.backend.delete_password(service, user)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored: already deleted
            except keyring.errors.KeyringError as error:
                raise CredentialStoreError(_explain(error)) from None


def _explain(error: Exception) -> str:
    return (
        "The system keyring is not available, so keys cannot be stored safely "
        f"({type(error).__name__}). On Windows the Credential Manager is used; on Linux install a Secret Service "
        "(for example gnome-keyring)."
    )
