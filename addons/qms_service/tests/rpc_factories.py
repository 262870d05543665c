"""Fixtures of qms_service's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer


def engineer(case):
    """The admin, qualified for service work in its company."""
    admin = case.env.ref("base.user_admin")
    Qualification = case.env["qms.service.qualification"]
    if not Qualification._qualified_users(admin, case.env.company):
        Qualification.create({"user_id": admin.id, "method": "record", "date_passed": "2020-01-05"})
    return admin


def request(case, **values):
    return case.env["qms.service.request"].create(
        {
            "title": "RPC: controller stops",
            "partner_id": customer(case).id,
            "product_id": case.env["product.product"]
            .create({"name": "RPC controller", "is_storable": True})
            .id,
            "problem": "<p>Error E42.</p>",
            "user_id": engineer(case).id,
            **values,
        }
    )


def accepted(case):
    record = request(case)
    record.action_accept()
    return record


def resolved(case):
    record = accepted(case)
    record.action_resolve()
    return record


@factory("qms.service.request")
@factory("qms.service.request", "action_accept", "action_require_onsite", "action_cancel")
def new_request(case):
    return request(case)


@factory(
    "qms.service.request",
    "action_start",
    "action_resolve",
    "action_observe",
    "action_take_back",
    "action_hand_to_development",
    "action_new_visit",
    "action_view_visits",
)
def accepted_request(case):
    return accepted(case)


@factory("qms.service.request", "action_close", "action_customer_reject")
def resolved_request(case):
    return resolved(case)


@factory("qms.service.request", "action_customer_accept")
def resolved_request_feedback(case):
    return resolved(case), ("Works again.",)


@factory("qms.service.visit")
def visit(case):
    record = accepted(case)
    return case.env["qms.service.visit"].create(
        {
            "request_id": record.id,
            "user_id": record.user_id.id,
            "description": "<p>Replaced the encoder.</p>",
            "result": "resolved",
        }
    )


@factory("qms.service.work.log")
def work_log(case):
    return visit(case).action_submit() and case.env["qms.service.work.log"].search(
        [], order="id desc", limit=1
    )


@factory("qms.service.development")
def development(case):
    record = accepted(case)
    record.action_hand_to_development()
    return record.development_id


@factory("qms.service.audit")
def audit(case):
    return case.env["qms.service.audit"].create({"partner_id": customer(case).id})


@factory("qms.service.audit", "action_done")
def audit_loaded(case):
    record = case.env["qms.service.audit"].create(
        {"partner_id": customer(case).id, "customer_issues": "The line stops"}
    )
    record.action_load()
    return record


@factory("qms.service.audit.line")
def audit_line(case):
    return audit_loaded(case).line_ids[:1]


@factory("qms.service.qualification")
def qualification(case):
    engineer(case)
    return case.env["qms.service.qualification"].search([], limit=1)


@factory("res.partner", "action_view_qms_service_requests")
def partner(case):
    return customer(case)


@factory("qms.service.request", "action_mark_duplicate")
def duplicate_request(case):
    kept = request(case)
    return request(case, partner_id=kept.partner_id.id), (kept.id,)


@factory("qms.service.duplicate.wizard")
def duplicate_wizard(case):
    kept = request(case)
    duplicate = request(case, partner_id=kept.partner_id.id)
    return case.env["qms.service.duplicate.wizard"].create(
        {"request_id": duplicate.id, "original_id": kept.id}
    )


@factory("qms.service.audit.issue")
def audit_issue(case):
    return audit_loaded(case).issue_ids[:1]
