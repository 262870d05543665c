from datetime import timedelta

from odoo import api, fields, models

from ..tools import cadence

CONTACT_ACTIVITY = "qms_service_contract.mail_activity_type_contact"
# How far ahead a non-working contact day may move to find a working day;
# a sanity bound, not a business number.
MAX_SHIFT_DAYS = 31


class QmsServiceContract(models.Model):
    """What follows a contract in force: the renewal reminders (a deadline
    due when the coverage ends, reminded by its kind's offsets), the
    communication cadence after installation (003 4.3.2) as activities, and
    the warranty callback of class-A projects (003 4.4.1.1)."""

    _inherit = "qms.service.contract"  # pylint: disable=consider-merging-classes-inherited

    date_installed = fields.Date(
        "Installed on",
        help="The cadence counts from it; empty: from the start of the free maintenance period.",
    )
    date_last_contact = fields.Date("Last contact", readonly=True, groups="qms_base.group_qms_user")
    date_next_contact = fields.Date("Next contact", readonly=True, groups="qms_base.group_qms_user")

    # ------------------------------------------------------------------
    # Hooks of the contract's life
    # ------------------------------------------------------------------
    def _on_start(self):
        result = super()._on_start()
        for contract in self:
            contract._schedule_renewal()
            contract._schedule_next_contact()
            contract._schedule_warranty_callback()
        return result

    def _on_end(self):
        result = super()._on_end()
        self._qms_deadline_cancel("renewal")
        self.activity_unlink([CONTACT_ACTIVITY])
        self._qms_workflow_contact_dates(False)
        self._qms_callback_cancel()
        return result

    # ------------------------------------------------------------------
    # Renewal
    # ------------------------------------------------------------------
    def _schedule_renewal(self):
        """The renewal deadline is due when the coverage ends; its kind's
        reminder offsets remind the responsible before (e.g. 30 and 7 days)."""
        for contract in self.filtered(lambda c: c.state == "active"):
            if not contract.date_end:
                contract._qms_deadline_cancel("renewal")
                continue
            due = contract._local_datetime(contract.date_end + timedelta(days=1), hour=0)
            now = fields.Datetime.now()
            if due <= now:
                continue
            if contract._qms_open_deadlines("renewal"):
                contract._qms_deadline_reschedule("renewal", due)
            else:
                contract._qms_deadline_open("renewal", start=now, due=due)

    # ------------------------------------------------------------------
    # Communication cadence
    # ------------------------------------------------------------------
    def _cadence_start(self):
        self.ensure_one()
        return self.date_installed or self.date_free_start or self.date_acceptance

    def _cadence_intervals(self):
        company = self.company_id
        return {
            "first_months": company.qms_service_cadence_first_months,
            "first_interval_days": company.qms_service_cadence_first_days,
            "warranty_interval_months": company.qms_service_cadence_warranty_months,
            "after_interval_months": company.qms_service_cadence_after_months,
        }

    def _cadence_schedule(self):
        """Every contact date of the contract (planning view, tests)."""
        self.ensure_one()
        start = self._cadence_start()
        if not start:
            return []
        return cadence.schedule(
            start, self.date_free_end, self.date_end, **self._cadence_intervals()
        )

    def _schedule_next_contact(self, after=None):
        """One activity for the next contact after ``after`` (the last contact,
        or the installation); none once the contract's coverage is over."""
        for contract in self.filtered(lambda c: c.state == "active"):
            start = contract._cadence_start()
            if not start:
                continue
            last = after or contract.date_last_contact or start
            day = cadence.next_contact(
                last, start, contract.date_free_end, **contract._cadence_intervals()
            )
            day = contract._working_day(day)
            contract.activity_unlink([CONTACT_ACTIVITY])
            if contract.date_end and day > contract.date_end:
                contract._qms_workflow_contact_dates(False)
                continue
            contract.activity_schedule(
                CONTACT_ACTIVITY,
                date_deadline=day,
                summary=self.env._(
                    "Keep in touch with %(customer)s", customer=contract.partner_id.display_name
                ),
                user_id=(contract.engineer_id or contract.user_id or self.env.user).id,
            )
            contract._qms_workflow_contact_dates(day)

    def _qms_workflow_contact_dates(self, next_day, last_day=None):
        values = {"date_next_contact": next_day}
        if last_day:
            values["date_last_contact"] = last_day
        self._qms_workflow_write(values)

    def _contact_done(self):
        """The cadence activity was done: the next one counts from today."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(lambda c: c.state == "active"):
            contract._qms_workflow_contact_dates(contract.date_next_contact, last_day=today)
            contract._schedule_next_contact(after=today)

    def _working_day(self, day):
        """``day``, or the next working day of the company's calendar."""
        self.ensure_one()
        calendar = self.company_id._qms_calendar()
        for shift in range(MAX_SHIFT_DAYS):
            candidate = day + timedelta(days=shift)
            begin = self._local_datetime(candidate, hour=0)
            if calendar._qms_local_intervals(begin, begin + timedelta(days=1)):
                return candidate
        return day

    # ------------------------------------------------------------------
    # Warranty callback (class-A projects)
    # ------------------------------------------------------------------
    def _schedule_warranty_callback(self):
        for contract in self.filtered(lambda c: c.project_class == "a" and c.date_free_start):
            contract._qms_callback_schedule(
                "warranty",
                contract._local_datetime(contract.date_free_start),
                partner=contract.commercial_partner_id,
                contact=contract.contact_id or None,
                user=contract.user_id or None,
            )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_end_expired(self):
        """Contracts whose coverage is over end (cadence and reminders stop)."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "active"), ("date_end", "<", today)])._end()
