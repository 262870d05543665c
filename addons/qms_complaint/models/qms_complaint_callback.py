from datetime import timedelta

from odoo import api, fields, models

from .qms_complaint_callback_call import SLOTS

CALL_ACTIVITY = "mail.mail_activity_data_call"


class QmsComplaint(models.Model):
    """The follow-up callback after handling (000 回访): one call, a second
    attempt in another time slot when the customer is not reached."""

    _inherit = "qms.complaint"

    date_handled = fields.Datetime("Handled on", readonly=True, copy=False, tracking=True)
    callback_ids = fields.One2many("qms.complaint.callback", "complaint_id", string="Callbacks")
    callback_state = fields.Selection(
        [("none", "Not due"), ("planned", "Planned"), ("done", "Done"), ("failed", "Not reached")],
        compute="_compute_callback_state",
    )

    @api.depends("callback_ids.reached", "callback_ids.attempt", "activity_ids.activity_type_id")
    def _compute_callback_state(self):
        call_type = self.env.ref(CALL_ACTIVITY)
        for complaint in self:
            last = complaint.callback_ids.sorted("attempt")[-1:]
            planned = call_type in complaint.activity_ids.activity_type_id
            if last.reached:
                complaint.callback_state = "done"
            elif planned:
                complaint.callback_state = "planned"
            elif last and last.attempt >= complaint.company_id.qms_complaint_callback_attempts:
                complaint.callback_state = "failed"
            else:
                complaint.callback_state = "none"

    def action_mark_handled(self):
        """Handled for the customer (replacement sent, answer given): the callback is due."""
        self._ensure_state("in_progress", "closed")
        for complaint in self:
            complaint._workflow_write({"date_handled": fields.Datetime.now()})
            complaint._qms_deadline_close("handling")
            complaint._schedule_callback(attempt=1)
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _schedule_callback(self, attempt, after=None, avoid_slot=None):
        """Plan callback ``attempt``; a retry goes to the next working day, in
        another time slot than the one that failed."""
        self.ensure_one()
        company = self.company_id
        start = after or fields.Datetime.now()
        if attempt == 1:
            planned = start + timedelta(days=company.qms_complaint_callback_min_days)
            self._qms_deadline_open("callback", start=start, optional=True)
            summary = self.env._(
                "Callback %(attempt)s on %(number)s", attempt=attempt, number=self.name
            )
        else:
            planned = company._qms_calendar()._qms_add_working_days(start, 1)
            slots = [key for key, _label in SLOTS]
            slot = slots[(slots.index(avoid_slot) + 1) % len(slots)] if avoid_slot else slots[0]
            summary = self.env._(
                "Callback %(attempt)s on %(number)s, in the %(slot)s",
                attempt=attempt,
                number=self.name,
                slot=dict(
                    self.env["qms.complaint.callback"]
                    ._fields["slot"]
                    ._description_selection(self.env)
                )[slot],
            )
        self.activity_schedule(
            CALL_ACTIVITY,
            date_deadline=fields.Date.to_date(planned),
            user_id=self.user_id.id or self.env.user.id,
            summary=summary,
        )

    def _record_callback(self, reached, slot, answer, new_problem=False, new_problem_text=""):
        """The callback's outcome; not reached → a second attempt in another slot."""
        self.ensure_one()
        attempt = len(self.callback_ids) + 1
        callback = self.env["qms.complaint.callback"].create(
            {
                "complaint_id": self.id,
                "attempt": attempt,
                "slot": slot,
                "reached": reached,
                "answer": answer,
            }
        )
        self.activity_feedback([CALL_ACTIVITY], feedback=answer or None)
        if not reached:
            if attempt >= self.company_id.qms_complaint_callback_attempts:
                self._qms_deadline_close("callback")
            else:
                self._schedule_callback(attempt + 1, avoid_slot=slot)
            return callback
        self._qms_deadline_close("callback")
        if new_problem:
            callback.new_complaint_id = self.create(self._new_problem_values(new_problem_text))
        return callback

    def _new_problem_values(self, description):
        """A new problem raised on the callback: a complaint of its own, linked to this one."""
        self.ensure_one()
        return {
            "title": self.env._("Raised at the callback of %(number)s", number=self.name),
            "partner_id": self.partner_id.id,
            "contact_id": self.contact_id.id,
            "channel": "phone",
            "product_id": self.product_id.id,
            "parent_id": self.id,
            "description": description,
            "company_id": self.company_id.id,
        }

    def _cancel_callbacks(self):
        """Closing or cancelling never marks a planned call as done: it is cancelled."""
        self.activity_unlink([CALL_ACTIVITY])
        self._qms_deadline_cancel("callback")

    def _cancel_follow_ups(self):
        result = super()._cancel_follow_ups()
        self._cancel_callbacks()
        return result
