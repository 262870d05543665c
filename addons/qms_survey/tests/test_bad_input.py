import xmlrpc.client

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import SurveyCase, cst


class TestBadInput(SurveyCase):
    def _counts(self):
        return (
            self.env["qms.survey.campaign"].search_count([]),
            self.env["qms.survey.invitation"].search_count([]),
            self.env["qms.survey.weight"].search_count([]),
            self.env["qms.deadline"].search_count([]),
            self.env["mail.mail"].search_count([]),
        )

    def _rejected(self, error, message, function, *args, **kwargs):
        """``function`` fails with ``message`` as one RPC call would: all or nothing."""
        before = self._counts()
        with self.assertRaisesRegex(error, message), self.env.cr.savepoint():
            function(*args, **kwargs)
        self.env.invalidate_all()
        self.assertEqual(self._counts(), before, "nothing written")

    @mute_logger("odoo.sql_db")
    def test_weights_not_summing_to_100(self):
        self._rejected(ValidationError, "sum to 90%", self._campaign, weights=(40, 30, 20))
        campaign = self._campaign()
        self._rejected(
            ValidationError,
            "must sum to 100%",
            campaign.write,
            {"weight_ids": [Command.update(campaign.weight_ids[0].id, {"weight": 50})]},
        )
        self.assertEqual(campaign.weight_ids[0].weight, 40)
        campaign.write(
            {
                "weight_ids": [
                    Command.update(campaign.weight_ids[0].id, {"weight": 50}),
                    Command.update(campaign.weight_ids[1].id, {"weight": 20}),
                ]
            }
        )
        self.assertEqual(sum(campaign.weight_ids.mapped("weight")), 100)

    def test_campaign_without_contacts(self):
        campaign = self._campaign(self.env["res.partner"])
        self._rejected(UserError, "no contact", campaign.action_send)
        self.assertEqual(campaign.state, "draft")

    def test_deadline_before_the_send_date(self):
        self._rejected(
            ValidationError,
            "before the send date",
            self._campaign,
            date_deadline=cst(2026, 3, 1, 9, 0),
        )

    def test_contact_without_email_by_email(self):
        self.contact_b.email = False
        campaign = self._campaign()
        self._rejected(UserError, "Wang Wei", campaign.action_send)
        self.assertEqual(set(campaign.invitation_ids.mapped("state")), {"draft"})

    def test_project_survey_needs_its_stage(self):
        self._rejected(ValidationError, "stage", self._campaign, campaign_type="project")
        campaign = self._campaign(campaign_type="project", project_stage="mid")
        self.assertEqual(campaign.project_stage, "mid")

    def test_sent_records_are_archived_not_deleted(self):
        campaign = self._campaign()
        self._send(campaign)
        with self.assertRaises(UserError):
            campaign.unlink()
        with self.assertRaises(UserError):
            campaign.invitation_ids.unlink()
        campaign.action_archive()
        self.assertFalse(campaign.active)


@tagged("post_install", "-at_install")
class TestRpcBadInput(HttpCase):
    """Other systems create campaigns by XML-RPC: a clear error and no partial record."""

    def test_xmlrpc_create_with_bad_weights(self):
        new_test_user(
            self.env, login="rpc_qms", password="rpc_qms_pwd", groups="qms_base.group_qms_user"
        )
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, "rpc_qms", "rpc_qms_pwd", {})
        survey = self.env["survey.survey"].create({"title": "RPC questionnaire"})
        customer = self.env["res.partner"].create(
            {"name": "RPC customer", "email": "rpc@example.com"}
        )
        module = self.env.ref("qms_survey.module_overall")
        values = {
            "title": "From the CRM",
            "survey_id": survey.id,
            # what an RPC client sends: (0, 0, values) creates a line
            "weight_ids": [[0, 0, {"module_id": module.id, "weight": 60}]],
            "invitation_ids": [[0, 0, {"contact_id": customer.id}]],
        }
        before = self.env["qms.survey.invitation"].search_count([])
        with self.assertRaises(xmlrpc.client.Fault) as error, mute_logger("odoo.http"):
            self.xmlrpc_object.execute(
                self.env.cr.dbname, uid, "rpc_qms_pwd", "qms.survey.campaign", "create", [values]
            )
        self.assertIn("must sum to 100%", error.exception.faultString)
        self.assertEqual(self.env["qms.survey.invitation"].search_count([]), before)
        self.assertFalse(self.env["qms.survey.campaign"].search([("title", "=", "From the CRM")]))
