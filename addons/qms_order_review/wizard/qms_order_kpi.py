from markupsafe import Markup, escape

from odoo import api, fields, models


class QmsOrderKpi(models.TransientModel):
    """Order review KPIs over a period (IATF 16949 8.2.3): review lead time
    and on-time delivery are read from the deadline rows (one definition of
    "on time"), the rest from the records."""

    _name = "qms.order.kpi"
    _description = "Order Review KPIs"

    date_from = fields.Date("From", required=True, default=lambda self: self._default_from())
    date_to = fields.Date("To", required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    review_count = fields.Integer("Reviews approved", compute="_compute_kpis")
    review_hours = fields.Float("Review lead time (working hours)", compute="_compute_kpis")
    review_on_time_rate = fields.Float("Reviews on time (%)", compute="_compute_kpis")
    unreviewed_count = fields.Integer(
        "Orders confirmed without review", compute="_compute_kpis", help="Should be 0."
    )
    change_count = fields.Integer("Change notices", compute="_compute_kpis")
    change_by_customer = fields.Html(
        "Change notices per customer", compute="_compute_kpis", sanitize=False
    )
    delivery_count = fields.Integer("Orders delivered", compute="_compute_kpis")
    on_time_delivery_rate = fields.Float("On-time delivery (%)", compute="_compute_kpis")
    oqc_count = fields.Integer("Deliveries inspected", compute="_compute_kpis")
    oqc_first_pass_rate = fields.Float("OQC first-pass rate (%)", compute="_compute_kpis")

    @api.model
    def _default_from(self):
        return fields.Date.context_today(self).replace(month=1, day=1)

    @api.depends("date_from", "date_to", "company_id")
    def _compute_kpis(self):
        for wizard in self:
            kpis = wizard._kpis()
            wizard.update({name: value for name, value in kpis.items() if name != "by_customer"})
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (escape(name), count)
                for name, count in kpis["by_customer"]
            )
            wizard.change_by_customer = (
                Markup("<table class='table table-sm'><tbody>%s</tbody></table>") % rows
                if rows
                else False
            )

    def _kpis(self):
        """The KPIs of the period as a dict (also used by the benchmark)."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to).replace(hour=23, minute=59, second=59)
        company = [("company_id", "=", self.company_id.id)]
        period = [("date_done", ">=", start), ("date_done", "<=", end)]
        deadline = self.env["qms.deadline"].sudo()
        review_kind = self.env.ref("qms_order_review.deadline_kind_review")
        delivery_kind = self.env.ref("qms_order_review.deadline_kind_delivery")
        [(review_count, review_hours, review_on_time)] = deadline._read_group(
            [*company, *period, ("kind_id", "=", review_kind.id), ("state", "=", "done")],
            [],
            ["__count", "working_hours_taken:avg", "on_time_rate:avg"],
        )
        [(delivery_count, on_time_delivery)] = deadline._read_group(
            [*company, *period, ("kind_id", "=", delivery_kind.id), ("state", "=", "done")],
            [],
            ["__count", "on_time_rate:avg"],
        )
        orders = self.env["sale.order"].sudo()
        unreviewed = orders.search_count(
            [
                *company,
                ("state", "=", "sale"),
                ("qms_review_at_confirm", "=", "missing"),
                ("date_order", ">=", start),
                ("date_order", "<=", end),
            ]
        )
        change_domain = [
            *company,
            ("state", "in", ("notified", "closed")),
            ("date", ">=", start),
            ("date", "<=", end),
        ]
        changes = self.env["qms.order.change"].sudo()
        by_customer = [
            (partner.display_name, count)
            for partner, count in changes._read_group(
                change_domain, ["partner_id"], ["__count"], order="__count desc"
            )
        ]
        reports = self.env["qms.shipment.report"].sudo()
        inspected = reports.search(
            [*company, ("state", "in", ("passed", "failed")), *period]
        ).picking_id
        first_pass = reports.search_count(
            [("picking_id", "in", inspected.ids), ("first_pass", "=", True)]
        )
        return {
            "review_count": review_count,
            "review_hours": review_hours or 0.0,
            "review_on_time_rate": review_on_time or 0.0,
            "unreviewed_count": unreviewed,
            "change_count": sum(count for _name, count in by_customer),
            "by_customer": by_customer,
            "delivery_count": delivery_count,
            "on_time_delivery_rate": on_time_delivery or 0.0,
            "oqc_count": len(inspected),
            "oqc_first_pass_rate": 100.0 * first_pass / len(inspected) if inspected else 0.0,
        }
