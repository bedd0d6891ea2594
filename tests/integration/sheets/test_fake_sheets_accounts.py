"""The fake Sheets API with several service accounts, as Google answers them: a token per account,
sharing per account, and the minute quotas per account ("per user") and per project."""

import pytest
from gspread.exceptions import APIError

from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials

SHEET = "sheet-of-the-clinic"
OTHER = "sheet-of-the-school"
VALUES = "https://sheets.googleapis.com/v4/spreadsheets/{}/values/{}"


@pytest.fixture
def now(sheets):
    at = [6000.0]
    sheets.clock = lambda: at[0]
    return at


def account(sheets, name, project="petty-cash"):
    key = sheets.service_account_key(f"{name}@{project}.iam.gserviceaccount.com", project)
    return key, SheetsHTTPClient(load_credentials(key), sheets.url, attempts=1)


def write(client, spreadsheet_id=SHEET):
    return client.request(
        "put",
        VALUES.format(spreadsheet_id, "Sheet1!A1"),
        params={"valueInputOption": "RAW"},
        json={"values": [["x"]]},
    )


def read(client, spreadsheet_id=SHEET):
    return client.request("get", VALUES.format(spreadsheet_id, "Sheet1!A1"))


def refusal(call):
    with pytest.raises(APIError) as refused:
        call()
    return refused.value.response


def test_each_call_is_the_account_s_whose_token_it_carries_and_an_unshared_account_is_denied(sheets):
    first, first_client = account(sheets, "pool-1")
    second, second_client = account(sheets, "pool-2")
    sheets.add_spreadsheet(SHEET, "Clinic", {first["client_email"]})
    sheets.add_sheet(SHEET, "Sheet1")
    write(first_client)
    answer = refusal(lambda: write(second_client))
    assert answer.status_code == 403
    assert answer.json()["error"] == {
        "code": 403,
        "message": "The caller does not have permission",
        "status": "PERMISSION_DENIED",
    }
    sheets.share(SHEET, second["client_email"])
    write(second_client)
    assert sheets.tokens_issued == 2
    assert sheets.calls_by == {first["client_email"]: 1, second["client_email"]: 2}


def test_an_account_over_its_writes_a_minute_gets_google_s_429_without_retry_after_and_the_minute_refills(
    sheets, now
):
    key, client = account(sheets, "pool-1")
    sheets.add_spreadsheet(SHEET, "Clinic", {key["client_email"]})
    sheets.add_sheet(SHEET, "Sheet1")
    sheets.google_quotas(per_account=3, per_project=300)
    for _ in range(3):
        write(client)
        now[0] += 1
    answer = refusal(lambda: write(client))
    read(client)  # reads are counted apart
    assert answer.status_code == 429
    assert "Retry-After" not in answer.headers
    error = answer.json()["error"]
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["message"] == (
        "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' "
        "of service 'sheets.googleapis.com' for consumer 'project_number:123456789012'."
    )
    assert error["details"][0]["reason"] == "RATE_LIMIT_EXCEEDED"
    assert error["details"][0]["metadata"]["quota_limit"] == "WriteRequestsPerMinutePerUser"
    assert error["details"][0]["metadata"]["quota_limit_value"] == "3"
    now[0] += 58  # 60 s after the first write
    write(client)


def test_accounts_of_one_project_share_its_minute_and_another_project_has_its_own(sheets, now):
    one, one_client = account(sheets, "pool-1")
    two, two_client = account(sheets, "pool-2")
    other, other_client = account(sheets, "pool-3", project="petty-cash-2")
    sheets.add_spreadsheet(SHEET, "Clinic", {one["client_email"], two["client_email"]})
    sheets.add_spreadsheet(OTHER, "School", {other["client_email"]})
    sheets.add_sheet(SHEET, "Sheet1")
    sheets.add_sheet(OTHER, "Sheet1")
    sheets.google_quotas(per_account=3, per_project=4)
    for client in (one_client, one_client, two_client, two_client):
        write(client)
    read(one_client)  # reads are counted apart
    answer = refusal(lambda: write(two_client))
    for _ in range(3):
        write(other_client, OTHER)
    error = answer.json()["error"]
    assert answer.status_code == 429
    assert "limit 'Write requests per minute' of service 'sheets.googleapis.com'" in error["message"]
    assert error["details"][0]["metadata"]["quota_limit"] == "WriteRequestsPerMinutePerProject"
    assert error["details"][0]["metadata"]["quota_unit"] == "1/min/{project}"
    assert sheets.most_in_any_minute("write", by="project") == {"petty-cash": 4, "petty-cash-2": 3}
    assert sheets.most_in_any_minute("write", by="account") == {
        one["client_email"]: 2,
        two["client_email"]: 2,
        other["client_email"]: 3,
    }
    assert sheets.per_minute("write", by="project") == {"petty-cash": {100: 4}, "petty-cash-2": {100: 3}}
    assert sheets.per_minute("read", by="account") == {one["client_email"]: {100: 1}}
