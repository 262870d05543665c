"""Fixtures of qms_complaint's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import customer


def admin(case):
    return case.env.ref("base.user_admin")


def product(case):
    return case.env["product.product"].create({"name": "RPC LCD module", "is_storable": True})


def complaint(case, **values):
    return case.env["qms.complaint"].create(
        {
            "title": "Dead pixels",
            "partner_id": customer(case).id,
            "user_id": admin(case).id,
            "product_id": product(case).id,
            "qty_defective": 5,
            "qty_delivered": 500,
            **values,
        }
    )


def in_progress(case, **values):
    record = complaint(case, **values)
    record.action_confirm_defect()
    return record


def delivered(case):
    """A complaint about a delivered transfer of its product."""
    record = complaint(case)
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    case.env["stock.quant"]._update_available_quantity(
        record.product_id, warehouse.lot_stock_id, 10
    )
    order = case.env["sale.order"].create(
        {
            "partner_id": record.partner_id.id,
            "order_line": [(0, 0, {"product_id": record.product_id.id, "product_uom_qty": 10})],
        }
    )
    order.action_confirm()
    picking = order.picking_ids
    picking.move_ids.quantity = 10
    picking.button_validate()
    record.write({"picking_id": picking.id, "qty_delivered": 10})
    return record


def ready_to_close(case):
    """Every 8D step done, effect confirmed by both."""
    record = in_progress(case, auditor_id=admin(case).id, project_owner_id=admin(case).id)
    record.write(
        {
            "team_leader_id": admin(case).id,
            "d2_what": "Dead pixels",
            "root_cause_occurrence": "Solder voids",
            "root_cause_escape": "No AOI",
            "lessons_learned": "<p>AOI on every line.</p>",
            "abnormality_logged": True,
            "containment_nothing_found": True,
        }
    )
    action = record._qms_capa_create(
        [{"title": "AOI on line 3", "kind": "corrective", "user_id": admin(case).id}]
    )
    # D6: verified on an improved prototype and on a production batch, and by QC (003 5.4.8).
    case.env["qms.complaint.verification"].create(
        [
            {"complaint_id": record.id, "stage": stage, "checked": "500 modules", "result": "pass"}
            for stage in ("prototype", "batch")
        ]
    )
    # D5 needs the general manager's approval of the corrective actions (003 5.4.7).
    record.action_approve_corrective_actions()
    record.write({"qc_user_id": admin(case).id, "qc_note": "AOI checked on 3 shifts."})
    record.action_qc_verify()
    for _step in range(6):
        record.action_next_step()
    # D7 waits for the corrective actions of D5.
    action.result = "AOI installed."
    action.action_done()
    record.action_next_step()
    record.action_confirm_effect_auditor()
    record.action_confirm_effect_owner()
    return record


@factory("qms.complaint")
def draft(case):
    return complaint(case)


@factory("qms.complaint", "action_answer")
def consultation(case):
    return complaint(case, feedback_type="consultation")


@factory("qms.complaint", "action_cancel")
def to_cancel(case):
    return complaint(case), ["Logged twice"]


@factory("qms.complaint", "action_not_responsible")
def not_ours(case):
    return complaint(case), ["The modules were dropped at the customer's site."]


@factory(
    "qms.complaint",
    "action_notify_team",
    "action_mark_handled",
    "action_inform_containment",
    "action_report_stock",
    "action_report_wip",
)
def started(case):
    return in_progress(case)


@factory("qms.complaint", "action_report_containment")
def contained(case):
    """D3 says what it isolated."""
    return in_progress(case, qty_wip=12)


@factory("qms.complaint", "action_next_step")
def with_team(case):
    return in_progress(case, team_leader_id=admin(case).id)


@factory("qms.complaint", "action_confirm_effect_auditor", "action_confirm_effect_owner")
def to_confirm(case):
    return in_progress(case, auditor_id=admin(case).id, project_owner_id=admin(case).id)


@factory("qms.complaint", "action_create_containment")
def with_stock(case):
    record = in_progress(case)
    warehouse = case.env["stock.warehouse"].search(
        [("company_id", "=", case.env.company.id)], limit=1
    )
    case.env["stock.quant"]._update_available_quantity(
        record.product_id, warehouse.lot_stock_id, 20
    )
    return record


@factory("qms.complaint", "action_create_return", "action_create_replacement")
def with_delivery(case):
    return delivered(case)


@factory("qms.complaint", "action_view_delivery_inspections")
def about_delivery(case):
    return delivered(case)


@factory("qms.complaint", "action_send_report")
def report_ready(case):
    record = in_progress(case, root_cause_occurrence="Solder voids", root_cause_escape="No AOI")
    record._qms_capa_create(
        [{"title": "AOI on line 3", "kind": "corrective", "user_id": admin(case).id}]
    )
    return record


@factory("qms.complaint", "action_close")
def to_close(case):
    return ready_to_close(case)


@factory("qms.complaint", "action_reopen_recurrence")
def closed(case):
    record = ready_to_close(case)
    record.action_close()
    return record


@factory("qms.complaint", "action_record_callback")
def handled(case):
    record = in_progress(case)
    record.action_mark_handled()
    return record


@factory("qms.complaint.cancel.wizard")
def cancel_wizard(case):
    return case.env["qms.complaint.cancel.wizard"].create(
        {"complaint_id": complaint(case).id, "reason": "Logged twice"}
    )


@factory("qms.complaint.responsibility.wizard")
def responsibility_wizard(case):
    return case.env["qms.complaint.responsibility.wizard"].create(
        {"complaint_id": complaint(case).id, "explanation": "Dropped at the customer's site."}
    )


# Models without actions: records for the generated bad-input test.
@factory("qms.complaint.verification")
def verification(case):
    return case.env["qms.complaint.verification"].create(
        {"complaint_id": in_progress(case).id, "checked": "500 modules", "qty_checked": 500}
    )


@factory("qms.complaint.revision")
def revision(case):
    return (
        case.env["qms.complaint.revision"]
        .sudo()
        .create({"complaint_id": in_progress(case).id, "revision": 0})
    )


# ----------------------------------------------------------------------
# Review meeting minutes, site visits, half-yearly statistics (003 5.4, 000 5.8.6/5.8.9)
# ----------------------------------------------------------------------
def meeting(case, submitted=False, signed=False):
    from datetime import timedelta  # noqa: PLC0415 (fixtures only)

    from odoo import fields  # noqa: PLC0415

    record = case.env["qms.complaint.meeting"].create(
        {
            "complaint_id": in_progress(case).id,
            "approver_id": admin(case).id,
            "minutes": "<p>Gripper worn; sort the stock, replace the pads.</p>",
            "attendee_ids": [(0, 0, {"user_id": admin(case).id})],
            "measure_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Sort the stock",
                        "kind": "containment",
                        "user_id": admin(case).id,
                        "date_due": fields.Date.today() + timedelta(days=7),
                    },
                )
            ],
        }
    )
    if submitted or signed:
        record.action_submit()
    if signed:
        record.attendee_ids.with_user(admin(case)).action_sign()
    return record


@factory("qms.complaint.meeting", "action_submit")
def meeting_draft(case):
    return meeting(case)


@factory("qms.complaint.meeting", "action_approve")
def meeting_signed(case):
    return meeting(case, signed=True)


@factory("qms.complaint.meeting")
def meeting_any(case):
    return meeting(case)


@factory("qms.complaint.meeting.attendee")
def meeting_attendee(case):
    return meeting(case, submitted=True).attendee_ids


@factory("qms.complaint.meeting.measure")
def meeting_measure(case):
    return meeting(case).measure_ids


def site_visit(case, **values):
    return case.env["qms.complaint.site.visit"].create(
        {
            "complaint_id": complaint(case).id,
            "date_appointment": "2026-03-04 01:00:00",
            "review_notes": "<p>Bring the limit samples.</p>",
            "findings": "<p>12 housings scratched at the same spot.</p>",
            **values,
        }
    )


@factory("qms.complaint.site.visit", "action_done")
def site_visit_reviewed(case):
    visit = site_visit(case)
    visit.action_review()
    return visit


@factory("qms.complaint.site.visit")
def site_visit_planned(case):
    return site_visit(case)


@factory("qms.complaint.statistics")
def statistics(case):
    return case.env["qms.complaint.statistics"].create(
        {"date_from": "2026-01-01", "date_to": "2026-06-30"}
    )


@factory("qms.complaint", "action_approve_corrective_actions")
def with_planned_actions(case):
    record = in_progress(case)
    record._qms_capa_create(
        [{"title": "AOI on line 3", "kind": "corrective", "user_id": admin(case).id}]
    )
    return record


@factory("qms.complaint", "action_qc_verify")
def with_qc_note(case):
    return in_progress(case, qc_user_id=admin(case).id, qc_note="AOI checked on 3 shifts.")


@factory("qms.complaint", "action_qa_confirm_return")
def returned_batch(case):
    return complaint(case, return_qa_note="200 units, 12 scratched: rework.")


@factory("qms.complaint", "action_send_handling_report")
def to_report(case):
    return in_progress(case)


@factory("qms.complaint.defect")
def defect(case):
    return case.env["qms.complaint.defect"].create({"name": "Burr on the flange"})
