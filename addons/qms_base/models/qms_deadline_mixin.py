from odoo import api, fields, models


class QmsDeadlineMixin(models.AbstractModel):
    """Named working-time deadlines on a record.

    A model inherits this (with ``mail.activity.mixin``), declares its kinds
    as ``qms.deadline.kind`` data, and opens/closes them from its workflow:

        self._qms_deadline_open("report_due")
        self._qms_deadline_close("report_due")

    Reminders before the due date go through ``_qms_deadline_remind``; overdue
    rows give the owner an activity, then escalate; the record hears of it
    through ``_qms_deadline_reached``. Deleting a record cancels its open
    deadlines. A kind's numbers are per company: read them with
    ``self._qms_deadline_kind(code)`` (the record's company's values).
    """

    _name = "qms.deadline.mixin"
    _description = "QMS Deadlines"

    qms_deadline_ids = fields.One2many(
        "qms.deadline",
        "res_id",
        string="Deadlines",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
    )
    qms_overdue = fields.Boolean(
        "Overdue", compute="_compute_qms_overdue", search="_search_qms_overdue"
    )
    qms_next_due = fields.Datetime("Next due", compute="_compute_qms_overdue")

    @api.depends("qms_deadline_ids.state", "qms_deadline_ids.due")
    def _compute_qms_overdue(self):
        now = fields.Datetime.now()
        for record in self:
            open_dues = record.qms_deadline_ids.filtered(lambda d: d.state == "open").mapped("due")
            record.qms_next_due = min(open_dues) if open_dues else False
            record.qms_overdue = bool(open_dues) and min(open_dues) < now

    def _search_qms_overdue(self, operator, value):
        overdue_ids = (
            self.env["qms.deadline"]
            .sudo()
            ._search([("res_model", "=", self._name), ("is_overdue", "=", True)])
            .subselect("res_id")
        )
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", overdue_ids)]

    def unlink(self):
        # Nobody is to be reminded of a document that no longer exists.
        self._qms_open_deadlines()._close(state="cancelled")
        return super().unlink()

    # ------------------------------------------------------------------
    # API for the inheriting models
    # ------------------------------------------------------------------
    def _qms_deadline_kind(self, code):
        """Deadline kind ``code`` of this model, read with the values of the
        record's company (its durations, reminders, escalation)."""
        self.ensure_one()
        return self.env["qms.deadline.kind"]._get_kind(
            self._name, code, company=self._qms_deadline_company()
        )

    def _qms_deadline_open(self, code, start=None, due=None, owner=None, optional=False):
        return (
            self.env["qms.deadline"]
            .sudo()
            ._open_for(self, code, start=start, due=due, owner=owner, optional=optional)
        )

    def _qms_deadline_close(self, code=None, done=None):
        self._qms_open_deadlines(code)._close(done=done)

    def _qms_deadline_cancel(self, code=None):
        self._qms_open_deadlines(code)._close(state="cancelled")

    def _qms_deadline_reschedule(self, code, due):
        self._qms_open_deadlines(code)._reschedule(due)

    def _qms_open_deadlines(self, code=None):
        domain = [
            ("res_model", "=", self._name),
            ("res_id", "in", self.ids),
            ("state", "=", "open"),
        ]
        if code:
            kind = self.env["qms.deadline.kind"]._get_kind(self._name, code)
            domain.append(("kind_id", "=", kind.id))
        return self.env["qms.deadline"].sudo().search(domain)

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _qms_deadline_owner(self, kind):
        """Who must meet deadline ``kind``: the record's ``user_id`` by default."""
        self.ensure_one()
        return self.env["qms.deadline"]._default_owner(self)

    def _qms_deadline_company(self):
        """Whose calendar counts the working time: the record's company."""
        self.ensure_one()
        return self.env["qms.deadline"]._default_company(self)

    def _qms_deadline_remind(self, deadlines):
        """Called by the cron when ``deadlines`` (open rows of the records in
        ``self``) pass one of their reminder times, once per reminder offset.

        Default: a "Due soon: <kind>" activity for each row's owner, linked to
        the row (``qms_deadline_id``). Override to e-mail instead, or also.
        """
        deadlines._remind_owners()

    def _qms_deadline_reached(self, deadlines, level):
        """Called by the cron when ``deadlines`` reach ``level`` ("owner", "escalated")."""
        return None
