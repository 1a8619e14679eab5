"""Next-token choice for a batch whose rows each keep their own temperature, top_p and seed.

Because every row is sampled with its own settings (and a seeded row with its own torch.Generator), requests
with different sampling settings can share a batch: the settings shape only this last, cheap step, never the
forward pass. A seeded row's draws depend only on its own generator, so its answer does not depend on which
other requests happened to share its batch."""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass
class Sampling:
    temperature: float = 1.0  # 0 → greedy
    top_p: float = 1.0
    generator: torch.Generator | None = None  # set for seeded requests; None draws from torch's global RNG

    @property
    def greedy(self) -> bool:
        return self.temperature <= 0.0


def make_sampling(temperature: float, top_p: float, seed: int | None, device: torch.device) -> Sampling:
    generator = None
    if seed is not None and temperature > 0:
        generator = torch.Generator(device=device)
        generator.manual_seed(int(seed) & 0xFFFF_FFFF_FFFF_FFFF)
    return Sampling(temperature=float(temperature), top_p=float(top_p), generator=generator)


def sample_next(logits: torch.Tensor, settings: list[Sampling]) -> list[int]:
    """One token id per row of `logits` (batch, vocab)."""
    choice = logits.argmax(dim=-1)
    sampled = [i for i, s in enumerate(settings) if not s.greedy]
    if sampled:
        choice = choice.clone()
        for i in sampled:
            choice[i] = _draw(logits[i].float(), settings[i])
    return choice.tolist()


def _draw(row: torch.Tensor, s: Sampling) -> torch.Tensor:
    scores = row / s.temperature
    if s.top_p < 1.0:
        sorted_scores, order = torch.sort(scores, descending=True)
        cumulative = sorted_scores.softmax(dim=-1).cumsum(dim=-1)
        # Drop a token when the ones before it already cover top_p; the most likely token always stays.
        drop = (cumulative - sorted_scores.softmax(dim=-1)) >= s.top_p
        sorted_scores = sorted_scores.masked_fill(drop, float("-inf"))
        scores = torch.empty_like(scores).scatter_(0, order, sorted_scores)
    probs = scores.softmax(dim=-1)
    return torch.multinomial(probs, 1, generator=s.generator)[0]
