from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError

from .common import SurveyCase, cst


class TestReminders(SurveyCase):
    def _reminders(self, contact):
        return self.env["mail.mail"].search(
            [("subject", "like", "Reminder"), ("recipient_ids", "in", contact.ids)]
        )

    def _run(self, at):
        """Run the one deadline cron at ``at``: the invitations it reminded."""
        invitations = self.campaign.invitation_ids
        before = {i: len(self._reminders(i.contact_id)) for i in invitations}
        with freeze_time(at):
            self.env["qms.deadline"]._process_due(now=at)
        return invitations.filtered(lambda i: len(self._reminders(i.contact_id)) > before[i])

    def test_once_per_step_never_to_a_contact_who_answered(self):
        self.campaign = self._campaign()
        invitation_a, invitation_b = self._send(self.campaign)
        self.assertEqual(invitation_a.return_due, cst(2026, 3, 9, 9, 0))
        self._answer(invitation_b, self._all("Satisfied"), at=cst(2026, 3, 3, 9, 0))
        # Offsets "2,1": 2 and 1 working days before Monday 9 March 09:00.
        self.assertFalse(self._run(cst(2026, 3, 4, 10, 0)), "3 working days left: too early")
        self.assertEqual(self._run(cst(2026, 3, 5, 9, 30)), invitation_a)
        self.assertFalse(self._run(cst(2026, 3, 5, 16, 0)), "offset 2 already done")
        self.assertEqual(self._run(cst(2026, 3, 6, 9, 30)), invitation_a)
        self.assertFalse(self._run(cst(2026, 3, 6, 11, 0)))
        self.assertFalse(self._run(cst(2026, 3, 9, 10, 0)), "the window is over")
        self.assertEqual(len(self._reminders(self.contact_a)), 2)
        self.assertFalse(self._reminders(self.contact_b))
        self.assertEqual(invitation_a.qms_deadline_ids.reminder_count, 2)

    def test_a_late_cron_sends_one_reminder_for_the_steps_it_missed(self):
        self.campaign = self._campaign(self.contact_a)
        (invitation_a,) = self._send(self.campaign)
        self.assertEqual(self._run(cst(2026, 3, 6, 15, 0)), invitation_a)
        self.assertFalse(self._run(cst(2026, 3, 6, 16, 0)))
        self.assertEqual(len(self._reminders(self.contact_a)), 1)

    def test_the_hook_reminds_only_contacts_who_have_not_answered(self):
        self.campaign = self._campaign()
        invitation_a, invitation_b = self._send(self.campaign)
        self._answer(invitation_b, self._all("Satisfied"))
        invitations = invitation_a | invitation_b
        invitations._qms_deadline_remind(invitations.qms_deadline_ids)
        self.assertEqual(len(self._reminders(self.contact_a)), 1)
        self.assertFalse(self._reminders(self.contact_b))

    def test_invitation_email_carries_the_portal_link(self):
        invitation_a, _invitation_b = self._send(self._campaign())
        mail = self.env["mail.mail"].search(
            [
                ("recipient_ids", "in", self.contact_a.ids),
                ("subject", "like", "satisfaction survey"),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(invitation_a.user_input_id.access_token, mail.body_html)
        self.assertTrue(
            invitation_a.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
            ),
            "receipt confirmation call planned",
        )
        invitation_a.action_confirm_receipt()
        self.assertTrue(invitation_a.receipt_confirmed)
        self.assertFalse(invitation_a.activity_ids)

    def test_fax_contacts_get_no_email(self):
        self.contact_b.email = False
        campaign = self._campaign(self.contact_b)
        campaign.invitation_ids.channel = "fax"
        (invitation,) = self._send(campaign)
        self.assertEqual(invitation.state, "sent")
        self.assertFalse(
            self.env["mail.mail"].search([("recipient_ids", "in", self.contact_b.ids)])
        )

    def test_a_large_campaign_is_sent_in_bulk(self):
        contacts = self.env["res.partner"].create(
            [
                {
                    "name": f"Buyer {i}",
                    "parent_id": self.customer_b.id,
                    "email": f"buyer{i}@example.com",
                    "lang": "en_US",
                }
                for i in range(12)
            ]
        )
        campaign = self._campaign(contacts)
        invitations = self._send(campaign)
        self.assertEqual(set(invitations.mapped("state")), {"sent"})
        self.assertEqual(set(invitations.mapped("return_due")), {cst(2026, 3, 9, 9, 0)})
        self.assertEqual(len(invitations.qms_deadline_ids), 12)
        self.assertEqual(len(set(invitations.user_input_id.mapped("access_token"))), 12)
        mails = self.env["mail.mail"].search([("recipient_ids", "in", contacts.ids)])
        self.assertEqual(len(mails), 12)
        for invitation in invitations:
            mail = mails.filtered(lambda m, i=invitation: m.recipient_ids == i.contact_id)
            self.assertIn(invitation.user_input_id.access_token, mail.body_html)
        self.assertEqual(len(invitations.activity_ids), 12)

    def test_a_contact_added_later_gets_its_own_window(self):
        campaign = self._campaign(self.contact_a)
        self._send(campaign)
        late_contact = self.env["res.partner"].create(
            {"name": "Zhou Jie", "parent_id": self.customer_a.id, "email": "zj@example.com"}
        )
        campaign.write({"invitation_ids": [Command.create({"contact_id": late_contact.id})]})
        added = campaign.invitation_ids.filtered(lambda i: i.contact_id == late_contact)
        with freeze_time(cst(2026, 3, 4, 9, 0)):
            added.action_send()
        self.assertEqual(added.state, "sent")
        self.assertEqual(added.return_due, cst(2026, 3, 11, 9, 0))
        draft = self._campaign(self.contact_b)
        with self.assertRaisesRegex(UserError, "itself first"):
            draft.invitation_ids.action_send()
        campaign.write({"invitation_ids": [Command.create({"contact_id": self.contact_b.id})]})
        with freeze_time(cst(2026, 3, 5, 9, 0)):
            campaign.action_send()
        added_b = campaign.invitation_ids.filtered(lambda i: i.contact_id == self.contact_b)
        self.assertEqual(added_b.return_due, cst(2026, 3, 12, 9, 0))
        self.assertEqual(campaign.date_deadline, cst(2026, 3, 12, 9, 0))
