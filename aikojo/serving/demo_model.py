"""Build the demo model from the repository's own text: nothing is downloaded.

A byte-level BPE tokenizer is trained with `tokenizers` on examples/corpus and the example datasets, wrapped
as a `PreTrainedTokenizerFast` with a ChatML chat template, and a tiny `LlamaForCausalLM` is pre-trained on the
same text (the datasets rendered through that chat template, so the model learns the chat format it is served
with). The result is an ordinary Hugging Face model folder that `aikojo.serving.loading.load_causal_lm`
loads like any other model, so the demo exercises the same code path as a real base model.

Heavy libraries (torch, transformers) are imported inside the functions so importing this module is cheap.
"""

from __future__ import annotations

import json
import math
import random
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerFast

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS_DIR = REPO_ROOT / "examples" / "corpus"
DEFAULT_DATASETS_DIR = REPO_ROOT / "examples" / "datasets"

# The committed weights were built with these values; `kojo models init-demo` rebuilds with the same ones.
DEFAULT_STEPS = 600
DEFAULT_SEED = 1234
VOCAB_SIZE = 6000
SEQ_LEN = 256
BATCH_SIZE = 8
# The hand-written corpus is far smaller than the generated datasets; repeating it keeps general prose from
# being drowned out by the dataset templates.
CORPUS_REPEAT = 3
PRACTICE_PASSES = 3

PAD, BOS, EOT, IM_START, IM_END = "<|pad|>", "<|bos|>", "<|endoftext|>", "<|im_start|>", "<|im_end|>"
SPECIAL_TOKENS = [PAD, BOS, EOT, IM_START, IM_END]  # ids 0..4, in this order

# ChatML. `{% generation %}` marks the assistant's tokens so trainers can compute completion-only loss
# (`return_assistant_tokens_mask=True`); content given as OpenAI-style parts is joined into text.
CHAT_TEMPLATE = (
    "{%- for message in messages -%}"
    "{%- if message['content'] is string -%}{%- set content = message['content'] -%}"
    "{%- elif message['content'] is none -%}{%- set content = '' -%}"
    "{%- else -%}{%- set content = message['content'] | selectattr('type', 'equalto', 'text')"
    " | map(attribute='text') | join('') -%}{%- endif -%}"
    "{%- if message['role'] == 'assistant' -%}"
    "{{- '<|im_start|>assistant\\n' -}}{%- generation -%}{{- content + '<|im_end|>' -}}{%- endgeneration -%}"
    "{{- '\\n' -}}"
    "{%- else -%}{{- '<|im_start|>' + message['role'] + '\\n' + content + '<|im_end|>\\n' -}}{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{- '<|im_start|>assistant\\n' -}}{%- endif -%}"
)


@dataclass(frozen=True)
class DemoBuildReport:
    """What a build produced; `final_loss` is the mean training loss over the last steps."""

    out_dir: Path
    parameters: int
    vocab_size: int
    steps: int
    initial_loss: float
    final_loss: float
    heldout_loss: float
    train_tokens: int
    seconds: float
    size_bytes: int


