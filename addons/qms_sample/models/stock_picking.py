from odoo import api, fields, models
from odoo.exceptions import UserError

QMS_USER = "qms_base.group_qms_user"


class StockPicking(models.Model):
    """Receipts are checked against the HSF list (004 5.3.1 e); a sample's
    delivery tells the sample when it is done."""

    _inherit = "stock.picking"

    qms_hsf_warning = fields.Text(
        "HSF reports missing", compute="_compute_qms_hsf_warning", groups=QMS_USER
    )

    @api.depends("move_ids.product_id", "partner_id", "picking_type_code")
    def _compute_qms_hsf_warning(self):
        for picking in self:
            missing = picking._qms_hsf_missing()
            picking.qms_hsf_warning = picking._qms_hsf_message(missing) if missing else False

    def _qms_hsf_missing(self):
        """Products of this receipt that need an HSF report the supplier has no
        valid one for."""
        self.ensure_one()
        if self.picking_type_code != "incoming" or not self.partner_id or self.state == "done":
            return self.env["product.product"]
        products = self.move_ids.product_id.filtered("qms_hsf_required")
        if not products:
            return products
        valid = (
            self.env["qms.hsf.report"].sudo()._valid_for(self.partner_id, products, self.company_id)
        )
        return products.filtered(lambda p: p.id not in valid)

    def _qms_hsf_message(self, products):
        return self.env._(
            "%(supplier)s has no valid HSF test report for: %(products)s.",
            supplier=self.partner_id.commercial_partner_id.display_name,
            products=", ".join(products.mapped("display_name")),
        )

    def button_validate(self):
        warning = self._qms_check_hsf_reports()
        if warning:
            return warning
        return super().button_validate()

    def _qms_check_hsf_reports(self):
        """ "block" refuses the receipts without a valid HSF report; "warn" answers
        the confirmation wizard listing them (like the backorder wizard). The
        wizard's confirmation skips the warning only: no context lifts a block."""
        warning_confirmed = self.env.context.get("qms_hsf_checked")
        to_warn = self.browse()
        for picking in self:
            mode = picking.company_id.qms_sample_hsf_receipt_check
            if mode == "none":
                continue
            missing = picking._qms_hsf_missing()
            if not missing:
                continue
            if mode == "block":
                raise UserError(
                    self.env._(
                        "%(message)s Register a valid report before receiving %(picking)s.",
                        message=picking._qms_hsf_message(missing),
                        picking=picking.name,
                    )
                )
            to_warn |= picking
        if not to_warn or warning_confirmed:
            return False
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receipt without a valid HSF report"),
            "res_model": "qms.hsf.receipt.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                **self.env.context,
                "default_picking_ids": self.ids,
                "default_warned_picking_ids": to_warn.ids,
            },
        }

    def _action_done(self):
        result = super()._action_done()
        samples = self.env["qms.sample"].sudo().search([("picking_id", "in", self.ids)])
        samples.filtered(lambda s: s.picking_id.state == "done")._on_delivery_done()
        return result
