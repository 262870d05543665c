"""Fixtures of qms_service_repair's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_service.tests.rpc_factories import accepted


@factory("qms.service.request", "action_create_repair")
def repair_request(case):
    return accepted(case)


@factory("qms.service.request", "action_view_repairs")
def repaired_request(case):
    record = accepted(case)
    record.action_create_repair()
    return record
