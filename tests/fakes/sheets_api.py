"""A fake Google Sheets v4 API and OAuth token endpoint on 127.0.0.1, for real gspread and google-auth."""

from __future__ import annotations

import base64
import json
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fakes.sheets_cells import entered, rendered
from tests.fakes.sheets_quotas import DEFAULT_PROJECT, READS, By, Kind, Quotas
from tests.fakes.sheets_ranges import a1_cell, a1_range, column_letters
from tests.fakes.sheets_refusals import error, protected_ranges, refused_for_good, service_disabled

Cell = Any


@dataclass
class FakeSheet:
    """One worksheet: its properties and its cells, row-major, 0-based."""

    sheet_id: int
    title: str
    rows: list[list[Cell]] = field(default_factory=list)
    frozen_rows: int = 0
    formats: dict[int, str] = field(default_factory=dict)  # column index -> number format pattern
    bold_header: bool = False
    widths: dict[int, int] = field(default_factory=dict)
    protected_for: set[str] | None = None  # a protected tab: only these accounts may write to it
    grid: tuple[int, int] | None = None  # (rows, columns) a bookkeeper cut the grid to; writes past it fail
    cell_formats: dict[tuple[int, int], str] = field(default_factory=dict)  # given from what was typed

    def format_of(self, row_index: int, column: int) -> str | None:
        """The number format a cell shows its value in: its own, else its column's (below the header)."""
        own = self.cell_formats.get((row_index, column))
        return own if own is not None else self.formats.get(column) if row_index > 0 else None

    def values(self) -> list[list[Cell]]:
        """The rows as the API returns them: trailing empty cells and rows trimmed."""
        trimmed = [["" if cell is None else cell for cell in _trim(row)] for row in self.rows]
        while trimmed and not trimmed[-1]:
            trimmed.pop()
        return trimmed

    def move_column(self, old: int, new: int) -> None:
        """A bookkeeper drags the column at 0-based index `old` to index `new` (cells move with it)."""
        width = max((len(row) for row in self.rows), default=0)
        for row in self.rows:
            row.extend([None] * (width - len(row)))
            row.insert(new, row.pop(old))

    def insert_column(self, index: int, header: str) -> None:
        """A bookkeeper inserts a column of their own before 0-based index `index`."""
        for number, row in enumerate(self.rows):
            row.extend([None] * (index - len(row)))
            row.insert(index, header if number == 0 else None)

    def cell(self, a1: str) -> Cell:
        """One cell's value by A1 reference."""
        column, row = a1_cell(a1)
        if row - 1 < len(self.rows) and column < len(self.rows[row - 1]):
            return self.rows[row - 1][column]
        return None


@dataclass
class FakeSpreadsheet:
    """A spreadsheet with its worksheets and who may edit it."""

    spreadsheet_id: str
    title: str
    editors: set[str]
    sheets: list[FakeSheet] = field(default_factory=list)
    viewers: set[str] = field(default_factory=set)  # shared as Viewer: reads answer, writes get 403
    uploaded_xlsx: bool = False  # an .xlsx opened in Drive, never converted: every call gets 400
    locale: str = "en_US"  # how typed dates and numbers are read; LOCALES has those the fake knows
    today: Callable[[], date] = date.today  # the year a date typed without one gets

    def type(self, title: str, a1: str, text: str) -> None:
        """A bookkeeper types into one cell of the grid: kept as Sheets keeps it under the locale."""
        column, row = a1_cell(a1)
        self.enter(self.sheet(title), row - 1, column, [text], "USER_ENTERED")

    def enter(self, sheet: FakeSheet, row_index: int, column: int, values: list[Cell], option: str) -> None:
        """Values written to a row from `column` on: as sent (RAW), or as if typed (USER_ENTERED)."""
        if option != "USER_ENTERED":
            _put(sheet, row_index, column, values)
            return
        kept = []
        for offset, value in enumerate(values):
            cell = entered(value, self.locale, self.today(), sheet.format_of(row_index, column + offset))
            if cell.number_format is not None:
                sheet.cell_formats[(row_index, column + offset)] = cell.number_format
            kept.append(cell.value)
        _put(sheet, row_index, column, kept)

    def sheet(self, title: str) -> FakeSheet:
        """A worksheet by title."""
        return next(sheet for sheet in self.sheets if sheet.title == title)

    @property
    def months(self) -> list[FakeSheet]:
        """The worksheets other than the Categories tab, in order."""
        return [sheet for sheet in self.sheets if sheet.title != "Categories"]


