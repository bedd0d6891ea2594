"""The LLM second opinion: Ollama first, Anthropic as fallback, with a call log and a budget."""
