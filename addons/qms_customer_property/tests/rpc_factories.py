"""Fixtures of qms_customer_property's actions for the XML-RPC test and the
generated bad input test (qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer


def admin(case):
    return case.env.ref("base.user_admin")


def product(case):
    return case.env["product.product"].create({"name": "RPC copper frame", "is_storable": True})


def item(case, kind="property_kind_drawing", state=None, **values):
    """A customer property item of ``kind``, put in ``state`` as its buttons would."""
    record = case.env["qms.property"].create(
        {
            "title": "RPC property",
            "kind_id": case.env.ref(f"qms_customer_property.{kind}").id,
            "partner_id": customer(case).id,
            "user_id": admin(case).id,
            **values,
        }
    )
    if state:
        record._qms_workflow_write({"state": state})
    return record


def material(case):
    return item(case, "property_kind_materials", product_id=product(case).id, qty_announced=10)


def received_material(case):
    record = material(case)
    record._receive_as_listed()
    return record


@factory("qms.property")
@factory("qms.property", "action_receive", "action_cancel")
def draft_drawing(case):
    return item(case)


@factory("qms.property", "action_create_receipt")
def draft_material(case):
    return material(case)


@factory("qms.property", "action_create_equipment")
def gauge(case):
    return item(case, "property_kind_gauge")


def tool(case):
    return item(case, "property_kind_tooling", state="accepted", production_user_id=admin(case).id)


@factory("qms.property", "action_issue_to_production")
def tool_in_store(case):
    return tool(case)


@factory("qms.property", "action_return_from_production")
def tool_in_production(case):
    record = tool(case)
    record.action_issue_to_production()
    return record


@factory("qms.property", "action_accept", "action_inspect", "action_reject")
def received_drawing(case):
    return item(case, state="received")


@factory("qms.property", "action_spot_check", "action_return", "action_archive_property")
def accepted_drawing(case):
    return item(case, state="accepted")


@factory("qms.property", "action_end_project")
def finished_drawing(case):
    return item(case, state="accepted", end_disposition="archive")


def count(case, state=None):
    holding = received_material(case)
    record = case.env["qms.property.count"]._generate(partners=holding.partner_id)
    if state in ("sent", "disputed"):
        record.action_send()
    if state == "disputed":
        record.action_dispute({1: (1, "short")})
    return record


@factory("qms.property.count")
@factory("qms.property.count", "action_send", "action_cancel")
def draft_count(case):
    return count(case)


@factory("qms.property.count", "action_confirm")
def sent_count(case):
    return count(case, "sent")


@factory("qms.property.count", "action_dispute")
def disputed_count(case):
    record = count(case, "sent")
    return record, ({"1": [1, "short"]},)


@factory("qms.property.count", "action_close_investigation")
def investigated_count(case):
    record = count(case, "disputed")
    record.investigation = "One frame scrapped without a scrap form."
    return record


def flow(case, **values):
    holding = received_material(case)
    return case.env["qms.property.flow"].create(
        {
            "partner_id": holding.partner_id.id,
            "product_id": holding.product_id.id,
            "property_id": holding.id,
            **values,
        }
    )


@factory("qms.property.flow")
def open_flow(case):
    return flow(case)


@factory("qms.property.flow", "action_reopen")
def closed_flow(case):
    record = flow(case)
    record.action_close()
    return record


@factory("qms.property.flow", "action_return_scrap")
def scrapped_flow(case):
    record = flow(case, qty_issued=10, return_scrap=True)
    scrap = case.env["stock.scrap"].create(
        {
            "product_id": record.product_id.id,
            "scrap_qty": 2,
            "owner_id": record.partner_id.id,
            "location_id": record.property_id.location_id.id,
            "qms_property_flow_id": record.id,
        }
    )
    scrap.action_validate()
    return record


def incident(case, **values):
    return case.env["qms.property.incident"].create(
        {
            "property_id": item(case, state="accepted").id,
            "incident_type": "damage",
            "description": "<p>Drawing torn</p>",
            "user_id": admin(case).id,
            **values,
        }
    )


@factory("qms.property.incident")
def draft_incident(case):
    return incident(case)


@factory("qms.property.incident", "action_agree_compensation")
def reported_incident(case):
    record = incident(case, compensation="A new print at our cost.")
    record.action_report()
    return record


@factory("qms.property.incident", "action_close")
def agreed_incident(case):
    record = reported_incident(case)
    record.action_agree_compensation()
    record.cause = "Handled without a sleeve."
    return record


@factory("qms.property.loan.wizard")
def loan_wizard(case):
    return case.env["qms.property.loan.wizard"].create(
        {
            "property_id": item(case, state="accepted", end_disposition="archive").id,
            "borrower_id": admin(case).id,
            "purpose": "First article inspection",
        }
    )


def personal(case):
    return case.env["qms.property.personal"].create(
        {"partner_id": customer(case).id, "person_name": "Li Lei", "purpose": "Service visit"}
    )


@factory("qms.property.personal")
def personal_record(case):
    return personal(case)


@factory("qms.property.access.log")
def access_log(case):
    record = personal(case)
    case.env["qms.property.access.log"]._log_reads(record, ["person_name"])
    return case.env["qms.property.access.log"].search([("record_id", "=", record.id)])


@factory("qms.property.supply")
def supply(case):
    order = case.env["sale.order"].create({"partner_id": customer(case).id})
    return case.env["qms.property.supply"].create(
        {
            "sale_order_id": order.id,
            "name": "Customer-supplied copper frames",
            "quantity": 100,
            "date_delivery": "2026-12-15",
        }
    )
