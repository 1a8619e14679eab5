"""Job executors: where a queued job's training actually runs.

One Protocol with the verbs only; each implementation lives in its own sibling module and is chosen once
from settings: ``local`` (subprocess / torchrun on this machine) and ``kubeflow`` (a Kubeflow Trainer
``TrainJob`` or a legacy ``PyTorchJob`` on Kubernetes, extra ``[k8s]``). The scheduler decides *when* a job
runs; an executor only starts it, reports on it, stops it and shows its logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, get_args

if TYPE_CHECKING:
    from aikojo.factory.models import Job

ExecutorState = Literal["queued", "waiting", "running", "succeeded", "failed", "cancelled"]
EXECUTOR_STATES: tuple[str, ...] = get_args(ExecutorState)
TERMINAL_STATES = frozenset({"succeeded", "failed", "cancelled"})


@dataclass(frozen=True)
class ExecutorStatus:
    """What the executor sees of a submitted job.

    ``waiting`` means accepted by the executor but held back for capacity (e.g. a TrainJob that Kueue keeps
    suspended): the job is not running and uses no resources; ``detail`` then starts with
    "waiting for capacity". ``queued`` means submitted but not yet started for any other reason. ``detail``
    is a short human sentence (the failure message for ``failed``), never empty for ``waiting``/``failed``.
    """

    state: ExecutorState
    detail: str = ""

    @property
    def finished(self) -> bool:
        return self.state in TERMINAL_STATES


class Executor(Protocol):
    """The verbs every executor provides. Not a base class: implementations share no code through it."""

    def submit(self, job: Job) -> str:
        """Start ``job``; return the executor's reference to it (stored as ``job.external_ref``).

        Submitting the same job again returns the same reference instead of starting a second copy.
        Raises an :mod:`aikojo.errors` error when the job cannot be started; the job is left as it was.
        """
        ...

    def status(self, job: Job) -> ExecutorStatus:
        """The job's current state as the executor sees it (``job.external_ref`` says where to look)."""
        ...

    def cancel(self, job: Job) -> None:
        """Stop the job; cancelling a job that is already gone is not an error."""
        ...

    def logs(self, job: Job) -> str:
        """The job's log text so far (rank 0); empty when nothing has started yet."""
        ...
