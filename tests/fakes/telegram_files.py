"""The fake Bot API's files: photos and image documents members post, getFile and the download, as Telegram
serves them (a photo as its sizes, smallest first; a file_path valid for an hour; getFile refused over 20 MB
with "Bad Request: file is too big"; a download of an unknown or expired path answered 404)."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from PIL import Image

Params = dict[str, Any]
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # the Bot API's, for a file a bot downloads
TOO_BIG = "Bad Request: file is too big"
# The sizes Telegram makes of a photo, by their longest side; the largest is the photo as sent (up to 2560).
_PHOTO_SIDES = (90, 320, 800, 1280)


def _blank_photo() -> bytes:
    """A JPEG of a blank page: a photo with nothing to read."""
    buffer = io.BytesIO()
    Image.new("RGB", (480, 640), "white").save(buffer, "JPEG")
    return buffer.getvalue()


BLANK_PHOTO = _blank_photo()


@dataclass
class StoredFile:
    """A file Telegram keeps: its bytes (for one too big to serve, its size alone), and its path."""

    data: bytes
    size: int
    path: str | None = None


@dataclass
class TelegramFiles:
    """The files members posted, by file_id; the paths getFile gave out and the downloads made."""

    files: dict[str, StoredFile] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)
    paths_expire_at_once: bool = False  # the path getFile gives is gone by the download (an hour passed)
    _file_numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def user_posts_image(
        self,
        chat_id: int,
        user_id: int,
        data: bytes,
        *,
        caption: str | None = None,
        as_document: str | None = None,  # the file's name: sent as a file, not as a photo
        mime_type: str = "image/jpeg",
        size: int | None = None,  # the size Telegram reports, for a file too big to build in a test
        name: str = "",
        size_shown: bool = True,  # Telegram may leave a document's file_size out
    ) -> Params:
        """A member posts a photo (its sizes) or an image as a file (a document); returns the message."""
        message = self._message(chat_id, self._user(user_id, name), None)  # type: ignore[attr-defined]
        number = next(self._file_numbers)
        if as_document is None:
            message["photo"] = [self._photo_size(number, data, side) for side in _PHOTO_SIDES]
        else:
            file_id = f"BQACAgdoc{number}"
            self.files[file_id] = StoredFile(data, size if size is not None else len(data))
            message["document"] = {
                "file_id": file_id,
                "file_unique_id": f"AgAD{number}",
                "file_name": as_document,
                "mime_type": mime_type,
                **({"file_size": self.files[file_id].size} if size_shown else {}),
            }
        if caption is not None:
            message["caption"] = caption
        self._push({"message": message})  # type: ignore[attr-defined]
        return message

    def expire_file_paths(self) -> None:
        """An hour passed: the paths getFile gave are no longer served (getFile gives a new one)."""
        for stored in self.files.values():
            stored.path = None

    def file_refusal(self, method: str, params: Params) -> tuple[int, str] | None:
        """getFile's refusals: an unknown file_id, a file over the download limit."""
        if method != "getFile":
            return None
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            return 400, "Bad Request: invalid file_id"
        if stored.size > DOWNLOAD_LIMIT:
            return 400, TOO_BIG
        return None

    async def _api_getFile(self, params: Params) -> Params:  # noqa: N802
        file_id = str(params["file_id"])
        stored = self.files[file_id]
        if stored.path is None:
            folder = "documents" if file_id.startswith("BQAC") else "photos"
            stored.path = f"{folder}/file_{next(self._file_numbers)}.jpg"
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": stored.size,
            "file_path": stored.path,
        }

    async def _api_sendChatAction(self, params: Params) -> bool:  # noqa: N802
        return True

    async def download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/<file_path>: the file's bytes; 404 for a path not (or no longer) served."""
        if request.match_info["token"] != self.token:  # type: ignore[attr-defined]
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        path = request.match_info["path"]
        for stored in self.files.values():
            if stored.path == path and not self.paths_expire_at_once:
                self.downloads.append(path)
                return web.Response(body=stored.data, content_type="application/octet-stream")
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    def _photo_size(self, number: int, data: bytes, side: int) -> Params:
        file_id = f"AgACAgphoto{number}x{side}"
        self.files[file_id] = StoredFile(data, len(data))
        return {
            "file_id": file_id,
            "file_unique_id": f"AQAD{number}x{side}",
            "file_size": len(data),
            "width": side,
            "height": side * 4 // 3,
        }
