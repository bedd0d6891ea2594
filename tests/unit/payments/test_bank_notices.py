"""Bank notices read field by field: every real sample in the corpus exact, nothing else taken for one."""

import time
from datetime import date, datetime
from decimal import Decimal

import pytest
from bench.notices import NOTICES as CORPUS
from bench.notices import labelled, labelled_time, wrong_fields
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balance_bot.domain.bank_notices import read_bank_notice, read_bank_notices
from balance_bot.domain.money import Currency
from balance_bot.domain.text import DIGITS_TO_ASCII

CASES = labelled(CORPUS)
NOTICES = [case for case in CASES if case["notice"]]
NOT_NOTICES = [case for case in CASES if not case["notice"]]
TO_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
ABA = (
    "$10.00 paid by LOR PISETH (*467) on Oct 11, 10:21 AM via ABA PAY at KEAM LILAY. "
    "Trx. ID: 176015291049703, APV: 691804."
)
ACLEDA_KHMER = (
    "បានទទួល 21.15 ដុល្លារ ពី 097 8555 757 Saing Sopheak, ថ្ងៃទី១១ តុលា ២០២៥ ១០:១៩ព្រឹក, លេខយោង 52841751197, "
    "នៅ PHE MUYTOUNG."
)


@pytest.mark.parametrize("case", NOTICES, ids=[f"{case['id']}-{case['bank']}" for case in NOTICES])
def test_every_labelled_notice_is_read_with_every_field_exact(case):
    moment, message_date = labelled_time(case)
    notice = read_bank_notice(case["text"], message_date)
    assert notice is not None
    assert notice.bank == case["bank"]
    assert notice.money.canonical() == case["amount"]
    assert notice.amount == Decimal(case["amount"])
    assert notice.currency is Currency(case["currency"])
    assert notice.payer == case["payer"]
    assert notice.when == moment
    assert notice.transaction_id == case["transaction_id"]
    assert notice.received is (case["direction"] == "received")
    assert wrong_fields(case, notice) == []  # the bench's count agrees


@pytest.mark.parametrize("case", NOT_NOTICES, ids=[case["id"] for case in NOT_NOTICES])
def test_a_message_that_only_mentions_a_bank_or_a_payment_is_no_notice(case):
    assert read_bank_notices(case["text"], date(2026, 12, 31)) == []


def test_the_corpus_keeps_where_every_sample_came_from():
    assert all(case["source"] for case in CASES)
    assert len({case["text"] for case in CASES}) == len(CASES)


def test_a_notice_of_31_december_read_on_1_january_is_of_the_year_before():
    notice_text = ABA.replace("Oct 11, 10:21 AM", "Dec 31, 11:58 PM")
    notice = read_bank_notice(notice_text, date(2027, 1, 1))
    assert notice is not None
    assert notice.when == datetime(2026, 12, 31, 23, 58)


def test_a_notice_without_a_year_takes_the_year_of_the_message_it_came_in():
    assert read_bank_notice(ABA, date(2026, 10, 11)).when == datetime(2026, 10, 11, 10, 21)
    assert read_bank_notice(ABA, datetime(2027, 3, 2, 9, 0)).when == datetime(2026, 10, 11, 10, 21)


def test_a_message_dated_by_a_clock_a_day_behind_still_gets_the_notices_year():
    new_year = ABA.replace("Oct 11, 10:21 AM", "Jan 01, 12:05 AM")
    assert read_bank_notice(new_year, date(2026, 12, 31)).when == datetime(2027, 1, 1, 0, 5)


def test_an_undated_leap_day_is_of_the_last_year_that_had_one_or_of_none():
    leap_day = ABA.replace("Oct 11", "Feb 29")
    assert read_bank_notice(leap_day, date(2028, 3, 5)).when == datetime(2028, 2, 29, 10, 21)
    assert read_bank_notice(leap_day, date(2027, 3, 5)) is None


def test_khmer_digits_and_month_names_are_read_like_any_others():
    notice = read_bank_notice(ACLEDA_KHMER, date(2025, 10, 11))
    assert (notice.amount, notice.when) == (Decimal("21.15"), datetime(2025, 10, 11, 10, 19))
    all_khmer = read_bank_notice(ACLEDA_KHMER.translate(TO_KHMER_DIGITS), date(2025, 10, 11))
    assert all_khmer == notice
    evening = read_bank_notice(ACLEDA_KHMER.replace("១០:១៩ព្រឹក", "០៧:៤០ល្ងាច"), date(2025, 10, 11))
    assert evening.when == datetime(2025, 10, 11, 19, 40)


