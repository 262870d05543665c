"""Fixtures of qms_order_review's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from datetime import timedelta

from odoo import fields

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer


def admin(case):
    return case.env.ref("base.user_admin")


def product(case, categ=None):
    values = {"name": "RPC motor housing", "is_storable": True, "list_price": 100.0}
    if categ:
        values["categ_id"] = categ.id
    return case.env["product.product"].create(values)


def department(case, code):
    record = case.env.ref(f"qms_order_review.department_{code}")
    record.user_id = admin(case)
    return record


def quotation(case, categ=None, **values):
    """A quotation no review rule matches (rules are configuration: off here)."""
    case.env["qms.order.review.rule"].search([]).active = False
    return case.env["sale.order"].create(
        {
            "partner_id": customer(case).id,
            "user_id": admin(case).id,
            "commitment_date": fields.Datetime.now() + timedelta(days=30),
            "order_line": [
                fields.Command.create(
                    {"product_id": product(case, categ).id, "product_uom_qty": 10}
                )
            ],
            **values,
        }
    )


def confirmed(case, categ=None):
    order = quotation(case, categ)
    order.action_confirm()
    return order


def review(case):
    """A draft review of a quotation, reviewed by R&D (its reviewer is admin)."""
    order = quotation(case)
    order.action_qms_request_review()
    record = order.qms_review_id
    record.department_ids = department(case, "rd")
    return record


def submitted(case):
    record = review(case)
    record.action_submit()
    return record


def verdict(case):
    return submitted(case).current_verdict_ids[:1]


def objection(case):
    record = verdict(case)
    record.note = "Salt spray 500 h is not reachable with this coating."
    record.action_cannot_meet()
    return record.review_id.objection_ids[:1]


@factory("qms.order.review")
def review_draft(case):
    return review(case)


@factory("qms.order.review", "action_cancel")
def review_in_review(case):
    return submitted(case)


def verdict_filled_of(record):
    verdict = record.current_verdict_ids.filtered(lambda v: v.state == "pending")[:1]
    verdict.risk_level = "low"
    return verdict


@factory("qms.order.review.verdict", "action_meet")
def verdict_filled(case):
    return verdict_filled_of(submitted(case))


@factory("qms.order.review.verdict")
def verdict_noted(case):
    record = verdict(case)
    record.note = "Salt spray 500 h is not reachable with this coating."
    return record


@factory("qms.order.objection")
def objection_answered(case):
    record = objection(case)
    record.write({"answer": "The customer accepts 240 h.", "outcome": "clarified"})
    return record


def change(case):
    return case.env["qms.order.change"].create(
        {
            "sale_order_id": confirmed(case).id,
            "change_quantity": True,
            "description": "Quantity from 10 to 12",
        }
    )


@factory("qms.order.change")
def change_draft(case):
    return change(case)


@factory("qms.order.change", "action_close")
def change_reviewed_again(case):
    """A notified change whose re-opened verdict was superseded after the
    customer clarified the objection: nothing of it is pending any more."""
    record = review(case)
    record.action_submit()
    verdict_filled_of(record).action_meet()
    order = record.sale_order_id
    order.action_confirm()
    notice = case.env["qms.order.change"].create(
        {
            "sale_order_id": order.id,
            "change_date": True,
            "change_quantity": True,
            "change_specification": True,
            "change_terms": True,
            "description": "New drawing revision B",
        }
    )
    notice.action_notify()
    reopened = notice.verdict_ids
    reopened.note = "Revision B needs a new tool."
    reopened.action_cannot_meet()
    answer = record.objection_ids.filtered(lambda o: o.state == "open")
    answer.write({"answer": "Revision A stays.", "outcome": "clarified"})
    answer.action_answer()
    return notice


@factory("qms.order.exception")
def exception_open(case):
    record = case.env["qms.order.exception"].create(
        {
            "sale_order_id": confirmed(case).id,
            "exception_type": "short",
            "description": "2 of 10 delivered late",
        }
    )
    record.answer = "The rest ships on Friday."
    return record


def oqc_category(case):
    test = case.env["qc.test"].create(
        {
            "name": "RPC final inspection",
            "test_lines": [
                fields.Command.create(
                    {
                        "name": "Free of burrs",
                        "type": "qualitative",
                        "ql_values": [
                            fields.Command.create({"name": "Yes", "ok": True}),
                            fields.Command.create({"name": "No", "ok": False}),
                        ],
                    }
                )
            ],
        }
    )
    return case.env["product.category"].create(
        {
            "name": "RPC housings",
            "qms_oqc_policy": "block",
            "qms_oqc_test_id": test.id,
            "qms_oqc_sampling": "iso2859",
            "qms_oqc_level": "2",
        }
    )


def delivery(case):
    return confirmed(case, oqc_category(case)).picking_ids[:1]


@factory("stock.picking", "action_qms_oqc_inspect", "action_qms_view_shipment_reports")
def delivery_to_inspect(case):
    return delivery(case)


@factory("qms.shipment.report")
def shipment_report(case):
    picking = delivery(case)
    picking.action_qms_oqc_inspect()
    return picking.qms_shipment_report_ids[:1]


@factory("qms.shipment.report.line")
def shipment_report_line(case):
    return shipment_report(case).line_ids[:1]


@factory("qms.order.kpi")
def kpi(case):
    return case.env["qms.order.kpi"].create({})


@factory("sale.order", "action_qms_confirm_back")
def verbal_order(case):
    return quotation(
        case,
        qms_order_channel="phone",
        qms_confirmation_method="fax_signature",
        qms_confirmation_note="Faxed back, signed by the buyer.",
    )


@factory("sale.order", "action_qms_mark_lost")
def lost_quotation(case):
    reason = case.env["qms.order.lost.reason"].search([], limit=1) or case.env[
        "qms.order.lost.reason"
    ].create({"name": "Price"})
    return quotation(case, qms_lost_reason_id=reason.id)


@factory("sale.order", "action_qms_request_review", "action_qms_view_review")
def reviewable_quotation(case):
    return quotation(case)


@factory(
    "sale.order",
    "action_qms_release_to_production",
    "action_qms_confirm_payment",
    "action_qms_view_exceptions",
    "action_qms_view_changes",
)
def confirmed_order(case):
    return confirmed(case)