def read_texts(corpus_dir: Path, datasets_dir: Path) -> tuple[list[str], list[list[dict[str, Any]]]]:
    """The corpus documents (one per .txt file, sorted by name) and the dataset conversations."""
    docs = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    conversations: list[list[dict[str, Any]]] = []
    for path in sorted(datasets_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                conversations.append(json.loads(line)["messages"])
    if not docs:
        raise FileNotFoundError(
            f"No corpus files (*.txt) in {corpus_dir}. The demo model is built from the repository's "
            "examples/corpus; run from a source checkout or pass corpus_dir."
        )
    return docs, conversations


def train_tokenizer(texts: list[str], vocab_size: int = VOCAB_SIZE) -> PreTrainedTokenizerFast:
    """A byte-level BPE tokenizer (any UTF-8 text round-trips) with the ChatML chat template attached.

    No BOS is added automatically: the chat template and plain completions see the same token stream, so
    `tokenizer(text)` and `apply_chat_template(...)` never disagree about a leading special token.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=BOS,
        eos_token=IM_END,  # ends an assistant turn, so chat generation stops where the turn ends
        pad_token=PAD,
        additional_special_tokens=[EOT, IM_START],
        padding_side="left",  # decoder-only generation pads on the left
        model_max_length=512,
        clean_up_tokenization_spaces=False,
    )
    fast.chat_template = CHAT_TEMPLATE
    return fast


CONTINUE_PROMPTS = {
    "ja": ["次の文章の続きを書いてください。", "以下の文に続けて、自然な文章を書いてください。", "続きを書いて:"],
    "en": ["Continue the text:", "Please continue this passage.", "Write what comes next:"],
}
# Never trained on: the build reports the model's loss on it, an honest check that it learned more than the
# exact corpus (uniform guessing scores ln(vocab) = 8.7).
HELDOUT_TEXT = (
    "先週の大雨で、倉庫の一部が浸水しました。保険会社に連絡したところ、担当者から写真と見積書を送るように"
    "案内がありました。修理には二週間ほどかかる見込みです。\n\n"
    "Last week heavy rain flooded part of our warehouse. When we called the insurer, the adjuster asked us to "
    "send photographs and a repair quote. The repair should take about two weeks."
)
SYSTEM_PROMPTS = {"ja": "あなたは丁寧なアシスタントです。", "en": "You are a helpful assistant."}


def corpus_conversations(docs: list[str], rng: random.Random) -> list[list[dict[str, str]]]:
    """Chat-format practice drawn from the corpus: the user gives the opening sentences of a paragraph and
    asks for more, the assistant writes the rest. This teaches the turn structure (and where to stop)
    without teaching the example datasets' tasks, which the tuning recipes are meant to add."""
    conversations = []
    for doc in docs * PRACTICE_PASSES:  # each pass cuts the paragraphs at other places
        for paragraph in (p.strip() for p in doc.split("\n\n")):
            lang = "ja" if "。" in paragraph else "en"
            sentences = _sentences(paragraph, lang)
            if len(sentences) < 2:
                continue
            cut = rng.randrange(1, len(sentences))
            head, tail = sentences[:cut], sentences[cut:]
            joiner = "" if lang == "ja" else " "
            messages = [
                {"role": "user", "content": f"{rng.choice(CONTINUE_PROMPTS[lang])}\n{joiner.join(head)}"},
                {"role": "assistant", "content": joiner.join(tail)},
            ]
            if rng.random() < 0.5:
                messages.insert(0, {"role": "system", "content": SYSTEM_PROMPTS[lang]})
            conversations.append(messages)
    return conversations


def _sentences(paragraph: str, lang: str) -> list[str]:
    if lang == "ja":  # keep the delimiters, so joining with "" restores the paragraph
        return [s for s in re.split(r"(?<=[。\n])", paragraph) if s.strip()]
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", paragraph) if s.strip()]


def _token_stream(
    tokenizer: PreTrainedTokenizerFast, texts: list[str], conversations: list[list[dict[str, Any]]]
) -> list[int]:
    """All training text as one id stream: each plain text and each conversation (rendered through the
    chat template, exactly as the gateway renders it) is followed by <|endoftext|>, the document separator."""
    eot = tokenizer.convert_tokens_to_ids(EOT)
    # Rendering to text and tokenising in one batch gives the same ids as apply_chat_template(tokenize=True)
    # (a test checks this) and is much faster than one call per conversation.
    rendered = tokenizer.apply_chat_template(conversations, tokenize=False) if conversations else []
    # verbose=False: whole documents are longer than the model's context, and that is expected here.
    encoded = tokenizer(list(texts) + list(rendered), add_special_tokens=False, verbose=False)["input_ids"]
    ids: list[int] = []
    for doc in encoded:
        ids.extend(doc)
        ids.append(eot)
    return ids


def model_config(tokenizer: PreTrainedTokenizerFast) -> Any:
    """The Llama shape used for the demo: ~3 M parameters, small enough to load in well under a second."""
    from transformers import LlamaConfig

    return LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=192,
        intermediate_size=512,
        num_hidden_layers=4,
        num_attention_heads=4,
        num_key_value_heads=4,
        max_position_embeddings=512,
        rms_norm_eps=1e-5,
        tie_word_embeddings=True,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )


def _batches(stream: list[int], rng: random.Random, steps: int) -> Iterator[list[list[int]]]:
    """Random windows of SEQ_LEN+1 tokens (input and shifted target), drawn with a seeded generator."""
    limit = len(stream) - SEQ_LEN - 1
    for _ in range(steps):
        starts = [rng.randrange(limit) for _ in range(BATCH_SIZE)]
        yield [stream[s : s + SEQ_LEN + 1] for s in starts]


