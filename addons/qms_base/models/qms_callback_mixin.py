from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsCallbackMixin(models.AbstractModel):
    """Follow-up callbacks of a source document (a complaint, a delivery…).

    The document plans one with ``_qms_callback_schedule(kind_code, start)``,
    and may answer the hooks ``_qms_callback_new_problem(callback)`` (return
    the record made for a problem raised on the call) and
    ``_qms_callback_finished(callback)``.
    """

    _name = "qms.callback.mixin"
    _description = "QMS Callbacks"

    qms_callback_ids = fields.One2many(
        "qms.callback",
        "res_id",
        string="Callbacks",
        domain=lambda self: [("res_model", "=", self._name)],
    )
    qms_callback_state = fields.Selection(
        [
            ("none", "Not due"),
            ("planned", "Planned"),
            ("done", "Reached"),
            ("failed", "Not reached"),
        ],
        string="Callback",
        compute="_compute_qms_callback_state",
    )

    @api.depends("qms_callback_ids.state")
    def _compute_qms_callback_state(self):
        for record in self:
            callbacks = record.qms_callback_ids.filtered(lambda c: c.state != "cancelled")
            record.qms_callback_state = callbacks.sorted("id")[-1:].state or "none"

    def _qms_callback_schedule(self, kind_code, date_start, partner=None, contact=None, user=None):
        """Plan a callback of kind ``kind_code`` (a deadline kind of qms.callback)
        counted from ``date_start``; a planned one of the same kind is kept."""
        self.ensure_one()
        kind = self.env["qms.deadline.kind"]._get_kind("qms.callback", kind_code)
        planned = self.qms_callback_ids.filtered(
            lambda c: c.state == "planned" and c.kind_id == kind
        )
        if planned:
            return planned
        partner = partner or (self["partner_id"] if "partner_id" in self._fields else None)
        if not partner:
            raise UserError(self.env._("A callback needs the customer to call."))
        company = (self["company_id"] if "company_id" in self._fields else None) or self.env.company
        contact = contact or (partner if partner.parent_id else None)
        caller = user or self.env.user
        values = {
            "res_model": self._name,
            "res_id": self.id,
            "kind_id": kind.id,
            "company_id": company.id,
            "partner_id": partner.commercial_partner_id.id,
            "contact_id": contact.id if contact else False,
            "user_id": caller.id if not caller.share else False,
            "date_start": date_start,
        }
        # A portal customer's action can plan the call: the callback is ours to create.
        return self.env["qms.callback"].sudo().create(values).sudo(False)

    def _qms_callback_cancel(self):
        """The document closed: planned calls are cancelled, never counted as done."""
        self.qms_callback_ids.filtered(lambda c: c.state == "planned").sudo().action_cancel()

    def action_qms_view_callbacks(self):
        self.ensure_one()
        return self.qms_callback_ids._get_records_action(name=self.env._("Callbacks"))

    def _qms_callback_new_problem(self, callback):
        """Hook: the record made for ``callback.problem``; none by default."""
        return None

    def _qms_callback_finished(self, callback):
        """Hook: ``callback`` was reached or finally not reached."""
        return None
