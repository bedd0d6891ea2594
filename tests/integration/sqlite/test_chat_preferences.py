"""Tests for the groups' preferences in SQLite: quiet confirmations and the language of replies."""

from balance_bot.domain.language import Language, Speech
from balance_bot.domain.members import PaymentMode
from balance_bot.groups.group_settings import GroupSettings
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.database import Database


async def test_a_groups_language_and_digits_are_kept_across_a_restart_beside_its_quiet_choice(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    preferences = SqliteChatPreferences(first)
    assert await preferences.speech(-100) is None
    await preferences.set_quiet(-100, True)
    await preferences.set_speech(-100, Speech(Language.KHMER, khmer_digits=True))
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    again = SqliteChatPreferences(second)
    assert await again.speech(-100) == Speech(Language.KHMER, khmer_digits=True)
    assert await again.quiet(-100) is True
    await again.set_speech(-100, Speech(Language.ENGLISH))
    assert await again.speech(-100) == Speech(Language.ENGLISH)
    assert await again.quiet(-100) is True
    await second.close()


async def test_a_language_the_bot_no_longer_speaks_reads_as_no_choice(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    await database.run(
        lambda db: db.execute("INSERT INTO chat_preference (chat_id, language) VALUES (-1, 'fr')")
    )
    assert await SqliteChatPreferences(database).speech(-1) is None
    await database.close()


async def test_category_corrections_are_kept_per_spreadsheet_across_a_restart_and_forgotten_on_request(
    tmp_path,
):
    from infrastructure.sqlite.category_corrections import SqliteCategoryCorrections

    first = Database(tmp_path / "bot.sqlite3")
    corrections = SqliteCategoryCorrections(first)
    await corrections.learn("google:a", "coffee for guest", "Guests & events")
    await corrections.learn("google:a", "coffee for guest", "Guests")  # the latest choice wins
    await corrections.learn("google:b", "coffee", "Food")
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    again = SqliteCategoryCorrections(second)
    assert await again.learned("google:a") == {"coffee for guest": "Guests"}
    assert await again.forget("google:a") == 1
    assert await again.learned("google:a") == {}
    assert await again.learned("google:b") == {"coffee": "Food"}
    await second.close()


async def test_a_group_is_asked_which_way_it_pays_once_whatever_restarts(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    preferences = SqliteChatPreferences(first)
    claims = [await preferences.claim_payments_question(chat_id) for chat_id in (-100, -100, -200)]
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    after_a_restart = await SqliteChatPreferences(second).claim_payments_question(-100)
    await second.close()
    assert claims == [True, False, True]
    assert not after_a_restart


async def test_a_group_that_chose_how_it_pays_is_not_asked(database):
    settings = GroupSettings(SqliteChatPreferences(database))
    await settings.set_payment_mode(-100, PaymentMode.BOX)
    assert not await settings.ask_payments_once(-100)
    assert (await settings.of(-100)).payments_chosen
    assert not (await settings.of(-200)).payments_chosen
