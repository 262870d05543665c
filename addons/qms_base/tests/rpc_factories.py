"""Fixtures of qms_base's actions for the XML-RPC test (see rpc_actions.py)."""

import base64

from odoo import fields

from .rpc_actions import factory


def customer(case, name="RPC Customer"):
    return case.env["res.partner"].create({"name": name, "is_company": True})


def capa(case, **values):
    partner = customer(case)
    return case.env["qms.capa"].create(
        {
            "title": "Install a gauge",
            "user_id": case.env.ref("base.user_admin").id,
            "partner_id": partner.id,
            "res_model": "res.partner",
            "res_id": partner.id,
            **values,
        }
    )


@factory("qms.capa", "action_done")
def capa_done(case):
    return capa(case, result="Gauge installed.")


@factory("qms.capa", "action_cancel", "action_open_source")
def capa_open(case):
    return capa(case)


@factory("qms.capa", "action_verify_effective", "action_verify_not_effective")
def capa_verify(case):
    # verified by someone else than its owner
    action = capa(case, result="Gauge installed.", user_id=case.env.ref("base.user_root").id)
    action.action_done()
    return action


@factory("qms.capa", "action_reopen")
def capa_reopen(case):
    action = capa(case)
    action.action_cancel()
    return action


def callback_kind(case):
    kind = case.env["qms.deadline.kind"].search([("model", "=", "qms.callback")], limit=1)
    return kind or case.env["qms.deadline.kind"].create(
        {
            "name": "RPC callback",
            "code": "rpc",
            "model_id": case.env["ir.model"]._get_id("qms.callback"),
            "duration": 7,
            "duration_unit": "working_days",
        }
    )


def callback(case):
    partner = customer(case)
    return case.env["qms.callback"].create(
        {
            "kind_id": callback_kind(case).id,
            "partner_id": partner.id,
            "res_model": "res.partner",
            "res_id": partner.id,
            "date_start": fields.Datetime.now(),
            "user_id": case.env.ref("base.user_admin").id,
        }
    )


@factory("qms.callback")
def callback_planned(case):
    return callback(case)


@factory("qms.callback.record.wizard")
def callback_wizard(case):
    return case.env["qms.callback.record.wizard"].create(
        {"callback_id": callback(case).id, "reached": False, "slot": "morning"}
    )


@factory("qms.holiday.import")
def holiday_import(case):
    csv = "date,name,type\n2031-01-01,New Year,holiday\n2031-01-05,Make-up day,workday\n"
    return case.env["qms.holiday.import"].create(
        {
            "calendar_id": case.env.company._qms_calendar().id,
            "data_file": base64.b64encode(csv.encode()),
            "filename": "holidays.csv",
        }
    )


@factory("res.config.settings")
def settings(case):
    return case.env["res.config.settings"].create({})


@factory("res.partner")
def partner(case):
    return customer(case)


def loan(case):
    partner = customer(case, "RPC lender")
    return case.env["qms.loan"].create(
        {
            "res_model": "res.partner",
            "res_id": partner.id,
            "partner_id": partner.id,
            "borrower_id": case.env.ref("base.user_admin").id,
            "custodian_id": case.env.ref("base.user_admin").id,
            "purpose": "Compare with the production batch",
        }
    )


@factory("qms.loan")
def loan_requested(case):
    return loan(case)


@factory("qms.loan", "action_return")
def loan_out(case):
    record = loan(case)
    record.with_user(case.env.ref("base.user_admin")).action_lend()
    return record, ["Seal intact"]


@factory("qms.callback.attempt")
def callback_attempt(case):
    record = callback(case)
    record.action_not_reached()
    return record.attempt_ids
