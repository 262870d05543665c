"""Fixtures of qms_sample's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer
from odoo.addons.qms_sample.models.qms_lab_sample import RECEIPT_CHECKS

from .common import make_inspection_test, pass_inspection

GROUPS = (
    "qms_sample.group_qms_sample_engineering_supervisor",
    "qms_sample.group_qms_sample_qa_supervisor",
    "qms_sample.group_qms_sample_concession_signatory",
)


def admin(case):
    return case.env.ref("base.user_admin")


def product(case):
    return case.env["product.product"].create({"name": "RPC front cover", "is_storable": True})


def sample(case, kind="qms_sample.sample_kind_customer", **values):
    kind = case.env.ref(kind)
    if not kind.test_id:
        kind.test_id = make_inspection_test(case.env, "RPC colour check")
    return case.env["qms.sample"].create(
        {
            "title": "RPC colour board",
            "kind_id": kind.id,
            "partner_id": customer(case).id,
            "product_id": product(case).id,
            "quantity": 2,
            "user_id": admin(case).id,
            **values,
        }
    )


def inspected(case):
    record = sample(case)
    record.action_start()
    record.action_start_inspection()
    pass_inspection(record)
    return record


def approved(case):
    record = inspected(case)
    record.action_approve()
    return record


def shipped(case):
    record = approved(case)
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    case.env["stock.quant"]._update_available_quantity(
        record.product_id, warehouse.lot_stock_id, record.quantity
    )
    record.action_ship()
    return record


def delivered(case):
    """Shipped, and its delivery validated: the customer has it."""
    record = shipped(case)
    picking = record.picking_id
    picking.move_ids.quantity = record.quantity
    picking.button_validate()
    return record


def accepted(case):
    record = delivered(case)
    record.action_customer_approve(comment="OK", signed_by="Mr. Chen")
    return record


def supervisor(case, login, *groups):
    """A user other than admin holding ``groups``."""
    user = case.env["res.users"].search([("login", "=", login)], limit=1)
    if not user:
        user = case.env["res.users"].create({"name": login, "login": login})
    user.groups_id |= case.env.ref("qms_base.group_qms_user")
    for group in groups:
        user.groups_id |= case.env.ref(group)
    return user


def signing_admin(case):
    admin(case).groups_id |= case.env.ref(GROUPS[0]) | case.env.ref(GROUPS[1])


def sealed(case):
    record = accepted(case)
    engineering = supervisor(case, "rpc_sample_eng", GROUPS[0])
    qa = supervisor(case, "rpc_sample_qa", GROUPS[1])
    record.with_user(engineering).action_sign_engineering()
    record.with_user(qa).action_sign_qa()
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    record.write({"storage_location_id": warehouse.lot_stock_id.id, "custodian_id": qa.id})
    record.action_seal()
    return record


@factory("qms.sample")
def draft(case):
    return sample(case)


@factory("qms.sample", "action_start_inspection")
def making(case):
    record = sample(case)
    record.action_start()
    return record


@factory("qms.sample", "action_approve")
def passed(case):
    return inspected(case)


@factory("qms.sample", "action_reject")
def to_reject(case):
    return inspected(case), ["Colour off the master"]


@factory("qms.sample", "action_cancel")
def to_cancel(case):
    return sample(case), ["Requested twice"]


@factory("qms.sample", "action_new_revision")
def rejected(case):
    record = inspected(case)
    record.action_reject("Colour off the master")
    return record


@factory("qms.sample", "action_ship")
def to_ship(case):
    return approved(case)


@factory("qms.sample", "action_view_delivery")
def with_delivery(case):
    return shipped(case)


@factory("qms.sample", "action_customer_approve")
def at_customer(case):
    return delivered(case), [], {"comment": "OK", "signed_by": "Mr. Chen"}


@factory("qms.sample", "action_customer_reject")
def at_customer_ng(case):
    return delivered(case), ["Gloss too high"]


@factory("qms.sample", "action_sign_engineering", "action_sign_qa")
def to_sign(case):
    signing_admin(case)
    return accepted(case)


@factory("qms.sample", "action_seal")
def signed(case):
    record = accepted(case)
    record.with_user(supervisor(case, "rpc_sample_eng", GROUPS[0])).action_sign_engineering()
    record.with_user(supervisor(case, "rpc_sample_qa", GROUPS[1])).action_sign_qa()
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    record.storage_location_id = warehouse.lot_stock_id
    return record


@factory("qms.sample", "action_revalidate")
def to_revalidate(case):
    signing_admin(case)
    return sealed(case)


@factory("qms.sample", "action_borrow")
def to_borrow(case):
    return sealed(case), ["Compare the first production lot"]


@factory("qms.sample", "action_dispose")
def to_dispose(case):
    return accepted(case), ["scrap", "Replaced by revision 2"]


@factory("qms.sample", "action_ecn_approved")
def supplier_change(case):
    return sample(
        case,
        kind="qms_sample.sample_kind_supplier",
        source="supplier",
        supplier_trigger="material_change",
        affects_customer=True,
        ecn_reference="ECN-RPC-001",
    )


@factory("qms.sample", "action_approve_concession")
def concession(case):
    reference = accepted(case)
    return sample(
        case,
        kind="qms_sample.sample_kind_concession",
        reference_sample_id=reference.id,
        deviation="0.1 mm flash on the parting line",
        concession_reason="Mould repair takes two weeks",
        date_concession_end="2099-01-31",
        concession_approval="customer",
        customer_approval_ref="MAIL-RPC-001",
    )


@factory("qms.sample.reason.wizard")
def reason_wizard(case):
    return case.env["qms.sample.reason.wizard"].create(
        {"sample_id": sample(case).id, "action": "cancel", "reason": "Requested twice"}
    )


def lab(case, **values):
    return case.env["qms.lab.sample"].create(
        {
            "partner_id": customer(case).id,
            "commission_ref": "WT-RPC-001",
            "model_name": "BV-7000",
            "quantity": 3,
            "storage_conditions": "23±2 °C, dry",
            **values,
        }
    )


def lab_checked(case, **values):
    record = lab(case, **values)
    record.write(dict.fromkeys((*RECEIPT_CHECKS, "check_fit"), True))
    return record


def lab_tested(case, **values):
    record = lab_checked(case, **values)
    record.action_accept()
    record.action_start_test()
    record.action_finish_test("Salt spray 48 h")
    return record


@factory("qms.lab.sample")
def lab_received(case):
    return lab_checked(case)


@factory("qms.lab.sample", "action_start_test")
def lab_awaiting(case):
    record = lab_checked(case)
    record.action_accept()
    return record


@factory("qms.lab.sample", "action_finish_test")
def lab_in_test(case):
    record = lab_awaiting(case)
    record.action_start_test()
    return record, ["Salt spray 48 h"]


@factory("qms.lab.sample", "action_return")
def lab_to_return(case):
    return lab_tested(case, disposal_way="return")


@factory("qms.lab.sample", "action_dispose")
def lab_to_dispose(case):
    return lab_tested(case, disposal_way="dispose"), ["Scrapped by manufacturing engineering"]


@factory("crm.lead", "action_qms_request_sample", "action_qms_view_samples")
def lead(case):
    return case.env["crm.lead"].create(
        {"name": "RPC display module", "partner_id": customer(case).id}
    )


@factory("qms.sample.copy")
def sample_copy(case):
    """The original (原稿) of a signed sample, kept by marketing."""
    return case.env["qms.sample.copy"].create(
        {"sample_id": sample(case).id, "copy_type": "original"}
    )


@factory("qms.hsf.report")
def hsf_report(case):
    return case.env["qms.hsf.report"].create(
        {
            "partner_id": customer(case, "RPC Supplier").id,
            "product_id": product(case).id,
            "date_test": "2026-11-02",
            "laboratory": "SGS Shenzhen",
            "report_number": "SZ-2026-1102",
        }
    )


@factory("qms.sample", "action_send_confirmation")
def supplier_confirmed(case):
    """A supplier sample confirmed OK, with its purchaser and QA inspector."""
    record = sample(
        case,
        kind="qms_sample.sample_kind_supplier",
        source="supplier",
        supplier_trigger="new_supplier",
        quantity=5,
        qty_tested=5,
        fit_test_result="ok",
        trial_result="ok",
        purchase_user_id=admin(case).id,
        qa_user_id=admin(case).id,
    )
    attachment = case.env["ir.attachment"].create({"name": "self-inspection.pdf", "raw": b"%PDF"})
    record.write(
        {
            "self_inspection_report_ids": [(4, attachment.id)],
            "material_certificate_ids": [(4, attachment.id)],
        }
    )
    record.action_start_inspection()
    pass_inspection(record)
    record.action_approve()
    return record


@factory("qms.lab.sample.transfer")
def lab_transfer(case):
    return case.env["qms.lab.sample.transfer"].create(
        {
            "lab_sample_id": lab(case).id,
            "from_area": "receiving",
            "to_area": "test_lab",
            "to_user_id": admin(case).id,
        }
    )


@factory("qms.hsf.receipt.wizard", "action_confirm")
def hsf_receipt_wizard(case):
    """A receipt of a material needing an HSF report its supplier has not sent."""
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    case.env.company.qms_sample_hsf_receipt_check = "warn"
    material = case.env["product.product"].create(
        {"name": "RPC resin", "is_storable": True, "qms_hsf_required": True}
    )
    source = case.env.ref("stock.stock_location_suppliers")
    picking = case.env["stock.picking"].create(
        {
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": customer(case, "RPC Resin Supplier").id,
            "location_id": source.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "move_ids": [
                (
                    0,
                    0,
                    {
                        "name": material.name,
                        "product_id": material.id,
                        "product_uom_qty": 2,
                        "product_uom": material.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": warehouse.lot_stock_id.id,
                    },
                )
            ],
        }
    )
    picking.action_confirm()
    picking.move_ids.quantity = 2
    return case.env["qms.hsf.receipt.wizard"].create(
        {"picking_ids": [(6, 0, picking.ids)], "warned_picking_ids": [(6, 0, picking.ids)]}
    )