@dataclass
class Failure:
    """An injected answer for the next calls matching a method and a path fragment."""

    status: int
    times: int
    retry_after: int | None = None
    path_contains: str = ""
    late_by_seconds: float = 0.0  # the call is carried out, and its answer comes this late
    lands_after_seconds: float = 0.0  # of `clock`: the call is carried out only then (see land_late)


@dataclass
class Outage:
    """Every call answered with an error status for as long as `lasts` says so."""

    status: int
    lasts: Callable[[], bool]


class FakeSheets:
    """The Sheets API and its token endpoint; tests act as bookkeepers through the same objects."""

    def __init__(self) -> None:
        self.spreadsheets: dict[str, FakeSpreadsheet] = {}
        self.calls: list[tuple[str, str]] = []
        self.tokens_issued = 0
        self.latency_seconds = 0.0
        self.failures: list[Failure] = []
        self.outages: list[Outage] = []
        self.call_times: list[tuple[str, float]] = []
        self.clock: Callable[[], float] = time.monotonic
        self._tokens: dict[str, str] = {}
        self.token_refusals: list[tuple[int, dict[str, Any]]] = []  # the token endpoint's next answers
        self.disabled_in_project: str | None = None  # the Sheets API is off for this project number
        self.quotas = Quotas()  # Google's minute quotas per account and per project, off until set
        self.projects: dict[str, str] = {}  # a service account's e-mail -> its key's project_id
        self.calls_by: Counter[str] = Counter()  # Sheets calls per account, by the token they carry
        self.held: threading.Event | None = None  # while set here and not yet set itself, calls wait
        self.calls_held = 0
        self.landing: list[tuple[float, Callable[[], object]]] = []  # calls carried out later (land_late)
        self._lock = threading.RLock()
        self._next_sheet_id = 1000
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    # Set-up

    @property
    def reads_per_minute(self) -> int | None:
        """Google's read requests per minute per user (per service account); None: no limit."""
        return self.quotas.per_user["read"]

    @reads_per_minute.setter
    def reads_per_minute(self, limit: int | None) -> None:
        self.quotas.per_user["read"] = limit

    @property
    def writes_per_minute(self) -> int | None:
        """Google's write requests per minute per user (per service account); None: no limit."""
        return self.quotas.per_user["write"]

    @writes_per_minute.setter
    def writes_per_minute(self, limit: int | None) -> None:
        self.quotas.per_user["write"] = limit

    @property
    def project_reads_per_minute(self) -> int | None:
        """Google's read requests per minute per project (all its accounts together); None: no limit."""
        return self.quotas.per_project["read"]

    @project_reads_per_minute.setter
    def project_reads_per_minute(self, limit: int | None) -> None:
        self.quotas.per_project["read"] = limit

    @property
    def project_writes_per_minute(self) -> int | None:
        """Google's write requests per minute per project (all its accounts together); None: no limit."""
        return self.quotas.per_project["write"]

    @project_writes_per_minute.setter
    def project_writes_per_minute(self, limit: int | None) -> None:
        self.quotas.per_project["write"] = limit

    def google_quotas(self, per_account: int = 60, per_project: int = 300) -> None:
        """Google's default Sheets quotas, reads and writes alike: 60 a minute per account and 300 per
        project."""
        self.reads_per_minute = self.writes_per_minute = per_account
        self.project_reads_per_minute = self.project_writes_per_minute = per_project

    def hold_calls(self) -> threading.Event:
        """From now on every call waits, as on Google's slow days, until the event returned is set."""
        self.held = threading.Event()
        return self.held

    def start(self) -> str:
        """Serve on a free loopback port in a background thread; returns the base URL."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            # Google keeps a connection open between calls, as HTTP/1.1 does unless told otherwise.
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out apart: no delayed-ACK stall

            def do_GET(self) -> None:
                fake._serve(self, "GET")

            def do_POST(self) -> None:
                fake._serve(self, "POST")

            def do_PUT(self) -> None:
                fake._serve(self, "PUT")

            def log_message(self, *args: object) -> None:
                pass

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"
        return self.url

    def stop(self) -> None:
        """Stop serving (calls still held go on first)."""
        if self.held is not None:
            self.held.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def service_account_key(
        self, email: str = "balance-bot@petty-cash.iam.gserviceaccount.com", project_id: str = DEFAULT_PROJECT
    ) -> dict[str, str]:
        """A service-account key whose token_uri points here, with a freshly generated RSA key.

        The account belongs to the Google Cloud project `project_id`: accounts of one project share
        its per-project quotas.
        """
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.projects[email] = project_id
        return {
            "type": "service_account",
            "project_id": project_id,
            "private_key_id": "fake-key",
            "private_key": pem,
            "client_email": email,
            "client_id": "1",
            "token_uri": f"{self.url}/token",
        }

    def add_spreadsheet(self, spreadsheet_id: str, title: str, editors: set[str]) -> FakeSpreadsheet:
        """A spreadsheet shared as Editor with the given service-account emails."""
        spreadsheet = FakeSpreadsheet(spreadsheet_id, title, set(editors))
        self.spreadsheets[spreadsheet_id] = spreadsheet
        return spreadsheet

    def share(self, spreadsheet_id: str, email: str, *, editor: bool = True) -> None:
        """A person shares the spreadsheet with a service account, as Editor (or as Viewer)."""
        with self._lock:
            spreadsheet = self.spreadsheets[spreadsheet_id]
            (spreadsheet.editors if editor else spreadsheet.viewers).add(email)

    def add_sheet(self, spreadsheet_id: str, title: str, rows: list[list[Cell]] | None = None) -> FakeSheet:
        """A worksheet a person made, with their rows."""
        with self._lock:
            sheet = FakeSheet(self._sheet_id(), title, [list(row) for row in rows or []])
            self.spreadsheets[spreadsheet_id].sheets.append(sheet)
            return sheet

    def fail_next(
        self, status: int, times: int = 1, *, retry_after: int | None = None, path_contains: str = ""
    ) -> None:
        """Answer the next matching Sheets calls with an error status."""
        self.failures.append(Failure(status, times, retry_after, path_contains))

    def outage(self, status: int, lasts: Callable[[], bool]) -> None:
        """Answer every call with an error status while `lasts()` is true (a simulated clock's window)."""
        self.outages.append(Outage(status, lasts))

    def refuse_tokens(self, times: int = 1, *, revoked: bool = False) -> None:
        """The token endpoint's next answers: a 503 blip, or (revoked) the key deleted for good."""
        answer = (
            (400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
            if revoked
            else (503, {"error": "internal_failure", "error_description": "Backend Error"})
        )
        self.token_refusals.extend([answer] * times)

    def disable_api(self, project_number: str = "123456789012") -> None:
        """The Sheets API is not enabled in the service account's project: every call gets 403."""
        self.disabled_in_project = project_number

    def answer_late(self, path_contains: str, seconds: float, times: int = 1) -> None:
        """Carry out the next matching calls, answering only after `seconds`: the client times out first."""
        self.failures.append(Failure(200, times, path_contains=path_contains, late_by_seconds=seconds))

    def land_late(self, path_contains: str, seconds: float, answer_after: float, times: int = 1) -> None:
        """Carry out the next matching calls only `seconds` of `clock` later, seen by the calls of that
        time on, and answer after `answer_after` real seconds (the client has given up by then): as a
        busy Google does a call the caller timed out on, which a look right after does not find yet."""
        self.failures.append(
            Failure(
                200,
                times,
                path_contains=path_contains,
                late_by_seconds=answer_after,
                lands_after_seconds=seconds,
            )
        )

    def writes_in_any_minute(self) -> int:
        """The most write calls (append, update, batchUpdate) within any 60 seconds of `clock`."""
        times = sorted(at for kind, at in self.call_times if kind not in READS)
        return max((sum(1 for t in times if start <= t < start + 60) for start in times), default=0)

    def per_minute(self, kind: Kind = "write", by: By = "account") -> dict[str, dict[int, int]]:
        """Requests let through in each minute of `clock` (its seconds // 60), per account (e-mail)
        or per project (project_id): what a bench prints against Google's quotas."""
        with self._lock:
            return self.quotas.per_minute(kind, by)

    def most_in_any_minute(self, kind: Kind = "write", by: By = "account") -> dict[str, int]:
        """The most requests let through within any 60 seconds of `clock`, per account or project."""
        with self._lock:
            return self.quotas.most_in_any_minute(kind, by)

    def calls_to(self, kind: str) -> int:
        """How many Sheets calls of a kind ('append', 'get', 'batchUpdate', 'values.get', 'update')."""
        return sum(1 for call_kind, _ in self.calls if call_kind == kind)

    # The HTTP side

    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        url = urlparse(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        if url.path == "/token":
            with self._lock:
                refusal = self.token_refusals.pop(0) if self.token_refusals else None
            if refusal is not None:
                self._reply(handler, *refusal)
                return
            self._reply(handler, 200, self._token(body))
            return
        if self.disabled_in_project is not None:
            self._reply(handler, 403, service_disabled(self.disabled_in_project))
            return
        email = self._tokens.get(handler.headers.get("Authorization", "").removeprefix("Bearer "))
        if email is None:
            self._reply(handler, 401, error(401, "Request had invalid authentication credentials."))
            return
        kind = _kind(method, url.path)
        held = self.held
        if held is not None and not held.is_set():
            with self._lock:
                self.calls_held += 1
            held.wait(timeout=60)
        with self._lock:
            now = self.clock()
            self._land_what_is_due(now)
            self.calls.append((kind, f"{method} {unquote(url.path)}"))
            self.call_times.append((kind, now))
            failure = next((f for f in self.failures if f.times > 0 and f.path_contains in url.path), None)
            if failure is not None:
                failure.times -= 1
            outage = next((o for o in self.outages if o.lasts()), None)
            self.calls_by[email] += 1
            project = self.projects.get(email, DEFAULT_PROJECT)
            over_quota = self.quotas.admit(kind, email, project, now)
        if over_quota is not None:  # Google sends no Retry-After for a quota: the minute must refill
            self._reply(handler, 429, over_quota)
            return
        if self.latency_seconds:
            time.sleep(self.latency_seconds)
        if outage is not None:
            self._reply(handler, outage.status, error(outage.status, "injected outage"))
            return
        late_by, lands_after = 0.0, 0.0
        if failure is not None and failure.late_by_seconds:
            failure, late_by, lands_after = None, failure.late_by_seconds, failure.lands_after_seconds
        if failure is not None:
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            self._reply(handler, failure.status, error(failure.status, "injected failure"), headers)
            return
        match = re.match(r"^/v4/spreadsheets/([^/:]+)(.*)$", url.path)
        if match is None or match.group(1) not in self.spreadsheets:
            self._reply(handler, 404, error(404, "Requested entity was not found."))
            return
        spreadsheet = self.spreadsheets[match.group(1)]
        repeated = parse_qs(url.query)
        query = {key: values[0] for key, values in repeated.items()}
        if "ranges" in repeated:  # batchGet names every range as its own ?ranges=
            query["ranges"] = json.dumps(repeated["ranges"])
        payload = json.loads(body) if body else {}
        if lands_after:
            with self._lock:
                rest = unquote(match.group(2))
                self.landing.append(
                    (now + lands_after, lambda: self._api(spreadsheet, method, rest, query, payload))
                )
            time.sleep(late_by)
            self._reply(handler, 200, {})
            return
        with self._lock:
            refused = refused_for_good(spreadsheet, email, method, unquote(match.group(2)), payload)
            status, answer = refused or self._api(
                spreadsheet, method, unquote(match.group(2)), query, payload
            )
            if "sheets" in answer and "protectedRanges" in query.get("fields", "protectedRanges"):
                for sheet, listed in zip(spreadsheet.sheets, answer["sheets"], strict=True):
                    if sheet.protected_for is not None:
                        listed["protectedRanges"] = protected_ranges(sheet, email)
        if late_by:
            time.sleep(late_by)
        self._reply(handler, status, answer)

    def land_everything_late(self) -> None:
        """Carry out every late call now: what the sheet holds once Google is done."""
        with self._lock:
            self._land_what_is_due(float("inf"))

    def _land_what_is_due(self, now: float) -> None:
        """Carry out the late calls whose time has come (under the lock)."""
        due = [call for at, call in self.landing if at <= now]
        self.landing = [(at, call) for at, call in self.landing if at > now]
        for call in due:
            call()

    def _api(
        self,
        spreadsheet: FakeSpreadsheet,
        method: str,
        rest: str,
        query: dict[str, str],
        body: dict[str, Any],
    ) -> tuple[int, dict[str, Any]]:
        if method == "GET" and rest == "":
            metadata = self._metadata(spreadsheet)
            if query.get("fields") == "sheets.properties.title":  # the real API sends only what is asked
                return 200, {
                    "sheets": [
                        {"properties": {"title": s["properties"]["title"]}} for s in metadata["sheets"]
                    ]
                }
            return 200, metadata
        if method == "POST" and rest == ":batchUpdate":
            try:
                return 200, self._batch_update(spreadsheet, body.get("requests", []))
            except _Invalid as invalid:
                return 400, error(400, str(invalid))
        if method == "POST" and rest == "/values:batchUpdate":
            for data in body.get("data", []):
                self._write(spreadsheet, data["range"], data["values"], body.get("valueInputOption", "RAW"))
            return 200, {
                "spreadsheetId": spreadsheet.spreadsheet_id,
                "totalUpdatedRows": len(body.get("data", [])),
            }
        if method == "GET" and rest == "/values:batchGet":
            return self._batch_get(spreadsheet, json.loads(query.get("ranges", "[]")), query)
        if rest.startswith("/values/"):
            a1 = rest.removeprefix("/values/")
            if "ranges" in query:  # Google refuses a query parameter its method does not have
                return 400, error(
                    400,
                    'Invalid JSON payload received. Unknown name "ranges": Cannot bind query parameter. '
                    "Field 'ranges' could not be found in request message.",
                )
            if not _names_a_sheet_of(
                spreadsheet, a1.rsplit(":", 1)[0] if a1.endswith((":append", ":clear")) else a1
            ):
                return 400, error(
                    400, f"Unable to parse range: {a1.removesuffix(':append').removesuffix(':clear')}"
                )
            if method == "POST" and a1.endswith(":append"):
                return self._append(spreadsheet, a1.removesuffix(":append"), body, query)
            if method == "POST" and a1.endswith(":clear"):
                return self._clear(spreadsheet, a1.removesuffix(":clear"))
            if method == "PUT":
                updated = self._write(
                    spreadsheet, a1, body.get("values", []), query.get("valueInputOption", "RAW")
                )
                return 200, {"spreadsheetId": spreadsheet.spreadsheet_id, "updatedRange": updated}
            if method == "GET":
                return self._read(spreadsheet, a1, query)
        return 400, error(400, f"unsupported call {method} {rest}")

    def _metadata(self, spreadsheet: FakeSpreadsheet) -> dict[str, Any]:
        return {
            "spreadsheetId": spreadsheet.spreadsheet_id,
            "properties": {
                "title": spreadsheet.title,
                "locale": spreadsheet.locale,
                "timeZone": "Asia/Phnom_Penh",
            },
            "sheets": [
                {
                    "properties": {
                        "sheetId": sheet.sheet_id,
                        "title": sheet.title,
                        "index": index,
                        "sheetType": "GRID",
                        "gridProperties": {
                            "rowCount": sheet.grid[0] if sheet.grid else max(1000, len(sheet.rows)),
                            "columnCount": sheet.grid[1] if sheet.grid else 26,
                            "frozenRowCount": sheet.frozen_rows,
                        },
                    }
                }
                for index, sheet in enumerate(spreadsheet.sheets)
            ],
        }

    def _batch_update(self, spreadsheet: FakeSpreadsheet, requests: list[dict[str, Any]]) -> dict[str, Any]:
        replies: list[dict[str, Any]] = []
        for request in requests:
            ((kind, spec),) = request.items()
            reply: dict[str, Any] = {}
            if kind == "addSheet":
                properties = dict(spec["properties"])
                properties.setdefault("sheetId", self._sheet_id())
                if any(sheet.title == properties["title"] for sheet in spreadsheet.sheets):
                    raise _Invalid(
                        f'Invalid requests[0].addSheet: A sheet with the name "{properties["title"]}" '
                        "already exists. Please enter another name."
                    )
                if any(sheet.sheet_id == properties["sheetId"] for sheet in spreadsheet.sheets):
                    raise _Invalid(f"Invalid requests[0].addSheet: sheet id {properties['sheetId']} is taken")
                sheet = FakeSheet(properties["sheetId"], properties["title"])
                sheet.frozen_rows = properties.get("gridProperties", {}).get("frozenRowCount", 0)
                spreadsheet.sheets.append(sheet)
                reply = {"addSheet": {"properties": properties}}
            elif kind == "updateCells":
                sheet = self._by_id(spreadsheet, spec["start"]["sheetId"])
                for offset, row in enumerate(spec["rows"]):
                    values = [_user_entered(cell.get("userEnteredValue", {})) for cell in row["values"]]
                    _put(
                        sheet,
                        spec["start"].get("rowIndex", 0) + offset,
                        spec["start"].get("columnIndex", 0),
                        values,
                    )
                    if any(
                        cell.get("userEnteredFormat", {}).get("textFormat", {}).get("bold")
                        for cell in row["values"]
                    ):
                        sheet.bold_header = True
            elif kind == "repeatCell":
                sheet = self._by_id(spreadsheet, spec["range"]["sheetId"])
                pattern = spec["cell"].get("userEnteredFormat", {}).get("numberFormat", {}).get("pattern")
                if pattern:
                    for column in range(spec["range"]["startColumnIndex"], spec["range"]["endColumnIndex"]):
                        sheet.formats[column] = pattern
            elif kind == "updateSheetProperties":
                sheet = self._by_id(spreadsheet, spec["properties"]["sheetId"])
                sheet.frozen_rows = (
                    spec["properties"].get("gridProperties", {}).get("frozenRowCount", sheet.frozen_rows)
                )
            elif kind == "updateDimensionProperties":
                sheet = self._by_id(spreadsheet, spec["range"]["sheetId"])
                for column in range(spec["range"]["startIndex"], spec["range"]["endIndex"]):
                    sheet.widths[column] = spec["properties"]["pixelSize"]
            elif kind == "updateSpreadsheetProperties":
                spreadsheet.title = spec["properties"].get("title", spreadsheet.title)
            replies.append(reply)
        return {"spreadsheetId": spreadsheet.spreadsheet_id, "replies": replies}

    def _append(
        self, spreadsheet: FakeSpreadsheet, a1: str, body: dict[str, Any], query: dict[str, str]
    ) -> tuple[int, dict[str, Any]]:
        title, (first_column, last_column, first_row, _) = a1_range(a1)
        sheet = spreadsheet.sheet(title)
        values: list[list[Cell]] = body["values"]
        option = query.get("valueInputOption", "RAW")
        start = first_row - 1
        while start < len(sheet.rows) and not _has_values(sheet.rows[start], first_column, last_column):
            start += 1
        end = start
        while end < len(sheet.rows) and _has_values(sheet.rows[end], first_column, last_column):
            end += 1
        found_table = end > start
        table_end = end if found_table else first_row - 1
        if found_table:
            # Like the real table detection: the table starts at the first filled cell of its first
            # row, and the values are appended from that column, even if that moves them sideways.
            header = sheet.rows[start]
            first_column = next(
                column
                for column in range(first_column, last_column + 1)
                if _has_values(header, column, column)
            )
        last_column = max(last_column, first_column + max(len(row) for row in values) - 1)
        for offset, row in enumerate(values):
            if query.get("insertDataOption") == "INSERT_ROWS":
                sheet.rows.insert(table_end + offset, [])
            spreadsheet.enter(sheet, table_end + offset, first_column, row, option)
        left, right = column_letters(first_column), column_letters(first_column + len(values[0]) - 1)
        updated = f"'{title}'!{left}{table_end + 1}:{right}{table_end + len(values)}"
        answer: dict[str, Any] = {"spreadsheetId": spreadsheet.spreadsheet_id}
        if found_table:  # an empty worksheet has no table, and the real API then sends no tableRange
            answer["tableRange"] = f"'{title}'!{left}{start + 1}:{column_letters(last_column)}{table_end}"
        return 200, {
            **answer,
            "updates": {
                "spreadsheetId": spreadsheet.spreadsheet_id,
                "updatedRange": updated,
                "updatedRows": len(values),
                "updatedColumns": len(values[0]),
                "updatedCells": sum(len(row) for row in values),
            },
        }

    def _clear(self, spreadsheet: FakeSpreadsheet, a1: str) -> tuple[int, dict[str, Any]]:
        title, (first_column, last_column, first_row, last_row) = a1_range(a1)
        sheet = spreadsheet.sheet(title)
        for row in sheet.rows[first_row - 1 : last_row]:
            for column in range(first_column, min(last_column + 1, len(row))):
                row[column] = None
        return 200, {"spreadsheetId": spreadsheet.spreadsheet_id, "clearedRange": a1}

    def _write(self, spreadsheet: FakeSpreadsheet, a1: str, values: list[list[Cell]], option: str) -> str:
        title, (first_column, _, first_row, _) = a1_range(a1)
        sheet = spreadsheet.sheet(title)
        for offset, row in enumerate(values):
            spreadsheet.enter(sheet, first_row - 1 + offset, first_column, row, option)
        return a1

    def _read(
        self, spreadsheet: FakeSpreadsheet, a1: str, query: dict[str, str]
    ) -> tuple[int, dict[str, Any]]:
        """The range's cells as rendered: FORMATTED_VALUE (the API's default) gives each as the grid
        shows it; UNFORMATTED_VALUE gives numbers, dates as serial numbers, and text as text."""
        title, (first_column, last_column, first_row, last_row) = a1_range(a1)
        try:
            sheet = spreadsheet.sheet(title)
        except StopIteration:
            return 400, error(400, f"Unable to parse range: {a1}")
        value_option = query.get("valueRenderOption", "FORMATTED_VALUE")
        date_option = query.get("dateTimeRenderOption", "SERIAL_NUMBER")
        rows = sheet.values()[first_row - 1 : last_row]
        window = [_trim(row[first_column : last_column + 1]) for row in rows]
        while window and not window[-1]:
            window.pop()
        answer: dict[str, Any] = {"range": a1, "majorDimension": "ROWS"}
        if window:
            answer["values"] = [
                [
                    "" if cell is None else rendered(cell, sheet.format_of(at, to), value_option, date_option)
                    for to, cell in enumerate(row, start=first_column)
                ]
                for at, row in enumerate(window, start=first_row - 1)
            ]
        return 200, answer

    def _batch_get(
        self, spreadsheet: FakeSpreadsheet, ranges: list[str], query: dict[str, str]
    ) -> tuple[int, dict[str, Any]]:
        """Every range or none: one that names no worksheet fails the whole call, as in the real API."""
        value_ranges = []
        for a1 in ranges:
            status, answer = self._read(spreadsheet, a1, query)
            if status != 200:
                return status, answer
            value_ranges.append(answer)
        return 200, {"spreadsheetId": spreadsheet.spreadsheet_id, "valueRanges": value_ranges}

    def _token(self, body: bytes) -> dict[str, Any]:
        form = parse_qs(body.decode())
        assertion = form["assertion"][0]
        claims = json.loads(base64.urlsafe_b64decode(assertion.split(".")[1] + "=="))
        with self._lock:
            self.tokens_issued += 1
            token = f"fake-access-token-{self.tokens_issued}"
            self._tokens[token] = claims["iss"]
        return {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}

    def _reply(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=UTF-8")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _sheet_id(self) -> int:
        self._next_sheet_id += 1
        return self._next_sheet_id

    def _by_id(self, spreadsheet: FakeSpreadsheet, sheet_id: int) -> FakeSheet:
        return next(sheet for sheet in spreadsheet.sheets if sheet.sheet_id == sheet_id)


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up waiting (a timeout test) is no error of the server's."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Invalid(Exception):
    """A batchUpdate the real API would refuse as a whole, with its message."""


def _kind(method: str, path: str) -> str:
    if path.endswith(":append"):
        return "append"
    if path.endswith(":clear"):
        return "clear"
    if path.endswith("/values:batchGet"):
        return "values.batchGet"
    if path.endswith(":batchUpdate"):
        return "values.batchUpdate" if "/values:" in path else "batchUpdate"
    if "/values/" in path:
        return "values.get" if method == "GET" else "update"
    return "get"


def _names_a_sheet_of(spreadsheet: FakeSpreadsheet, a1: str) -> bool:
    title = a1_range(a1)[0]
    return any(sheet.title == title for sheet in spreadsheet.sheets)


def _put(sheet: FakeSheet, row_index: int, column: int, values: list[Cell]) -> None:
    while len(sheet.rows) <= row_index:
        sheet.rows.append([])
    row = sheet.rows[row_index]
    while len(row) < column + len(values):
        row.append(None)
    row[column : column + len(values)] = values


def _has_values(row: list[Cell], first: int, last: int) -> bool:
    return any(cell not in (None, "") for cell in row[first : last + 1])


def _trim(row: list[Cell]) -> list[Cell]:
    row = list(row)
    while row and row[-1] in (None, ""):
        row.pop()
    return row


def _user_entered(value: dict[str, Any]) -> Cell:
    for key in ("stringValue", "numberValue", "boolValue"):
        if key in value:
            return value[key]
    return None
