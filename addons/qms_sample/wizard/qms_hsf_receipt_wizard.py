from odoo import api, fields, models


class QmsHsfReceiptWizard(models.TransientModel):
    """Validating a receipt without a valid HSF report, in "warn" mode: the
    user sees what is missing, and confirms (logged) or goes back."""

    _name = "qms.hsf.receipt.wizard"
    _description = "Receipt without a valid HSF report"

    picking_ids = fields.Many2many(
        "stock.picking",
        "qms_hsf_receipt_wizard_picking_rel",
        string="Transfers to validate",
        required=True,
    )
    warned_picking_ids = fields.Many2many(
        "stock.picking",
        "qms_hsf_receipt_wizard_warned_rel",
        string="Receipts without a valid report",
    )
    warning = fields.Text("Missing or expired reports", compute="_compute_warning")

    @api.depends("warned_picking_ids")
    def _compute_warning(self):
        for wizard in self:
            wizard.warning = "\n".join(
                f"{picking.name}: {picking._qms_hsf_message(picking._qms_hsf_missing())}"
                for picking in wizard.warned_picking_ids
                if picking._qms_hsf_missing()
            )

    def action_confirm(self):
        """Receive anyway: the receipts say who accepted them despite the warning."""
        self.ensure_one()
        for picking in self.warned_picking_ids:
            missing = picking._qms_hsf_missing()
            if missing:
                picking.message_post(
                    body=self.env._(
                        "%(user)s accepted this receipt despite the warning: %(message)s",
                        user=self.env.user.name,
                        message=picking._qms_hsf_message(missing),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        context = {
            key: value for key, value in self.env.context.items() if not key.startswith("default_")
        }
        result = self.picking_ids.with_context(context, qms_hsf_checked=True).button_validate()
        return result if isinstance(result, dict) else True
