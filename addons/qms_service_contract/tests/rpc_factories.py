"""Fixtures of qms_service_contract's actions for the XML-RPC test
(qms_base/tests/rpc_actions.py); the model factories also give the bad-input
test a record of each model."""

import base64
from datetime import date, timedelta

from odoo import fields

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import callback, customer

# A year no demo draw uses: the draw fixtures never meet a drawn quarter.
DRAW_YEAR = 2099


def admin(case):
    return case.env.ref("base.user_admin")


def contract(case, **values):
    partner = customer(case, "RPC Hospital")
    contact = case.env["res.partner"].create(
        {"name": "RPC head of IT", "parent_id": partner.id, "email": "it@rpc.example.com"}
    )
    product = case.env["product.product"].create({"name": "RPC workstation", "type": "consu"})
    return case.env["qms.service.contract"].create(
        {
            "partner_id": partner.id,
            "contact_id": contact.id,
            "project_name": "RPC HIS",
            "user_id": admin(case).id,
            "engineer_id": admin(case).id,
            "salesperson_id": admin(case).id,
            "customer_manager_id": admin(case).id,
            "line_ids": [(0, 0, {"product_id": product.id})],
            **values,
        }
    )


def active_contract(case):
    record = contract(case, date_acceptance=date.today() - timedelta(days=30))
    record.action_activate()
    return record


@factory("qms.service.contract", "action_activate", "action_cancel")
def contract_draft(case):
    return contract(case, date_acceptance=date.today() - timedelta(days=30))


@factory("qms.service.contract")
def contract_active(case):
    return active_contract(case)


@factory("qms.service.contract", "action_create_renewal_quotation", "action_view_renewal_orders")
def contract_renewable(case):
    """In force, with a sale order of paid maintenance to quote again."""
    record = active_contract(case)
    maintenance = case.env["product.product"].create(
        {"name": "RPC maintenance", "type": "service", "list_price": 100.0}
    )
    record.sale_order_id = case.env["sale.order"].create(
        {
            "partner_id": record.partner_id.id,
            "order_line": [(0, 0, {"product_id": maintenance.id, "product_uom_qty": 1})],
        }
    )
    return record


@factory("qms.service.contract", "action_reset_draft")
def contract_cancelled(case):
    record = contract(case)
    record.action_cancel()
    return record


@factory("res.partner", "action_view_qms_service_contracts")
def contract_customer(case):
    return active_contract(case).partner_id


# Handover ------------------------------------------------------------


def handover(case, **values):
    return case.env["qms.service.handover"].create(
        {
            "contract_id": contract(case).id,
            "date_acceptance": date.today() - timedelta(days=2),
            "modules": "Outpatient, pharmacy",
            "project_manager_id": admin(case).id,
            "user_id": admin(case).id,
            **values,
        }
    )


def papers(case):
    return case.env["ir.attachment"].create(
        {"name": "working_papers.txt", "datas": base64.b64encode(b"Acceptance signed")}
    )


@factory("qms.service.handover", "action_submit", "action_cancel")
def handover_draft(case):
    return handover(case, attachment_ids=[(6, 0, papers(case).ids)])


@factory("qms.service.handover", "action_accept", "action_not_accept")
def handover_submitted(case):
    record = handover(
        case,
        attachment_ids=[(6, 0, papers(case).ids)],
        date_expected=date.today() + timedelta(days=10),
    )
    record.action_submit()
    return record


@factory("qms.service.handover")
def handover_accepted(case):
    record = handover_submitted(case)
    record.action_accept()
    return record


# Paperwork -----------------------------------------------------------


@factory("qms.service.contract.paperwork")
def paperwork(case):
    return case.env["qms.service.contract.paperwork"].create(
        {"contract_id": contract(case).id, "user_id": admin(case).id}
    )


# Upgrades and visits -------------------------------------------------


def upgrade(case, **values):
    return case.env["qms.service.upgrade"].create(
        {
            "contract_id": active_contract(case).id,
            "regional_manager_id": admin(case).id,
            "engineer_id": admin(case).id,
            "user_id": admin(case).id,
            "plan": "<p>Upgrade HIS to 5.2 on the test database first</p>",
            "scope": "Slow outpatient billing",
            "test_result": "Billing in 2 s on the test database",
            "report": "<p>HIS 5.2 live, billing fast.</p>",
            "report_confirmed_by": "Head of IT",
            **values,
        }
    )


