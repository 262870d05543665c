from odoo import fields, models
from odoo.exceptions import UserError


class QmsFakeDocument(models.Model):
    """A quality document as the QMS addons write them, for the mixin tests."""

    _name = "qms.fake.document"
    _description = "QMS test document"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.deadline.mixin", "qms.sequence.mixin"]
    _qms_sequence_code = "qms.fake.document"

    date = fields.Date(default=fields.Date.context_today)
    user_id = fields.Many2one("res.users")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    reached = fields.Char(default="")
    reminded = fields.Integer(default=0)
    broken = fields.Boolean(help="Its hook fails, as a buggy addon's would.")

    def _qms_deadline_reached(self, deadlines, level):
        if any(self.mapped("broken")):
            raise ValueError("broken hook")
        for record in self:
            record.reached += f"{level};"

    def _qms_deadline_remind(self, deadlines):
        for record in self:
            record.reminded += 1
        return super()._qms_deadline_remind(deadlines)


class QmsFakeSource(models.Model):
    """A quality record with corrective actions and callbacks, for the shared tests."""

    _name = "qms.fake.source"
    _description = "QMS test source"
    _inherit = ["mail.thread", "qms.capa.mixin", "qms.callback.mixin"]

    name = fields.Char(default="Test source")
    partner_id = fields.Many2one("res.partner")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    heard = fields.Char(default="")

    def _qms_capa_state_changed(self, capas):
        self.sudo().heard += "".join(f"{capa.state};" for capa in capas)

    def _qms_callback_new_problem(self, callback):
        return self.create({"name": callback.problem, "partner_id": self.partner_id.id})

    def _qms_callback_finished(self, callback):
        self.sudo().heard += f"call:{callback.state};"


class QmsFakeSample(models.Model):
    """A sample for a customer, inspected before it is sent, for the inspection mixin tests."""

    _name = "qms.fake.sample"
    _description = "QMS test sample"
    _inherit = ["qms.inspection.mixin"]

    name = fields.Char()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    heard = fields.Char(default="")

    def _qms_inspection_finished(self, inspections):
        for record in self:
            record.heard += "".join(f"{i.name}:{i.state};" for i in inspections)


class QmsFakeItem(models.Model):
    """A borrowable item (a sealed sample, a gauge…), for the loan tests."""

    _name = "qms.fake.item"
    _description = "QMS test borrowable item"
    _inherit = ["qms.loan.mixin"]

    name = fields.Char(default="Test item")
    partner_id = fields.Many2one("res.partner")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    locked = fields.Boolean(help="Must not be handed over (e.g. calibration overdue).")
    heard = fields.Char(default="")

    def _qms_loan_check_lend(self, loan):
        if self.locked:
            raise UserError(self.env._("Calibration overdue: the gauge stays in."))

    def _qms_loan_state_changed(self, loans):
        self.sudo().heard += "".join(f"{loan.state};" for loan in loans)
