"""aikojo red team: Japanese + English attacks through the real gateway, judged offline, frozen as regressions.

    corpus (YAML) → converters (compose) → attacks (runner's canary in the system prompt) → runner (openai async
    client, bounded concurrency, only the target) → judge (deterministic) → report (JSON/HTML/JUnit + the policy
    change per finding) → regression suite (replayed by ``kojo redteam regress``) → harden (policy, audited)

Entry points for callers other than the CLI::

    from aikojo.redteam.session import run, replay          # async; talk only to the target given
    from aikojo.redteam.judge import judge                   # judge(JudgeSpec, [Response]) -> Verdict
    from aikojo.redteam.report import build_report, write_reports
    from aikojo.redteam import regression, harden
"""
