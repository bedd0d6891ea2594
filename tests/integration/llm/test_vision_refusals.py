"""What the APIs answer to an image they will not take, read by the real clients against the fakes."""

import base64

import pytest

from infrastructure.llm.anthropic_reader import AnthropicReader
from infrastructure.llm.questions import Failure, ModelFailure, ShownImage
from infrastructure.llm.vision_reader import image_question
from tests.fakes.ollama_api import base64_error
from tests.fakes.seen_images import drawn_receipt

IMAGES = image_question()


@pytest.fixture
async def anthropic(anthropic_api):
    reader = AnthropicReader(anthropic_api.api_key, "claude-haiku-4-5", anthropic_api.url, 10.0)
    yield reader
    await reader.aclose()


def shown(data, media_type="image/png", size=(600, 900)):
    from dataclasses import replace

    return replace(IMAGES, image=ShownImage(data, media_type, *size))


async def refusal(reader, question):
    with pytest.raises(ModelFailure) as failed:
        await reader.read("TOTAL 12.50", question)
    assert failed.value.failure is Failure.REFUSED
    return failed.value.detail


async def test_anthropic_refuses_an_image_wider_than_8000_px_in_its_own_words(anthropic):
    detail = await refusal(anthropic, shown(drawn_receipt(size=(8100, 300)), size=(8100, 300)))
    assert detail == (
        "HTTP 400: messages.0.content.0.image.source.base64.data: "
        "At least one of the image dimensions exceed max allowed size: 8000 pixels"
    )


async def test_anthropic_refuses_an_image_of_more_than_5_mb_of_base64(anthropic):
    noise = drawn_receipt(size=(2000, 1500), noise=True)  # about 9 MB as PNG, 12 MB in base64
    detail = await refusal(anthropic, shown(noise, size=(2000, 1500)))
    assert detail.startswith(
        "HTTP 400: messages.0.content.0.image.source.base64: image exceeds 5 MB maximum: "
    )
    assert detail.endswith(" bytes > 5242880 bytes")


async def test_anthropic_refuses_bytes_that_are_not_the_media_type_declared(anthropic):
    detail = await refusal(anthropic, shown(drawn_receipt(image_format="JPEG"), "image/png"))
    assert detail.endswith(
        ".image.source.base64.data: Image does not match the provided media type image/png"
    )


async def test_anthropic_refuses_a_media_type_it_does_not_read(anthropic):
    detail = await refusal(anthropic, shown(drawn_receipt(image_format="TIFF"), "image/tiff"))
    assert detail.endswith(
        ".media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"
    )


async def test_anthropic_refuses_what_is_not_an_image(anthropic):
    detail = await refusal(anthropic, shown(b"%PDF-1.7"))
    assert detail.endswith(
        ".image.source.base64.data: Image does not match the provided media type image/png"
    )


def test_ollama_takes_only_base64_as_go_decodes_it():
    assert base64_error(base64.b64encode(b"receipt").decode()) is None
    assert base64_error("data:image/png;base64,iVBOR") == "illegal base64 data at input byte 4"
    assert base64_error("iVBOR") == "illegal base64 data at input byte 4"
