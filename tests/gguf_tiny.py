"""Write a tiny random-weight llama-architecture GGUF (a few hundred KB) that llama.cpp really loads.

2 layers, hidden 64, 4 heads (2 KV heads, as Llama 3 uses grouped-query attention), a Llama-3-style byte-level
BPE tokenizer (the 256 GPT-2 byte symbols + merges learnt from a small Spanish/JSON corpus + Llama 3 special
tokens) and a Llama-3-style chat template. The weights are random, so the text it writes is noise: tests use it
to run the real load / prompt-cache / grammar-constrained generation code, not to judge understanding.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import numpy as np

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "<|start_header_id|>{{ message['role'] }}<|end_header_id|>\n\n{{ message['content'] | trim }}<|eot_id|>"
    "{% endfor %}{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"
)
# The shape of Llama 3.1/3.2's template: a dated system header ("Today Date" from `date_string`, else
# `strftime_now`), the system message pulled out of `messages`, then the turns.
LLAMA32_STYLE_TEMPLATE = (
    "{{- bos_token }}{%- if not date_string is defined %}{%- if strftime_now is defined %}"
    "{%- set date_string = strftime_now('%d %b %Y') %}{%- else %}{%- set date_string = '26 Jul 2024' %}{%- endif %}"
    "{%- endif %}{%- if messages[0]['role'] == 'system' %}{%- set system_message = messages[0]['content']|trim %}"
    "{%- set messages = messages[1:] %}{%- else %}{%- set system_message = '' %}{%- endif %}"
    "{{- '<|start_header_id|>system<|end_header_id|>\n\n' }}{{- 'Cutting Knowledge Date: December 2023\n' }}"
    "{{- 'Today Date: ' + date_string + '\n\n' }}{{- system_message }}{{- '<|eot_id|>' }}"
    "{%- for message in messages %}{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + "
    "message['content'] | trim + '<|eot_id|>' }}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{%- endif %}"
)
SPECIAL_TOKENS = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
CORPUS = (
    '{"intent": "price", "product": "papa criolla", "market": "Corabastos", "period": null, "horizon": null} '
    "¿a cuánto está la papa criolla en Corabastos? precio del tomate en medellín, cebolla cabezona en Cali "
    "en marzo de 2024; ¿cómo ha variado el aguacate hass en las últimas semanas? avísame si baja de 2.000; "
    "pronostica el precio para las próximas semanas. Eres un asistente que entiende preguntas sobre precios "
    "mayoristas de alimentos en Colombia y responde solo con un objeto JSON con la intención y los datos."
)
HIDDEN = 64
HEADS = 4
KV_HEADS = 2
FFN = 128
LAYERS = 2
CONTEXT = 4096


def byte_symbols() -> list[str]:
    """GPT-2's reversible byte -> printable unicode mapping (what byte-level BPE vocabularies store)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    table = dict(zip(bs, cs, strict=True))
    return [chr(table[b]) for b in range(256)]


def learn_merges(corpus: str, count: int) -> list[tuple[str, str]]:
    """Plain BPE training over the byte symbols of each whitespace-led word of the corpus."""
    sym = byte_symbols()
    words: Counter[tuple[str, ...]] = Counter()
    for i, word in enumerate(corpus.split(" ")):
        text = (" " if i else "") + word
        words[tuple(sym[b] for b in text.encode())] += 1
    merges: list[tuple[str, str]] = []
    for _ in range(count):
        pairs: Counter[tuple[str, str]] = Counter()
        for word, freq in words.items():
            for a, b in itertools.pairwise(word):
                pairs[(a, b)] += freq
        if not pairs:
            break
        best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
        merges.append(best)
        merged: Counter[tuple[str, ...]] = Counter()
        for word, freq in words.items():
            out: list[str] = []
            i = 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] += freq
        words = merged
    return merges


def vocabulary(merge_count: int = 120) -> tuple[list[str], list[int], list[str]]:
    """(tokens, token types, merges) of the tiny byte-level BPE tokenizer."""
    tokens = byte_symbols()
    merges = learn_merges(CORPUS, merge_count)
    seen = set(tokens)
    for a, b in merges:
        if a + b not in seen:
            tokens.append(a + b)
            seen.add(a + b)
    types = [1] * len(tokens) + [3] * len(SPECIAL_TOKENS)
    return tokens + SPECIAL_TOKENS, types, [f"{a} {b}" for a, b in merges]


def write_tiny_llama(path: Path, seed: int = 0, chat_template: str | None = CHAT_TEMPLATE) -> Path:
    """Write the tiny model to `path` and return it."""
    import gguf

    tokens, types, merges = vocabulary()
    n_vocab = len(tokens)
    rng = np.random.default_rng(seed)
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("sipsabot-tiny-test")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(HIDDEN)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FFN)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(KV_HEADS)
    writer.add_rope_dimension_count(HIDDEN // HEADS)
    writer.add_rope_freq_base(500000.0)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_vocab_size(n_vocab)
    writer.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("llama-bpe")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(tokens.index("<|begin_of_text|>"))
    writer.add_eos_token_id(tokens.index("<|eot_id|>"))
    writer.add_add_bos_token(True)
    if chat_template:
        writer.add_chat_template(chat_template)

    def matrix(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * 0.3).astype(np.float16)

    def norm() -> np.ndarray:
        return np.ones(HIDDEN, dtype=np.float32)

    head_dim = HIDDEN // HEADS
    writer.add_tensor("token_embd.weight", matrix(n_vocab, HIDDEN))
    for i in range(LAYERS):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", norm())
        writer.add_tensor(f"blk.{i}.attn_q.weight", matrix(HIDDEN, HIDDEN))
        writer.add_tensor(f"blk.{i}.attn_k.weight", matrix(KV_HEADS * head_dim, HIDDEN))
        writer.add_tensor(f"blk.{i}.attn_v.weight", matrix(KV_HEADS * head_dim, HIDDEN))
        writer.add_tensor(f"blk.{i}.attn_output.weight", matrix(HIDDEN, HIDDEN))
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", norm())
        writer.add_tensor(f"blk.{i}.ffn_gate.weight", matrix(FFN, HIDDEN))
        writer.add_tensor(f"blk.{i}.ffn_up.weight", matrix(FFN, HIDDEN))
        writer.add_tensor(f"blk.{i}.ffn_down.weight", matrix(HIDDEN, FFN))
    writer.add_tensor("output_norm.weight", norm())
    writer.add_tensor("output.weight", matrix(n_vocab, HIDDEN))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


if __name__ == "__main__":
    import sys

    out = write_tiny_llama(Path(sys.argv[1] if len(sys.argv) > 1 else "tiny.gguf"))
    print(out, out.stat().st_size, "bytes")