def test_an_aba_notice_in_khmer_with_khmer_digits_reads_as_the_same_payment():
    written = next(case["text"] for case in NOTICES if "Eang Sreyneang" in case["text"])
    notice = read_bank_notice(written.translate(TO_KHMER_DIGITS), date(2025, 10, 12))
    assert notice == read_bank_notice(written, date(2025, 10, 12))
    assert notice.transaction_id == "176015253655195"


@pytest.mark.parametrize(
    ("written", "payer"),
    [
        (ABA.replace("LOR PISETH", "PAID ON TIME, AT HOME VIA ABA"), "PAID ON TIME, AT HOME VIA ABA"),
        (ABA.replace("LOR PISETH", "Sok (Dara's mum)"), "Sok (Dara's mum)"),
        (ABA.replace("LOR PISETH", "ចាន់ ធីតា"), "ចាន់ ធីតា"),
        (
            "Received 9.60 USD from 089 536 367 Sok, the office driver, 11-Oct-2025 10:12AM. "
            "Ref.ID: 52841705680, at X.",
            "Sok, the office driver",
        ),
        (
            "The amount 55.50 USD is paid from THAK, CHHORN, KB PRASAC Bank Plc, "
            "Bill No.: lunch on the 4th | 02A6 on 2025-10-04 08.58.45 AM "
            "with Transaction ID: 099QORT252770056, Hash: 9277630f",
            "THAK, CHHORN",
        ),
    ],
)
def test_a_payer_whose_name_reads_like_a_sentence_is_kept_whole(written, payer):
    assert read_bank_notice(written, date(2026, 10, 12)).payer == payer


def test_a_notice_pasted_with_telegrams_copy_header_and_a_members_words_is_still_read():
    pasted = (
        f"the office sent the petty cash\nPayWay by ABA, [11 Oct 2026 at 10:21:13 in the morning]:\n{ABA}"
    )
    notice = read_bank_notice(pasted, date(2026, 10, 11))
    assert (notice.bank, notice.transaction_id) == ("ABA", "176015291049703")


def test_a_message_with_two_notices_is_no_single_notice_but_both_are_read_in_order():
    second = next(case["text"] for case in NOTICES if "Tot sochea" in case["text"])
    both = f"{ABA}\n{second}"
    assert read_bank_notice(both, date(2026, 10, 12)) is None
    assert [notice.bank for notice in read_bank_notices(both, date(2026, 10, 12))] == ["ABA", "ACLEDA"]


@pytest.mark.parametrize(
    "written",
    [
        ABA.replace("$10.00", "៛10.50"),  # riel with cents: no bank prints it
        ABA.replace("$10.00", "$10.005"),
        ABA.replace("$10.00", "$0.00"),
        ABA.replace("Oct 11", "Feb 30"),
        ABA.replace("Oct 11", "Foo 11"),
        ABA.replace("10:21 AM", "13:21 PM"),
        ABA.replace(" Trx. ID: 176015291049703,", ""),
        ACLEDA_KHMER.replace("២០២៥ ១០:១៩ព្រឹក", "២០២៥ ២៥:១៩"),
    ],
)
def test_a_notice_that_names_no_real_amount_day_or_time_or_lacks_its_reference_is_not_read(written):
    assert read_bank_notice(written, date(2026, 12, 31)) is None


def test_a_member_pasting_a_notice_in_a_bold_font_changes_nothing():
    assert read_bank_notice(f"**{ABA}**", date(2026, 10, 12)) == read_bank_notice(ABA, date(2026, 10, 12))


NEAR_MISSES = [
    "$1 paid by X (*1) on Oct 1, 1:00 AM via ",
    "Received 1 USD from 012 345 678 A, ",
    "USD 1 is paid by A (B) via KHQR on 1/1/2025 1:00 PM at ",
    "KHR 1 is paid by A via KHQR for purchase abcd. From X, at ",
    "Received  1 USD from A,B by KHQR,on 1-Jan-2025 1:00PM, at ",
    "1 USD was paid to your account: a on ",
]


@pytest.mark.parametrize("run", NEAR_MISSES)
def test_the_longest_message_that_almost_matches_a_format_is_read_in_milliseconds(run):
    text = (run * 4096)[:4096]
    times = []
    for _ in range(3):
        started = time.process_time()
        assert read_bank_notices(text, date(2026, 1, 1)) == []
        times.append(time.process_time() - started)
    assert min(times) * 1000 < 60  # about 2 ms on a developer's machine; the margin is for busy hosts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.text(max_size=400), st.lists(st.sampled_from([*NEAR_MISSES, ABA]), max_size=30).map("".join))
)
def test_reading_any_text_never_raises(text):
    for notice in read_bank_notices(text, date(2026, 6, 1)):
        assert notice.money.canonical()
        assert notice.transaction_id is None or notice.transaction_id == notice.transaction_id.translate(
            DIGITS_TO_ASCII
        )
