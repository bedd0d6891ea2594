"""Test doubles that behave like the real thing: fakes, never mocks."""
