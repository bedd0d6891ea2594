from infrastructure.sqlite.handled_updates import SqliteHandledUpdates
from infrastructure.sqlite.update_inbox import SqliteUpdateInbox


async def test_kept_updates_come_back_oldest_first_until_handled(database):
    inbox = SqliteUpdateInbox(database)
    await inbox.keep([(12, '{"update_id": 12}'), (11, '{"update_id": 11}')])
    await inbox.keep([(11, '{"update_id": 11}')])  # kept again by a later poll: once is enough
    assert await inbox.unhandled() == [(11, '{"update_id": 11}'), (12, '{"update_id": 12}')]
    await SqliteHandledUpdates(database).handled(11)
    assert await inbox.unhandled() == [(12, '{"update_id": 12}')]


async def test_a_kept_update_older_than_a_week_is_forgotten(database):
    inbox = SqliteUpdateInbox(database)
    await inbox.keep([(5, "{}")])
    await database.run(lambda db: db.execute("UPDATE update_inbox SET kept_at = datetime('now', '-8 days')"))
    assert await inbox.unhandled() == []
