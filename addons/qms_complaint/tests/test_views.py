from odoo.tests import TransactionCase, new_test_user


class TestComplaintViews(TransactionCase):
    def test_complaints_open_on_a_kanban_by_state(self):
        """Like Helpdesk: quality staff land on cards grouped by state, with the owner,
        the activities and the next deadline on each card."""
        action = self.env.ref("qms_complaint.qms_complaint_action")
        self.assertEqual(action.view_mode.split(",")[0], "kanban")
        user = new_test_user(self.env, login="qms_kanban", groups="qms_base.group_qms_user")
        views = self.env["qms.complaint"].with_user(user).get_views([(False, "kanban")])
        arch = views["views"]["kanban"]["arch"]
        self.assertIn('default_group_by="state"', arch)
        for widget in ("kanban_activity", "many2one_avatar_user", "remaining_days"):
            self.assertIn(widget, arch)
