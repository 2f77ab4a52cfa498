"""File > Mock keys / Real keys: the credentials dialog's verbs (test, save, delete) against the session
controller, which owns the keyring and the credential test."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ..environments import Environment
from ..kiwoom import KiwoomError
from ..storage.credentials import Credentials, CredentialStoreError
from ..trading.session import SessionController
from . import dialogs
from .bridge import DeskBridge
from .labels import environment_text, explain, keyring_problem
from .status_bar import StatusBar

log = logging.getLogger(__name__)


class KeysEditor(QObject):
    def __init__(self, session: SessionController, bridge: DeskBridge, status: StatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.bridge, self.status, self.window = session, bridge, status, parent
        self._failed: set[Credentials] = set()  # keys whose test failed: saving them asks first

    def open(self, environment: Environment) -> None:
        self.bridge.spawn(self.edit(environment))

    async def credentials_for(self, environment: Environment) -> Credentials | None:
        """The stored keys; without them the keys dialog opens first. None: not now."""
        try:
            stored = self.session.stored_credentials(environment)
        except CredentialStoreError as error:
            log.warning("keyring: %s", error)
            self.status.show_message(keyring_problem(), important=True)
            return None
        if stored is None:
            self.status.show_message(
                self.tr("Enter {environment} keys first.").format(environment=environment_text(environment)), True
            )
            await self.edit(environment)
            try:
                stored = self.session.stored_credentials(environment)
            except CredentialStoreError:
                return None
        return stored

    async def edit(self, environment: Environment) -> None:
        """Shows the dialog with the stored keys (masked) and waits until it is closed."""
        try:
            stored = self.session.stored_credentials(environment)
        except CredentialStoreError as error:
            log.warning("keyring: %s", error)
            self.status.show_message(keyring_problem(), important=True)
            stored = None
        dialog = dialogs.CredentialsDialog(environment, stored, self.window)
        dialog.testRequested.connect(lambda credentials: self.bridge.spawn(self._test(dialog, credentials)))
        dialog.saveRequested.connect(lambda credentials: self.bridge.spawn(self._save(dialog, credentials)))
        dialog.deleteRequested.connect(lambda: self._delete(dialog))
        await dialogs.ask(dialog)

    async def _test(self, dialog: dialogs.CredentialsDialog, credentials: Credentials) -> None:
        if not (credentials.appkey and credentials.secretkey):
            dialog.show_result(self.tr("Enter both keys."), ok=False)
            return
        dialog.show_result(self.tr("Testing..."), ok=True)
        try:
            account = await self.session.test_credentials(dialog.environment, credentials)
        except KiwoomError as error:
            self._failed.add(credentials)
            dialog.show_result(self.tr("Not accepted: {reason}").format(reason=explain(error)), ok=False)
            return
        self._failed.discard(credentials)
        dialog.show_result(self.tr("Keys work: account ending {last4}.").format(last4=account[-4:]), ok=True)

    async def _save(self, dialog: dialogs.CredentialsDialog, credentials: Credentials) -> None:
        if not (credentials.appkey and credentials.secretkey):
            dialog.show_result(self.tr("Enter both keys."), ok=False)
            return
        if credentials in self._failed and not await dialogs.ask(self._save_anyway_question(dialog)):
            return
        try:
            self.session.save_credentials(dialog.environment, credentials)
        except CredentialStoreError as error:
            log.warning("keyring: %s", error)
            dialog.show_result(keyring_problem(), ok=False)
            return
        dialog.show_result(self.tr("Saved in the system keyring."), ok=True)

    def _save_anyway_question(self, parent: QWidget) -> QMessageBox:
        text = self.tr("The test of these keys failed. Save them anyway?")
        return dialogs.question(parent, "saveFailedKeysDialog", self.tr("Save keys"), text)

    def _delete(self, dialog: dialogs.CredentialsDialog) -> None:
        try:
            self.session.delete_credentials(dialog.environment)
        except CredentialStoreError as error:
            log.warning("keyring: %s", error)
            dialog.show_result(keyring_problem(), ok=False)
            return
        dialog.appkeyEdit.clear()
        dialog.secretkeyEdit.clear()
        dialog.show_result(self.tr("Deleted from the system keyring."), ok=True)
