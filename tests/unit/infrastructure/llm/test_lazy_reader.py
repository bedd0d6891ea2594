import asyncio

import pytest

from balance_bot.domain.second_reading import Proposal
from infrastructure.llm.lazy_reader import LazyReader
from infrastructure.llm.questions import ModelAnswer


class CountingReader:
    provider, model, paid = "ollama", "m", False

    def __init__(self):
        self.reads = 0
        self.closed = False

    async def read(self, text, question):
        self.reads += 1
        return ModelAnswer(Proposal((), 1.0), 1, 1)

    async def aclose(self):
        self.closed = True


async def test_the_reader_is_built_on_the_first_call_only():
    built = []

    def build():
        built.append(CountingReader())
        return built[-1]

    lazy = LazyReader("ollama", "m", False, build)
    assert built == []
    await lazy.read("a", None)
    await lazy.read("b", None)
    assert len(built) == 1
    assert built[0].reads == 2
    await lazy.aclose()
    assert built[0].closed


async def test_a_reader_never_used_is_never_built_nor_closed():
    lazy = LazyReader("anthropic", "m", True, lambda: (_ for _ in ()).throw(AssertionError("built")))
    await lazy.aclose()


class WarmedReader(CountingReader):
    def __init__(self):
        super().__init__()
        self.warmed = 0

    async def warm(self):
        self.warmed += 1


def local_model(server_listens: bool) -> tuple[LazyReader, list[WarmedReader]]:
    """A lazy local model whose server listens or not, and the readers it built."""
    built: list[WarmedReader] = []

    def build():
        built.append(WarmedReader())
        return built[-1]

    async def listens():
        return server_listens

    return LazyReader("ollama", "m", False, build, listens), built


async def test_warming_a_model_whose_server_does_not_listen_builds_nothing():
    lazy, built = local_model(server_listens=False)
    await lazy.warm()
    assert built == []
    await lazy.read("a message the model is asked about", None)
    assert len(built) == 1  # a message that needs the model still reaches it
    await lazy.aclose()
    assert built[0].closed


async def test_warming_a_model_whose_server_listens_builds_the_reader_and_warms_it():
    lazy, built = local_model(server_listens=True)
    await lazy.warm()
    assert len(built) == 1
    assert built[0].warmed == 1


async def test_messages_arriving_while_the_library_imports_share_one_build():
    lazy, built = local_model(server_listens=True)
    await asyncio.gather(*(lazy.read(f"message {number}", None) for number in range(5)))
    assert len(built) == 1
    assert built[0].reads == 5


async def test_a_build_that_failed_is_tried_again_by_the_next_message():
    attempts = []

    def build():
        attempts.append(1)
        if len(attempts) == 1:
            raise ImportError("the library is being upgraded")
        return CountingReader()

    lazy = LazyReader("ollama", "m", False, build)
    with pytest.raises(ImportError):
        await lazy.read("first", None)
    answer = await lazy.read("second", None)
    assert answer.input_tokens == 1
    assert len(attempts) == 2
