"""Fixtures of qms_customer_desk's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from datetime import date

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer


def call(case, **values):
    partner = customer(case, "RPC Hotline Customer")
    return case.env["qms.desk.call"].create(
        {
            "caller_number": "+86 139 0000 9999",
            "partner_id": partner.id,
            "summary": "The screen flickers after the update.",
            **values,
        }
    )


@factory("qms.desk.call")
def call_open(case):
    return call(case)


@factory("qms.desk.call", "action_open_complaint")
def call_with_complaint(case):
    record = call(case)
    record.action_to_complaint()
    return record


def campaign(case):
    return case.env["qms.desk.care.campaign"].create(
        {"name": "RPC offer", "kind": "offer", "subject": "10% off", "body": "<p>10% off.</p>"}
    )


@factory("qms.desk.care.campaign")
def campaign_draft(case):
    return campaign(case)


@factory("qms.desk.care.campaign", "action_send", "action_reset_draft")
def campaign_planned(case):
    record = campaign(case)
    record.action_plan()
    return record


@factory("qms.desk.care.message")
def care_message(case):
    record = campaign_planned(case)
    case.env["qms.desk.customer"].create(
        {"name": "RPC Care Customer", "email": "rpc.care@example.com"}
    )
    record.action_send()
    return case.env["qms.desk.care.message"].search([("campaign_id", "=", record.id)])


@factory("qms.desk.customer")
def desk_customer(case):
    return case.env["qms.desk.customer"].create(
        {"name": "RPC Desk Customer", "email": "rpc.desk@example.com"}
    )


@factory("qms.desk.dealer.report")
def dealer_report(case):
    dealer = case.env["res.partner"].create(
        {"name": "RPC Dealer", "is_company": True, "qms_desk_is_dealer": True}
    )
    return case.env["qms.desk.dealer.report"].create(
        {"dealer_id": dealer.id, "date_month": "2026-04-01"}
    )


def knowledge(case):
    return case.env["qms.desk.knowledge"].create(
        {
            "title": "RPC screen flicker",
            "keywords": "flicker",
            "answer": "<p>Update the firmware to 2.1.</p>",
        }
    )


@factory("qms.desk.knowledge")
def knowledge_draft(case):
    return knowledge(case)


@factory("qms.desk.knowledge", "action_request_update")
def knowledge_published(case):
    record = knowledge(case)
    record.action_publish()
    return record


@factory("qms.desk.knowledge", "action_open_source")
def knowledge_raised_by_call(case):
    """An article raised by a hotline call: its source is the call."""
    record = call(case)
    record.action_raise_knowledge()
    return case.env["qms.desk.knowledge"].search(
        [("res_model", "=", "qms.desk.call"), ("res_id", "=", record.id)]
    )


@factory("qms.desk.summary")
def summary(case):
    Summary = case.env["qms.desk.summary"].with_context(active_test=False)
    taken = set(Summary.search([("company_id", "=", case.env.company.id)]).mapped("date_month"))
    month = next(
        date(year, month, 1)
        for year in range(2001, 2100)
        for month in range(1, 13)
        if date(year, month, 1) not in taken
    )
    record = Summary.create({"date_month": month, "conclusions": "<p>Few calls.</p>"})
    return record


@factory("res.partner", "action_view_qms_desk_calls")
def partner_calls(case):
    return customer(case, "RPC Desk Partner")