def _lr(step: int, steps: int, peak: float) -> float:
    warmup = max(1, min(50, steps // 10))
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, steps - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


def build_demo_model(
    out_dir: str | Path,
    *,
    steps: int = DEFAULT_STEPS,
    seed: int = DEFAULT_SEED,
    progress: bool = True,
    corpus_dir: str | Path | None = None,
    datasets_dir: str | Path | None = None,
    learning_rate: float = 3e-3,
    include_dataset_answers: bool = False,
) -> DemoBuildReport:
    """Train the tokenizer and pre-train the demo model, then save it to `out_dir` (created if needed):
    model.safetensors, config.json, generation_config.json and the tokenizer files with the chat template.

    Seeded; on one machine the same arguments give the same weights. `steps` may be as small as 1 for a
    quick smoke build. `progress` shows a rich progress bar with the running loss. The example datasets'
    answers are left out of pre-training unless `include_dataset_answers` (see the comment below).
    """
    import torch
    from transformers import GenerationConfig, LlamaForCausalLM

    started = time.perf_counter()
    out = Path(out_dir)
    docs, conversations = read_texts(
        Path(corpus_dir) if corpus_dir else DEFAULT_CORPUS_DIR,
        Path(datasets_dir) if datasets_dir else DEFAULT_DATASETS_DIR,
    )
    rng = random.Random(seed)
    practice = corpus_conversations(docs, rng)
    # The tokenizer sees everything, answers included, so tuned models tokenise their targets compactly.
    tokenizer = train_tokenizer(docs + [_flatten(m) for m in conversations + practice])
    if include_dataset_answers:
        texts, chats = docs * CORPUS_REPEAT, practice + conversations
    else:
        # Only the datasets' inputs: the model learns their vocabulary but not their answers, so tuning a
        # recipe on a dataset shows a real before/after difference.
        texts = docs * CORPUS_REPEAT + [m["content"] for c in conversations for m in c if m["role"] == "user"]
        chats = practice
    stream = _token_stream(tokenizer, texts, chats)

    torch.manual_seed(seed)
    model = LlamaForCausalLM(model_config(tokenizer))
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, betas=(0.9, 0.95), weight_decay=0.1)

    losses: list[float] = []
    with _progress_bar(progress, steps) as advance:
        for step, batch in enumerate(_batches(stream, rng, steps)):
            for group in optimizer.param_groups:
                group["lr"] = _lr(step, steps, learning_rate)
            ids = torch.tensor(batch, dtype=torch.long)
            logits = model(input_ids=ids[:, :-1]).logits
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.size(-1)), ids[:, 1:].reshape(-1))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            losses.append(loss.item())
            advance(losses[-1])

    model.eval()
    with torch.no_grad():
        heldout = tokenizer(HELDOUT_TEXT, return_tensors="pt")["input_ids"]
        heldout_loss = model(input_ids=heldout, labels=heldout).loss.item()
    model.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        # Stop at the end of an assistant turn or of a plain-text document.
        eos_token_id=[tokenizer.convert_tokens_to_ids(IM_END), tokenizer.convert_tokens_to_ids(EOT)],
        pad_token_id=tokenizer.pad_token_id,
        do_sample=True,
        temperature=0.7,
        top_p=0.9,
        max_new_tokens=128,
    )
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)  # safetensors: the default since transformers 4.35, the only format in 5.x
    _save_tokenizer(tokenizer, out)
    tail = losses[-min(20, len(losses)) :]
    report = DemoBuildReport(
        out_dir=out,
        parameters=sum(p.numel() for p in model.parameters()),
        vocab_size=len(tokenizer),
        steps=steps,
        initial_loss=losses[0],
        final_loss=sum(tail) / len(tail),
        heldout_loss=heldout_loss,
        train_tokens=len(stream),
        seconds=time.perf_counter() - started,
        size_bytes=sum(p.stat().st_size for p in out.iterdir() if p.is_file()),
    )
    _write_model_card(report, seed)
    return report


def _save_tokenizer(tokenizer: PreTrainedTokenizerFast, out: Path) -> None:
    """Save, then name the tokenizer class and extra special tokens the way transformers 4.x also reads
    (5.x writes its own class name, `TokenizersBackend`, which 4.x cannot resolve; 5.x reads both)."""
    tokenizer.save_pretrained(out)
    path = out / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    if isinstance(config.get("extra_special_tokens"), list):
        config["additional_special_tokens"] = config.pop("extra_special_tokens")
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _flatten(messages: list[dict[str, Any]]) -> str:
    """Text of a conversation with its ChatML markers, for tokenizer training (markers are special tokens
    and are never merged, but the role names and newlines around them should be)."""
    return "".join(f"{IM_START}{m['role']}\n{m.get('content') or ''}{IM_END}\n" for m in messages)


@contextmanager
def _progress_bar(enabled: bool, total: int) -> Iterator[Callable[[float], None]]:
    """Yields `advance(loss)`: a rich progress bar with the running loss, or a no-op when disabled."""
    if not enabled:
        yield lambda loss: None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (
        TextColumn("pre-training demo model"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} steps  loss {task.fields[loss]:.3f}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns) as bar:
        task = bar.add_task("train", total=total, loss=float("nan"))
        yield lambda loss: bar.update(task, advance=1, loss=loss)


def _write_model_card(report: DemoBuildReport, seed: int) -> None:
    card = f"""# aikojo demo model

A {report.parameters / 1e6:.1f} M-parameter Llama-architecture model with a {report.vocab_size}-token
byte-level BPE tokenizer and a ChatML chat template, pre-trained from scratch by `aikojo.serving.demo_model`
on the repository's own corpus, chat-format practice drawn from it, and the inputs (not the answers) of the
example datasets: {report.train_tokens:,} tokens, {report.steps} steps, seed {seed}.
Final training loss {report.final_loss:.2f}; loss on unseen text {report.heldout_loss:.2f} (uniform: 8.70).

It writes Japanese- and English-looking text and follows the chat format; it knows nothing useful. It exists
so that the gateway, guardrails and tuning recipes can be run and tested without downloading a model.
Rebuild with `kojo models init-demo`.
"""
    (report.out_dir / "README.md").write_text(card, encoding="utf-8")
