"""Customer-satisfaction arithmetic (no Odoo import): the models feed it numbers.

A questionnaire's questions belong to modules (overall, service, product
quality, ...). For one customer:

- a question's score is ``achieved / maximum × 100``;
- a module's score is the achieved points over the maximum points of the
  questions the customer *answered* in it (a skipped question, or a
  conditional question that was never shown, neither adds nor removes);
- the total is the weighted sum of the module scores; when a module has no
  answered question its weight is spread over the others in proportion.
"""

from dataclasses import dataclass

BANDS = ("very_satisfied", "satisfied", "average", "dissatisfied")


@dataclass(frozen=True)
class Thresholds:
    grade_a: float = 80.0
    very_satisfied_from: float = 80.0
    satisfied_from: float = 70.0
    average_from: float = 60.0
    low_item_at_most: float = 70.0
    low_total_below: float = 80.0


def percent(achieved, maximum):
    """``achieved`` of ``maximum`` as 0–100, ``None`` when nothing could be scored."""
    if not maximum or maximum <= 0:
        return None
    return max(0.0, min(100.0, achieved * 100.0 / maximum))


SCORED_TYPES = ("simple_choice", "multiple_choice", "numerical_box", "date", "datetime")


def max_points(question_type, answer_score, choice_scores):
    """A question's best achievable points, as Odoo counts them for one answer:
    the best choice (single choice), every positive choice (multiple choice),
    or the question's own points (numerical, date); ``0.0`` when not scored."""
    if question_type == "simple_choice":
        return max(choice_scores, default=0.0)
    if question_type == "multiple_choice":
        return sum(points for points in choice_scores if points > 0)
    if question_type in SCORED_TYPES:
        return answer_score or 0.0
    return 0.0


def _score_one(question_rows, question_module, question_max):
    """``({module: score or None}, {question: item score})`` of one questionnaire."""
    sums = {}
    items = {}
    for question_id, points, answered in question_rows:
        module = question_module.get(question_id)
        if module is None:
            continue
        module_sums = sums.setdefault(module, [0.0, 0.0])
        maximum = question_max.get(question_id, 0)
        if answered and maximum > 0:
            achieved = points or 0.0
            module_sums[0] += achieved
            module_sums[1] += maximum
            items[question_id] = percent(achieved, maximum)
    modules = {module: percent(achieved, maximum) for module, (achieved, maximum) in sums.items()}
    return modules, items


def module_scores(question_rows, question_module, question_max):
    """Score per module for one questionnaire.

    ``question_rows``: ``(question_id, achieved, answered)`` per question;
    ``question_module``: ``{question_id: module_id}`` (scored questions only);
    ``question_max``: ``{question_id: maximum points}``.
    Returns ``{module_id: score or None}`` for every module met.
    """
    return _score_one(question_rows, question_module, question_max)[0]


def score_questionnaires(rows, question_module, question_max, weights):
    """Score many questionnaires in one pass.

    ``rows``: ``(questionnaire, question_id, achieved, answered)``, any order.
    Returns ``{questionnaire: {"modules": {module: score}, "total": total,
    "items": {question_id: score}}}`` with the definitions of
    ``module_scores``, ``weighted_total`` and ``percent``.
    """
    by_questionnaire = {}
    for questionnaire, question_id, points, answered in rows:
        by_questionnaire.setdefault(questionnaire, []).append((question_id, points, answered))
    results = {}
    for questionnaire, question_rows in by_questionnaire.items():
        modules, items = _score_one(question_rows, question_module, question_max)
        results[questionnaire] = {
            "modules": modules,
            "total": weighted_total(modules, weights),
            "items": items,
        }
    return results


def weighted_total(scores, weights):
    """Weighted sum of ``scores`` (``{module: score or None}``) with ``weights`` in %.

    Modules without a score give their weight to the scored ones in proportion;
    ``None`` when no weighted module was scored.
    """
    used = {
        module: weight
        for module, weight in weights.items()
        if weight > 0 and scores.get(module) is not None
    }
    total_weight = sum(used.values())
    if not total_weight:
        return None
    return sum(scores[module] * weight for module, weight in used.items()) / total_weight


def weights_valid(weights, tolerance=0.01):
    """Weights (in %) are all positive or zero and sum to 100."""
    values = list(weights)
    return bool(values) and all(w >= 0 for w in values) and abs(sum(values) - 100.0) <= tolerance


def grade(score, thresholds=Thresholds()):
    """``"A"`` (satisfied) at or above the grade-A score, ``"B"`` below, ``None`` unscored."""
    if score is None:
        return None
    return "A" if score >= thresholds.grade_a else "B"


def band(score, thresholds=Thresholds()):
    """Satisfaction index band as 001 reads it: very satisfied 80 and above
    (80分以上), satisfied 70–80, average 60–70, dissatisfied below 60 (with the
    default thresholds); each lower edge belongs to its band."""
    if score is None:
        return None
    if score >= thresholds.very_satisfied_from:
        return "very_satisfied"
    if score >= thresholds.satisfied_from:
        return "satisfied"
    if score >= thresholds.average_from:
        return "average"
    return "dissatisfied"


def is_low_item(score, thresholds=Thresholds()):
    return score is not None and score <= thresholds.low_item_at_most


def is_low_total(score, thresholds=Thresholds()):
    return score is not None and score < thresholds.low_total_below


def return_rate(returned, sent):
    """Returned / sent × 100, ``None`` when nothing was sent."""
    if not sent:
        return None
    return returned * 100.0 / sent


def mean(values):
    values = [value for value in values if value is not None]
    return sum(values) / len(values) if values else None
