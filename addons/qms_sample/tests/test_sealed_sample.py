from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import SampleCase, cst


class TestSealedSample(SampleCase):
    """004 5.1.2, 3.2.3: sealed by the engineering and the QA supervisor, valid
    for a period with reminders, borrowed and returned, disposed."""

    def _accepted(self):
        sample = self._sample()
        self._ship(sample)
        sample.action_customer_approve()
        sample.storage_location_id = self.shelf
        return sample

    def test_sealing_needs_two_different_supervisors(self):
        sample = self._accepted()
        with self.assertRaisesRegex(UserError, "Only the engineering supervisor"):
            sample.with_user(self.qa_head).action_sign_engineering()
        sample.with_user(self.engineering_head).action_sign_engineering()
        # One signature is not enough.
        with self.assertRaisesRegex(UserError, "needs both"):
            sample.action_seal()
        self.assertEqual(sample.state, "accepted")
        # The same user twice is refused, even with both roles.
        other = self._accepted()
        other.with_user(self.both_heads).action_sign_engineering()
        with self.assertRaisesRegex(UserError, "two different people"):
            other.with_user(self.both_heads).action_sign_qa()
        self.assertFalse(other.qa_signer_id)
        # Two different supervisors seal it.
        sample.with_user(self.qa_head).action_sign_qa()
        self.assertIs(sample.action_seal(), True)
        self.assertEqual(sample.state, "sealed")
        self.assertEqual(
            (sample.engineering_signer_id, sample.qa_signer_id),
            (self.engineering_head, self.qa_head),
        )
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            sample.write({"qa_signer_id": self.engineering_head.id})

    def test_sealed_sample_expiry_reminder_and_revalidation(self):
        with freeze_time("2026-03-02 02:00:00"):
            sample = self._sealed(validity_months=1, qa_user_id=self.owner_user.id)
            self.assertEqual(sample.date_expiry, date(2026, 4, 2))
            deadline = sample.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "validity")
            self.assertEqual(deadline.due, cst(2026, 4, 2, 23, 59, 59))
            self.assertEqual(deadline.owner_id, self.owner_user)
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-03-10 02:00:00"):
            Deadline._process_due()
            reminders = sample.activity_ids.filtered(lambda a: a.summary.startswith("Due soon"))
            self.assertEqual(len(reminders), 1, "30 days before the expiry")
            self.assertEqual(reminders.user_id, self.owner_user)
            Deadline._process_due()
            self.assertEqual(deadline.reminder_count, 1, "once")
        with freeze_time("2026-04-03 02:00:00"):
            Deadline._process_due()
            self.assertTrue(sample.is_expired)
            self.assertTrue(
                sample.activity_ids.filtered(lambda a: a.summary.startswith("Overdue")),
                "the keeper is told it expired",
            )
            self.assertIn("expired on", sample.message_ids[0].body)
            # An expired sample is not lent.
            sample.action_borrow("Compare with lot 2604")
            loan = sample.qms_loan_ids
            with self.assertRaisesRegex(UserError, "re-validate it"):
                loan.with_user(self.qa_head).action_lend()
            loan.action_cancel()
            # Re-validation starts a new period.
            with self.assertRaisesRegex(UserError, "Only a QA supervisor"):
                sample.with_user(self.engineering_head).action_revalidate()
            sample.with_user(self.qa_head).action_revalidate()
            self.assertEqual(sample.date_expiry, date(2026, 5, 3))
            self.assertFalse(sample.is_expired)
            self.assertEqual(deadline.state, "done")

    def test_borrowing_overdue_escalation_and_return(self):
        with freeze_time("2026-03-02 02:00:00"):
            sample = self._sealed()
            self.assertIs(
                sample.with_user(self.owner_user).action_borrow("Line 3 first-article check"), True
            )
            loan = sample.qms_loan_ids
            self.assertEqual((loan.state, loan.borrower_id), ("requested", self.owner_user))
            self.assertEqual(loan.custodian_id, self.qa_head)
            with self.assertRaisesRegex(UserError, "already requested"):
                sample.action_borrow("Another check")
            loan.with_user(self.qa_head).action_lend()
            self.assertEqual(sample.qms_loan_state, "out")
            # 5 working days from Monday 2 March: due Monday 9 March.
            self.assertEqual(loan.date_due.date(), date(2026, 3, 9))
            with self.assertRaisesRegex(UserError, "returned before it is disposed"):
                sample.action_dispose("scrap", "Replaced by a new master")
        Deadline = self.env["qms.deadline"]
        with freeze_time("2026-03-10 02:00:00"):
            Deadline._process_due()
            self.env.invalidate_all()
            self.assertTrue(loan.is_overdue)
            self.assertEqual(sample.qms_loan_state, "overdue")
            row = loan.qms_deadline_ids
            self.assertEqual(row.alert_level, "owner")
        with freeze_time("2026-03-13 02:00:00"):
            Deadline._process_due()
            self.env.invalidate_all()
            self.assertEqual(row.alert_level, "escalated", "two working days later")
            self.assertTrue(
                loan.activity_ids.filtered(lambda a: a.user_id == self.manager_user),
                "the borrower's manager is told",
            )
            Deadline._process_due()
            self.assertEqual(
                len(loan.activity_ids.filtered(lambda a: a.user_id == self.manager_user)),
                1,
                "never twice",
            )
            loan.with_user(self.qa_head).action_return("Intact")
            self.env.invalidate_all()
            self.assertEqual(sample.qms_loan_state, "available")
            self.assertEqual(row.state, "done")
            self.assertIs(sample.action_dispose("scrap", "Replaced by a new master"), True)
            self.assertEqual(sample.state, "disposed")
            self.assertEqual(sample.disposed_by_id, self.env.user)
            self.assertFalse(sample.copy_ids, "its kept copies are archived")

    def test_concession_needs_customer_or_signed_internal_approval(self):
        reference = self._accepted()
        kind = self.env.ref("qms_sample.sample_kind_concession")
        concession = self._sample(
            kind=kind, title="Cover with 0.1 mm flash", date_concession_end=False
        )
        self.assertTrue(concession.name.startswith("TS"))
        with self.assertRaisesRegex(UserError, "differs from an approved"):
            concession.action_approve_concession()
        concession.write(
            {
                "reference_sample_id": reference.id,
                "deviation": "0.1 mm flash on the parting line",
                "concession_reason": "Mould repair takes two weeks",
                "date_concession_end": "2099-01-31",
                "concession_approval": "internal",
            }
        )
        with self.assertRaisesRegex(UserError, "needs both"):
            concession.action_approve_concession()
        concession.with_user(self.engineering_head).action_sign_engineering()
        concession.with_user(self.qa_head).action_sign_qa()
        with self.assertRaisesRegex(UserError, "authorised"):
            concession.with_user(self.qa_head).action_approve_concession()
        self.qa_head.groups_id |= self.env.ref("qms_sample.group_qms_sample_concession_signatory")
        concession.with_user(self.qa_head).action_approve_concession()
        self.assertEqual(concession.state, "accepted")
        self.assertEqual(concession.concession_signatory_id, self.qa_head)
        self.assertTrue(
            concession.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "concession")
        )
