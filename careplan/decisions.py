"""Treatment decisions: starting a new one, and the words each kind uses. No Textual here.

A plan keeps every decision about treatment in the order it was made (CarePlan.treatment_decisions):
a pause to recover, a pause for an event, stopping treatment, something else. A pause that has
ended (resumed, stopped) stays readable among the earlier decisions; a new decision starts fresh,
and takes only the questions from the last one that the person chose to bring along.
"""

from __future__ import annotations

from datetime import date

from careplan import vocab
from careplan.model import CarePlan, TreatmentDecision

NO_KIND = "A decision (kind not chosen yet)"


def kind_label(decision: TreatmentDecision) -> str:
    return vocab.label(vocab.ALL_DECISION_KINDS, decision.kind)


def title(decision: TreatmentDecision) -> str:
    """Plain words for a decision: "A pause for an event: Our daughter's wedding"."""
    kind = kind_label(decision) or NO_KIND
    event = " ".join(decision.event.split())
    if event and not decision.stopping:
        return f"{kind}: {event}"
    return kind


def statuses(decision: TreatmentDecision) -> vocab.Choices[vocab.DecisionStatus]:
    """Where this decision can stand: stopping is never "on a break" nor "resumed"."""
    return vocab.STOP_STATUSES if decision.stopping else vocab.DECISION_STATUSES


def status_label(decision: TreatmentDecision) -> str:
    if decision.status is None:
        return ""
    return statuses(decision).get(decision.status) or vocab.label(
        vocab.DECISION_STATUSES, decision.status
    )


def hopes_label(decision: TreatmentDecision) -> str:
    return "What we hope stopping brings" if decision.stopping else "What we hope the break brings"


def fears_label(decision: TreatmentDecision) -> str:
    return "What worries us about stopping" if decision.stopping else "What worries us about it"


def treatment_label(decision: TreatmentDecision) -> str:
    return "The treatment being stopped" if decision.stopping else "Treatment now"


def support_words(decision: TreatmentDecision) -> list[str]:
    """The support that goes on: the ones chosen, then their own words."""
    chosen = [vocab.label(vocab.SUPPORTS, one) for one in decision.support]
    own = " ".join(decision.support_words.split())
    return chosen + ([own] if own else [])


def latest(plan: CarePlan) -> TreatmentDecision | None:
    """The decision that says where treatment stands: the latest still current, else (every one
    has ended) the latest of all."""
    current = plan.current_decision
    if current is not None:
        return current
    return plan.treatment_decisions[-1] if plan.treatment_decisions else None


def questions_to_offer(plan: CarePlan) -> list[str]:
    """The last decision's questions, offered to a new one (copied only if chosen)."""
    last = plan.treatment_decisions[-1] if plan.treatment_decisions else None
    return [question for question in last.questions if question.strip()] if last else []


def add_decision(
    plan: CarePlan,
    kind: vocab.DecisionKind | None = None,
    questions: list[str] | None = None,
    on: date | None = None,
) -> TreatmentDecision:
    """A new decision at the end of the plan's list, fresh but for the questions chosen to copy,
    decided `on` the day given (the session's day; None: not said)."""
    decision = TreatmentDecision(
        kind=kind, questions=list(dict.fromkeys(questions or [])), decided_on=on
    )
    plan.treatment_decisions.append(decision)
    return decision
