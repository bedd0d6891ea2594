"""The rows of the LLM call log, as the tests read them back."""


async def call_rows(log, columns):
    """The columns named (a comma list) of every logged call, oldest first."""
    rows = await log._database.run(
        lambda db: db.execute(f"SELECT {columns} FROM llm_call ORDER BY id").fetchall()
    )
    return [tuple(row) for row in rows]