def upgrade_in(case, state):
    record = upgrade(case)
    steps = ["action_apply", "action_approve", "action_agree_plan", "action_customer_approve"]
    steps += ["action_go_live", "action_report"]
    targets = {
        "draft": 0,
        "applied": 1,
        "approved": 2,
        "agreed": 3,
        "tested": 4,
        "live": 5,
        "reported": 6,
    }
    for step in steps[: targets[state]]:
        getattr(record, step)()
    return record


@factory("qms.service.upgrade")
def upgrade_draft(case):
    return upgrade_in(case, "draft")


@factory("qms.service.upgrade", "action_approve")
def upgrade_applied(case):
    return upgrade_in(case, "applied")


@factory("qms.service.upgrade", "action_agree_plan")
def upgrade_approved(case):
    return upgrade_in(case, "approved")


@factory("qms.service.upgrade", "action_customer_approve")
def upgrade_agreed(case):
    return upgrade_in(case, "agreed")


@factory("qms.service.upgrade", "action_go_live")
def upgrade_tested(case):
    return upgrade_in(case, "tested")


@factory("qms.service.upgrade", "action_report")
def upgrade_live(case):
    return upgrade_in(case, "live")


@factory("qms.service.upgrade", "action_record_callback")
def upgrade_reported(case):
    return upgrade_in(case, "reported")


# Quarterly callback draw ---------------------------------------------


def draw(case):
    """A draft draw of a quarter not drawn yet (each fixture call draws anew)."""
    active_contract(case)
    Draw = case.env["qms.service.callback.draw"]
    drawn = {(d.year, d.quarter) for d in Draw.search([("year", ">=", DRAW_YEAR - 10)])}
    year, quarter = next(
        (year, quarter)
        for year in range(DRAW_YEAR, DRAW_YEAR - 10, -1)
        for quarter in ("1", "2", "3", "4")
        if (year, quarter) not in drawn
    )
    return Draw.create({"year": year, "quarter": quarter, "seed": 4242, "user_id": admin(case).id})


@factory("qms.service.callback.draw", "action_draw", "action_cancel")
def draw_draft(case):
    return draw(case)


@factory("qms.service.callback.draw")
def draw_drawn(case):
    record = draw(case)
    record.action_draw()
    return record


@factory("qms.service.callback.draw.line")
def draw_line(case):
    return draw_drawn(case).line_ids[:1]


@factory("qms.service.contract.line")
def contract_line(case):
    return contract(case).line_ids


@factory("qms.service.contract.period")
def contract_period(case):
    today = fields.Date.context_today(case.env["qms.service.contract"])
    record = contract(case)
    return case.env["qms.service.contract.period"].create(
        {
            "contract_id": record.id,
            "date_start": today,
            "date_end": today + timedelta(days=364),
        }
    )


@factory("qms.service.callback.answer")
def callback_answer(case):
    question = case.env.ref("qms_service_contract.question_upgrade_stable")
    return case.env["qms.service.callback.answer"].create(
        {"callback_id": callback(case).id, "question_id": question.id, "answer_yes_no": "yes"}
    )


# Annual quality callback plan ----------------------------------------

# Years no demo plan uses: each fixture call takes a year without a plan.
PLAN_YEAR = 2090


def callback_plan(case):
    """A draft plan of a year without one, a line for a contract in force."""
    record = active_contract(case)
    line = {"contract_id": record.id, "month": "3", "user_id": admin(case).id}
    Plan = case.env["qms.service.callback.plan"]
    taken = set(Plan.search([("year", ">=", PLAN_YEAR - 40)]).mapped("year"))
    year = next(year for year in range(PLAN_YEAR, PLAN_YEAR - 40, -1) if year not in taken)
    return Plan.create(
        {
            "year": year,
            "user_id": admin(case).id,
            "line_ids": [(0, 0, line)],
        }
    )


@factory("qms.service.callback.plan", "action_generate", "action_submit", "action_cancel")
def callback_plan_draft(case):
    return callback_plan(case)


@factory("qms.service.callback.plan", "action_approve", "action_reset_draft")
def callback_plan_submitted(case):
    plan = callback_plan(case)
    plan.action_submit()
    return plan


@factory("qms.service.callback.plan", "action_view_callbacks")
def callback_plan_approved(case):
    plan = callback_plan_submitted(case)
    plan.action_approve()
    return plan


@factory("qms.service.callback.plan.line")
def callback_plan_line(case):
    return callback_plan(case).line_ids[:1]
