"""The gate before every handler stays closed when it cannot tell whether the bot serves a group."""

from datetime import UTC, datetime

from telegram import Chat, Message, Update, User
from telegram.ext import Application, MessageHandler, filters

from balance_bot.domain.language import Language
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.served_groups import ServedGroups
from balance_bot.ports import StorageUnavailable
from infrastructure.telegram.group_access import GroupAccess
from tests.fakes.chat_languages import InMemoryChatLanguageStore
from tests.fakes.group_allowances import InMemoryGroupAllowances

STRANGERS_GROUP = -1009999


class UnreadableAllowances(InMemoryGroupAllowances):
    """The allowances' database cannot be read (a disk gone, a file locked)."""

    async def allowed(self) -> set[int]:
        raise StorageUnavailable("database is locked")


async def test_an_update_is_stopped_when_the_allowed_groups_cannot_be_read(telegram):
    application = Application.builder().token(telegram.token).base_url(f"{telegram.url}/bot").build()
    await application.initialize()
    served = ServedGroups(frozenset(), allowances=UnreadableAllowances())
    languages = ChatLanguages(InMemoryChatLanguageStore(), Language.ENGLISH)
    GroupAccess(served, languages, None).attach(application)
    reached = []

    async def handler(update, context):
        reached.append(update.update_id)

    application.add_handler(MessageHandler(filters.ALL, handler))
    chat = Chat(STRANGERS_GROUP, Chat.SUPERGROUP, title="Strangers")
    message = Message(1, datetime.now(UTC), chat, from_user=User(66, "Stranger", False), text="coffee 3$")
    message.set_bot(application.bot)
    await application.process_update(Update(1, message=message))
    await application.shutdown()
    assert reached == []
