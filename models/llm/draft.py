"""Draft tokens for speculative decoding taken from the prompt itself (prompt lookup), no second model.

The model's answer is mostly copied: JSON keys and punctuation from the prompt's examples, product and market
words from the question. So the tokens that followed the latest n-gram elsewhere in the prompt (or in the
answer so far) are a good guess for what comes next. llama-cpp-python evaluates the guess in one batch and keeps
the longest prefix that greedy, grammar-constrained sampling agrees with: the output is the same token for token
as without drafting, only fewer sequential forward passes are paid.

Unlike llama-cpp-python's LlamaPromptLookupDecoding (the first match in the prompt, always `num_pred_tokens`
long), the continuation here is the one most matches agree on, token by token, and it stops where they disagree:
a long wrong draft costs a batch evaluation of tokens that are then thrown away.

Off by default (`LLMWorker(..., draft=True)` turns it on): on the 2-core CPU it was measured on,
decoding is compute-bound, so checking a draft of k tokens costs about k forward passes and the 2.5-3.5x fewer
sequential passes bought no CPU time (README, "Decodificación especulativa"). It pays where decoding is
memory-bound (more cores, a GPU).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_NGRAM = 3
MAX_DRAFT = 8
MIN_AGREEMENT = 0.5  # drafting goes on while more than this share of the matches continue alike


def draft_tokens(ids: npt.NDArray[np.intc], max_ngram: int = MAX_NGRAM, max_draft: int = MAX_DRAFT,
                 min_agreement: float = MIN_AGREEMENT) -> npt.NDArray[np.intc]:
    """The continuation of the longest suffix n-gram of `ids` that occurs earlier in `ids` (empty when none)."""
    n = len(ids)
    for size in range(min(max_ngram, n - 1), 0, -1):
        windows = np.lib.stride_tricks.sliding_window_view(ids[: n - 1], size)
        starts = np.nonzero(np.all(windows == ids[n - size:], axis=1))[0] + size  # where each continuation starts
        starts = starts[starts < n]
        if len(starts) == 0:
            continue
        out: list[int] = []
        while len(out) < max_draft and len(starts):
            token, count = Counter(ids[starts].tolist()).most_common(1)[0]
            if out and count <= min_agreement * len(starts):
                break
            out.append(int(token))
            starts = starts[ids[starts] == token] + 1
            starts = starts[starts < n]
        return np.array(out, dtype=np.intc)
    return np.array([], dtype=np.intc)


def prompt_lookup(max_ngram: int = MAX_NGRAM, max_draft: int = MAX_DRAFT, min_agreement: float = MIN_AGREEMENT) -> Any:
    """A llama-cpp-python draft model (its base class is imported here: llama_cpp loads only with the model)."""
    from llama_cpp.llama_speculative import LlamaDraftModel

    class PromptLookup(LlamaDraftModel):
        def __init__(self) -> None:
            self.max_ngram, self.max_draft, self.min_agreement = max_ngram, max_draft, min_agreement

        def __call__(self, input_ids: npt.NDArray[np.intc], /, **kwargs: Any) -> npt.NDArray[np.intc]:
            return draft_tokens(input_ids, self.max_ngram, self.max_draft, self.min_agreement)

    return PromptLookup()
