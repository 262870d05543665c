from odoo import fields, models

from .sale_order import SALES_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_payment_before_delivery = fields.Boolean(
        "Payment before delivery",
        groups=f"{SALES_GROUPS},account.group_account_invoice",
        help="先款后货: deliveries of this customer are validated only once finance confirmed "
        "the payment (seed 004 4.6.3).",
    )
    qms_order_review_count = fields.Integer(
        "Open order reviews", compute="_compute_qms_order_review_count", groups=SALES_GROUPS
    )

    def _open_order_review_counts(self):
        groups = self.env["qms.order.review"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", ("draft", "in_review", "objection")),
            ],
            ["partner_id"],
            ["__count"],
        )
        return {partner.id: count for partner, count in groups}

    def _compute_qms_order_review_count(self):
        counts = self._open_order_review_counts()
        for partner in self:
            partner.qms_order_review_count = counts.get(partner.commercial_partner_id.id, 0)

    def _qms_quality_counts(self):
        counts = super()._qms_quality_counts()
        for partner_id, count in self._open_order_review_counts().items():
            counts[partner_id] = counts.get(partner_id, 0) + count
        return counts

    def action_view_qms_order_reviews(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_order_review.qms_order_review_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        return action
