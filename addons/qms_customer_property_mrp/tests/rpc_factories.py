"""Fixtures of qms_customer_property_mrp's actions for the XML-RPC test
(qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_customer_property.tests.rpc_factories import flow


@factory("qms.property.flow", "action_view_productions")
def flow_of_productions(case):
    return flow(case)
