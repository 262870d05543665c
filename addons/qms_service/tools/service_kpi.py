"""Service KPIs from deadline rows: pure arithmetic, no Odoo import.

A request is given as a ``RequestFacts`` (what the models read from the
request and its ``qms.deadline`` rows); ``aggregate`` turns a group of them
into the KPIs of SPEC §5: response time per urgency, repair cycle time,
resolution rate, SLA breach rate, first-time fix; ``quality_score`` weighs
three of them, the audit findings and the survey scores into an engineer's
year-end score.
"""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class RequestFacts:
    urgency: str
    resolved: bool = False
    first_time_fix: bool = False
    # working hours from receipt to the reply, and to the resolution (None: not yet)
    response_hours: float | None = None
    resolution_hours: float | None = None
    # SLA rows (reply, on site, resolution) counted, and the breached ones among them
    sla_rows: int = 0
    sla_breached: int = 0
    extra: dict = field(default_factory=dict)


def rate(part, total):
    """``part / total``, or None for an empty group."""
    return part / total if total else None


def mean(values):
    values = [value for value in values if value is not None]
    return sum(values) / len(values) if values else None


def aggregate(facts, urgencies):
    """The KPIs of a group of requests."""
    resolved = [fact for fact in facts if fact.resolved]
    per_urgency = defaultdict(list)
    for fact in facts:
        per_urgency[fact.urgency].append(fact.response_hours)
    sla_rows = sum(fact.sla_rows for fact in facts)
    return {
        "count": len(facts),
        "resolved": len(resolved),
        "resolution_rate": rate(len(resolved), len(facts)),
        "response_hours": mean(fact.response_hours for fact in facts),
        **{f"response_hours_{code}": mean(per_urgency.get(code, [])) for code in urgencies},
        "cycle_hours": mean(fact.resolution_hours for fact in resolved),
        "sla_rows": sla_rows,
        "breach_rate": rate(sum(fact.sla_breached for fact in facts), sla_rows),
        "first_time_fix_rate": rate(
            sum(1 for fact in resolved if fact.first_time_fix), len(resolved)
        ),
    }


def score_parts(kpis):
    """The 0–1 rates an engineer's year-end score weighs: the on-time rate
    (1 − breach rate), the resolution rate, the first-time-fix rate, and,
    when measured, the share of audit checks without a finding and the mean
    survey score (the models put ``audit_rate`` and ``survey_rate`` in the
    KPIs)."""
    return {
        "on_time": None if kpis.get("breach_rate") is None else 1 - kpis["breach_rate"],
        "resolution": kpis.get("resolution_rate"),
        "first_time_fix": kpis.get("first_time_fix_rate"),
        "audit": kpis.get("audit_rate"),
        "survey": kpis.get("survey_rate"),
    }


def quality_score(kpis, weights):
    """A 0–100 score: the weighted mean of the ``score_parts``; a rate that
    cannot be measured (no request, no audit check, no survey returned) is
    left out with its weight. None without any."""
    parts = score_parts(kpis)
    total = sum(weights.get(key, 0) for key, value in parts.items() if value is not None)
    if not total:
        return None
    return round(
        100
        * sum(weights.get(key, 0) * value for key, value in parts.items() if value is not None)
        / total,
        1,
    )
