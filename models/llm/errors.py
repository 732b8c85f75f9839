"""The LLM path's exceptions, in a module with no heavy imports: the router catches them without loading
models.llm (or llama_cpp)."""

from __future__ import annotations

BUSY_TEXT = "Estoy ocupado, intenta en un momento."


class LLMBusy(Exception):
    """Every place in the LLM queue is taken: answer BUSY_TEXT right away instead of waiting."""

    message = BUSY_TEXT


class LLMUnavailable(Exception):
    """The model could not be loaded (missing or corrupt file)."""


class LLMTimeout(Exception):
    """The model did not answer in time: the router asks the user to rephrase instead of guessing."""
