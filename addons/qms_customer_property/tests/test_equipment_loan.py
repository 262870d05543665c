from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import PropertyCase, cst


class TestToolsAndBorrowing(PropertyCase):
    """Tooling and gauges are maintenance equipment with a calibration plan; a
    gauge whose calibration is overdue cannot be issued (our rule). Drawings are
    lent through the borrowing log, due back, then escalated."""

    def _gauge(self, due):
        gauge = self.env["qms.property"].create(
            {
                "title": "Go/no-go gauge",
                "kind_id": self.kind_tooling.id,
                "partner_id": self.customer.id,
                "user_id": self.keeper.id,
            }
        )
        gauge.action_receive()
        gauge.action_create_equipment()
        self.env["maintenance.plan"].create(
            {
                "equipment_id": gauge.equipment_id.id,
                "maintenance_kind_id": self.env.ref(
                    "qms_customer_property.maintenance_kind_calibration"
                ).id,
                "interval": 12,
                "interval_step": "month",
                "start_maintenance_date": due,
            }
        )
        return gauge

    def test_equipment_is_marked_with_the_customer_short_name(self):
        gauge = self._gauge(date.today() + timedelta(days=30))
        self.assertEqual(gauge.equipment_id.qms_property_id, gauge)
        self.assertTrue(gauge.equipment_id.name.startswith("[LTM]"))
        self.assertTrue(gauge.marking.startswith(f"LTM / {gauge.name} / "))
        self.assertEqual(gauge.equipment_id.qms_owner_id, self.customer)

    def test_overdue_calibration_blocks_issue(self):
        gauge = self._gauge(date.today() - timedelta(days=10))
        self.env["maintenance.request"].create(
            {
                "name": "Calibration",
                "equipment_id": gauge.equipment_id.id,
                "maintenance_plan_id": gauge.equipment_id.maintenance_plan_ids.id,
                "maintenance_kind_id": self.env.ref(
                    "qms_customer_property.maintenance_kind_calibration"
                ).id,
                "request_date": date.today() - timedelta(days=3),
                "maintenance_type": "preventive",
            }
        )
        gauge.invalidate_recordset()
        self.assertTrue(gauge.is_calibration_overdue)
        with self.assertRaisesRegex(UserError, "calibration was due"):
            gauge._qms_loan_request(self.owner_user, "Check the first shot")
        # the loan asked before the calibration fell due is refused at hand-over too
        gauge.equipment_id.maintenance_ids.unlink()
        gauge.invalidate_recordset()
        loan = gauge._qms_loan_request(self.owner_user, "Check the first shot")
        self.assertEqual(loan.kind_id.code, "property_tool")
        self.assertEqual(loan.custodian_id, self.keeper)
        self.env["maintenance.request"].create(
            {
                "name": "Calibration",
                "equipment_id": gauge.equipment_id.id,
                "maintenance_plan_id": gauge.equipment_id.maintenance_plan_ids.id,
                "maintenance_kind_id": self.env.ref(
                    "qms_customer_property.maintenance_kind_calibration"
                ).id,
                "request_date": date.today() - timedelta(days=1),
                "maintenance_type": "preventive",
            }
        )
        gauge.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "calibration was due"):
            loan.with_user(self.keeper).action_lend()
        self.assertEqual(loan.state, "requested")

    def test_calibration_deadline_follows_the_plan_and_escalates(self):
        with freeze_time("2026-04-01 02:00:00"):
            gauge = self._gauge(date(2026, 4, 7))
            self.env["qms.property"]._cron_sync_calibrations()
            self.env["qms.property"]._cron_sync_calibrations()
        deadline = gauge.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "calibration")
        self.assertEqual(len(deadline), 1)
        self.assertEqual(deadline.due, cst(2026, 4, 7, 23, 59, 59))
        with freeze_time("2026-04-08 03:00:00"):
            self.env["qms.deadline"]._process_due()
        self.assertEqual(deadline.alert_level, "owner")
        with freeze_time("2026-04-09 17:00:00"):
            self.env["qms.deadline"]._process_due()
        self.assertEqual(deadline.alert_level, "escalated")

    def test_borrowing_of_a_drawing_is_due_back_and_escalates(self):
        drawing = self.env["qms.property"].create(
            {
                "title": "Housing drawing rev. C",
                "kind_id": self.kind_drawing.id,
                "end_disposition": "archive",
                "partner_id": self.customer.id,
                "user_id": self.keeper.id,
            }
        )
        drawing.action_receive()
        self.assertEqual(drawing.state, "accepted")
        with freeze_time("2026-04-01 02:00:00"):  # Wednesday 10:00 Beijing
            wizard = self.env["qms.property.loan.wizard"].create(
                {"property_id": drawing.id, "borrower_id": self.owner_user.id, "purpose": "FAI"}
            )
            wizard.action_request()
            loan = drawing.qms_loan_ids
            with self.assertRaisesRegex(UserError, "custodian"):
                loan.with_user(self.owner_user).action_lend()
            loan.with_user(self.keeper).action_lend()
        self.assertEqual(loan.kind_id.code, "property_document")
        # 5 working days, Qingming (4-6 April) not counted
        self.assertEqual(loan.date_due, cst(2026, 4, 9, 10, 0))
        with self.assertRaisesRegex(UserError, "lent out"):
            drawing.action_archive_property()
        with freeze_time("2026-04-09 03:00:00"):
            self.env["qms.deadline"]._process_due()
        with freeze_time("2026-04-10 03:00:00"):  # one working day later
            self.env["qms.deadline"]._process_due()
        deadline = loan.qms_deadline_ids
        self.assertEqual(deadline.alert_level, "escalated")
        self.assertEqual(drawing.qms_loan_state, "overdue")
        loan.action_return(condition="Complete")
        drawing.action_end_project()
        self.assertEqual(drawing.state, "archived", "the customer chose to have it archived")
