"""The optional LLM path: a small local model (or an OpenAI-compatible server) fills the Query when the rules
cannot. Nothing here supplies a figure. Modules: worker (the in-process model thread and build_parser), remote
(SIPSABOT_LLM_URL), prompt/schema/grammar (what the model sees and may emit), guard/merge (what of its output
survives), state (the evaluated system prompt on disk), backend (CPU-variant dispatch), gguf (file metadata),
calls/errors (shared log and exceptions). This package imports nothing heavy: llama_cpp is loaded on first use."""
