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
