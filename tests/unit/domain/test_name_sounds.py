"""Tests for members' names heard in Khmer: a Khmer question names a member who posts under a Latin name."""

import re

import pytest

from balance_bot.domain.name_sounds import named_in_khmer

MEMBERS = ["Chenda", "Piseth", "Rachana", "Bopha", "Vanna", "Dara", "Sokha", "Srey Mom"]


def runs(text):
    return re.findall("[\u1780-\u17ff]+", text)


@pytest.mark.parametrize(
    ("question", "member", "spelling"),
    [
        ("សប្តាហ៍មុន ពិសិដ្ឋ ចាយអស់ប៉ុន្មាន", "Piseth", "ពិសិដ្ឋ"),
        ("រាយមើលអីដែលវណ្ណាទិញខែនេះ", "Vanna", "វណ្ណា"),
        ("ចិន្តា ទិញទឹកកកប៉ុន្មានដង", "Chenda", "ចិន្តា"),
        ("រចនា ជួសកង្ហារ ប៉ុន្មានដង", "Rachana", "រចនា"),
        ("សប្តាហ៍នេះ បុប្ផា ចាយប៉ុន្មានដង", "Bopha", "បុប្ផា"),
        ("ស្រីមុំចាយប៉ុន្មាន", "Srey Mom", "ស្រីមុំ"),
    ],
)
def test_a_member_is_heard_in_their_name_written_in_khmer(question, member, spelling):
    assert named_in_khmer(runs(question), MEMBERS) == (member, spelling)


@pytest.mark.parametrize(
    "question",
    [
        "ថ្ងៃនេះទិញអីខ្លះពីផ្សារ",
        "ខែនេះចាយលើទឹកកកប៉ុន្មាន",
        "អាទិត្យមុនអ្នកណាចាយច្រើនជាងគេ",
        "ទិញតុកតុកប៉ុន្មានដង",
        "ទិញចេកអស់លុយប៉ុន្មានហើយ",
    ],
)
def test_everyday_words_are_no_members_name(question):
    assert named_in_khmer(runs(question), MEMBERS) is None
