"""The choice of a service account for each spreadsheet, and the pool's room, on a scripted pool."""

import pytest

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.groups.sheet_accounts import Found, PoolQuotas, SheetAccountChoice, pool_room
from balance_bot.ports import AccountLoad, LedgerAccessDenied, LedgerNotFound, LedgerUnavailable

ONE, TWO, THREE = "one@p.iam", "two@p.iam", "three@q.iam"
SHEET = "sheet-of-the-clinic"


class ScriptedAccounts:
    """A pool whose accounts see the spreadsheet as scripted: a title, or an error."""

    def __init__(self, loads, answers):
        self._loads = loads
        self.answers = answers
        self.kept = {}
        self.tried = []

    async def loads(self):
        return self._loads

    async def serving(self, spreadsheet_id):
        return self.kept.get(spreadsheet_id)

    async def serve(self, spreadsheet_id, account):
        self.kept[spreadsheet_id] = account

    async def check_write_access(self, spreadsheet_id, account):
        self.tried.append(account)
        answer = self.answers.get(account, LedgerAccessDenied(account))
        if isinstance(answer, Exception):
            raise answer
        return answer


def pool(*spreadsheets, writes=(0, 0, 0)):
    return [
        AccountLoad(email, "p" if email != THREE else "q", count, writes_last_hour=written)
        for email, count, written in zip((ONE, TWO, THREE), spreadsheets, writes, strict=False)
    ]


async def test_a_group_is_told_to_share_with_the_account_serving_the_fewest_spreadsheets():
    assert await SheetAccountChoice(ScriptedAccounts(pool(3, 1, 2), {})).to_share_with() == TWO


async def test_accounts_serving_as_many_spreadsheets_are_told_apart_by_their_writes_then_their_order():
    assert (
        await SheetAccountChoice(ScriptedAccounts(pool(1, 1, 1, writes=(9, 4, 4)), {})).to_share_with() == TWO
    )
    assert await SheetAccountChoice(ScriptedAccounts(pool(1, 1, 1), {})).to_share_with() == ONE


async def test_a_sheet_shared_with_another_account_of_the_pool_is_found_and_that_account_kept():
    accounts = ScriptedAccounts(pool(0, 1, 2), {THREE: "Clinic"})
    found = await SheetAccountChoice(accounts).find(SHEET)
    assert found == Found(THREE, "Clinic")
    assert accounts.tried == [ONE, TWO, THREE]  # the least loaded first, then by load
    assert accounts.kept == {SHEET: THREE}


async def test_the_account_kept_for_a_sheet_is_tried_first_and_kept_without_writing_it_again():
    accounts = ScriptedAccounts(pool(0, 1, 2), {TWO: "Clinic", THREE: "Clinic"})
    accounts.kept[SHEET] = THREE
    assert await SheetAccountChoice(accounts).find(SHEET) == Found(THREE, "Clinic")
    assert accounts.tried == [THREE]


async def test_a_viewer_share_is_passed_over_for_an_account_that_may_edit():
    viewer = LedgerRefused(SheetRefusal.READ_ONLY, "shared as Viewer", ONE)
    accounts = ScriptedAccounts(pool(0, 1), {ONE: viewer, TWO: "Clinic"})
    assert await SheetAccountChoice(accounts).find(SHEET) == Found(TWO, "Clinic")


async def test_a_sheet_no_account_may_write_names_the_account_to_share_it_with():
    accounts = ScriptedAccounts(pool(2, 0, 1), {THREE: LedgerNotFound("gone")})
    with pytest.raises(LedgerAccessDenied) as denied:
        await SheetAccountChoice(accounts).find(SHEET)
    assert denied.value.share_with == TWO  # the least loaded, the one the group was told of
    assert accounts.kept == {}


async def test_google_not_answering_stops_the_search_instead_of_blaming_the_sharing():
    accounts = ScriptedAccounts(pool(0, 1), {ONE: LedgerUnavailable("503"), TWO: "Clinic"})
    with pytest.raises(LedgerUnavailable):
        await SheetAccountChoice(accounts).find(SHEET)
    assert accounts.tried == [ONE]


async def test_the_account_just_refused_is_tried_last_when_another_one_is_looked_for():
    accounts = ScriptedAccounts(pool(0, 1), {TWO: "Clinic"})
    accounts.kept[SHEET] = ONE
    assert await SheetAccountChoice(accounts).find(SHEET, skip=ONE) == Found(TWO, "Clinic")
    assert accounts.tried == [TWO]
    assert accounts.kept == {SHEET: TWO}


QUOTAS = PoolQuotas(writes_per_account=60, reads_per_account=60, writes_per_group=300, reads_per_group=300)


def test_the_pool_carries_its_accounts_quotas_each_project_capped_by_its_own():
    six_in_one_project = [AccountLoad(f"{n}@p", "p", 0) for n in range(6)]
    room = pool_room([*six_in_one_project, AccountLoad("x@q", "q", 0)], QUOTAS)
    assert (room.writes_per_minute, room.reads_per_minute) == (300 + 60, 300 + 60)
    assert room.more_groups is None  # nothing measured yet


def test_the_room_left_is_the_carried_rate_over_a_spreadsheets_busiest_minute_less_those_served():
    loads = [
        AccountLoad(ONE, "p", 10, busiest_writes=30, busiest_reads=10),  # 3 writes, 1 read a sheet
        AccountLoad(TWO, "p", 10, busiest_writes=20, busiest_reads=5),
        AccountLoad(THREE, "p", 0),
    ]
    room = pool_room(loads, QUOTAS)
    assert room.writes_per_minute == 180
    assert (room.busiest_writes_per_sheet, room.busiest_reads_per_sheet) == (3.0, 1.0)
    assert room.more_groups == 180 // 3 - 20
