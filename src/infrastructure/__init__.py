"""Adapters to the outside world, one package per technology, and the composition root."""
