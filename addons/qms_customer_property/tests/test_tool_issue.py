from datetime import date, timedelta

from odoo.exceptions import UserError

from .common import PropertyCase


class TestToolIssue(PropertyCase):
    """Tools go to production and back on internal transfers that keep the
    customer as owner; a tool whose calibration is overdue is not issued (our rule)."""

    def _tool(self, calibration_due=None):
        tool = self.env["qms.property"].create(
            {
                "title": "Injection mould, 4 cavities",
                "kind_id": self.kind_tooling.id,
                "partner_id": self.customer.id,
                "user_id": self.keeper.id,
                "customer_ref": "TEST-M-9042",
            }
        )
        tool.action_receive()
        tool.action_create_equipment()
        if calibration_due:
            self.env["maintenance.plan"].create(
                {
                    "equipment_id": tool.equipment_id.id,
                    "maintenance_kind_id": self.env.ref(
                        "qms_customer_property.maintenance_kind_calibration"
                    ).id,
                    "interval": 12,
                    "interval_step": "month",
                    "start_maintenance_date": calibration_due,
                }
            )
            tool.invalidate_recordset()
        tool.production_user_id = self.owner_user
        return tool

    def _tool_transfers(self, tool, role):
        return tool.picking_ids.filtered(lambda p: p.qms_property_role == role)

    def test_issue_creates_and_validates_a_transfer_keeping_the_owner(self):
        tool = self._tool(date.today() + timedelta(days=60))
        production = self.env.company._qms_property_production_location()
        self.assertEqual(tool.production_location_id, production, "issued to production")
        self.assertEqual(tool.holder_id, self.keeper, "the custodian holds it in store")
        self.assertIs(tool.action_issue_to_production(), True)
        issue = self._tool_transfers(tool, "issue")
        self.assertEqual(len(issue), 1)
        self.assertEqual(issue.state, "done")
        self.assertEqual(issue.picking_type_id.warehouse_id, self.warehouse)
        self.assertEqual(issue.location_id, tool.location_id)
        self.assertEqual(tool.location_id.qms_property_partner_id, self.customer)
        self.assertEqual(issue.location_dest_id, production)
        self.assertEqual(issue.move_line_ids.owner_id, self.customer, "still the customer's")
        self.assertTrue(tool.is_in_production)
        self.assertEqual(tool.current_location_id, production)
        self.assertEqual(tool.holder_id, self.owner_user)
        self.assertEqual(
            sum(self._owned_quants(self.customer).mapped("quantity")), 0, "no longer in store"
        )
        with self.assertRaisesRegex(UserError, "already issued"):
            tool.action_issue_to_production()

    def test_overdue_calibration_refuses_the_issue_and_creates_no_transfer(self):
        tool = self._tool(date.today() - timedelta(days=10))
        calibration = self.env.ref("qms_customer_property.maintenance_kind_calibration")
        self.env["maintenance.request"].create(
            {
                "name": "Calibration",
                "equipment_id": tool.equipment_id.id,
                "maintenance_plan_id": tool.equipment_id.maintenance_plan_ids.id,
                "maintenance_kind_id": calibration.id,
                "request_date": date.today() - timedelta(days=3),
                "maintenance_type": "preventive",
            }
        )
        tool.invalidate_recordset()
        self.assertTrue(tool.is_calibration_overdue)
        with self.assertRaisesRegex(UserError, "calibration was due.*our rule"):
            tool.action_issue_to_production()
        self.assertFalse(tool.picking_ids, "no transfer at all")
        self.assertFalse(
            self.env["stock.picking"].search([("qms_property_id", "=", tool.id)]),
        )
        self.assertFalse(tool.is_in_production)

    def test_return_from_production_brings_it_back(self):
        tool = self._tool()
        with self.assertRaisesRegex(UserError, "not issued"):
            tool.action_return_from_production()
        tool.action_issue_to_production()
        self.assertIs(tool.action_return_from_production(), True)
        back = self._tool_transfers(tool, "production_return")
        self.assertEqual(back.state, "done")
        self.assertEqual(back.location_dest_id, tool.location_id)
        self.assertEqual(back.move_line_ids.owner_id, self.customer)
        self.assertFalse(tool.is_in_production)
        self.assertEqual(tool.current_location_id, tool.location_id)
        self.assertEqual(tool.holder_id, self.keeper, "back with its custodian")
        quants = self._owned_quants(self.customer)
        self.assertEqual(sum(quants.mapped("quantity")), 1)
        self.assertEqual(quants.location_id, tool.location_id)
        # issued again: one piece, taken from the store again
        tool.production_user_id = self.owner_user
        tool.action_issue_to_production()
        self.assertEqual(len(self._tool_transfers(tool, "issue")), 2)
        self.assertEqual(len(self._tool_transfers(tool, "receipt")), 1, "brought on stock once")

    def test_a_tool_issued_in_warehouse_2_stays_there(self):
        warehouse_2 = self.env["stock.warehouse"].create(
            {"name": "Kunshan plant", "code": "KSH", "company_id": self.env.company.id}
        )
        tool = self._tool()
        tool.warehouse_id = warehouse_2
        tool.action_issue_to_production()
        issue = self._tool_transfers(tool, "issue")
        self.assertEqual(issue.picking_type_id.warehouse_id, warehouse_2)
        self.assertEqual(tool.location_id.warehouse_id, warehouse_2)

    def test_only_tools_are_issued_and_need_a_taker(self):
        with self.assertRaisesRegex(UserError, "not tooling"):
            self._received().action_issue_to_production()
        tool = self._tool()
        tool.production_user_id = False
        with self.assertRaisesRegex(UserError, "who takes it"):
            tool.action_issue_to_production()
