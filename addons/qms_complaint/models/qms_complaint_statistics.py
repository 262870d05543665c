from collections import Counter, defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def _half_year_start(day):
    return date(day.year, 1 if day.month <= 6 else 7, 1)


class QmsComplaintStatistics(models.Model):
    """The written half-yearly statistics of customer complaints and opinions
    (000 顾客满意度评价控制程序 4.1.4, 4.2.2), kept, with the recurring
    complaints classified for the management review (001 6.6.2)."""

    _name = "qms.complaint.statistics"
    _description = "Complaint Statistics (half-year)"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(
        "From",
        required=True,
        default=lambda self: _half_year_start(fields.Date.context_today(self)),
    )
    date_to = fields.Date(
        "To",
        required=True,
        default=lambda self: (
            _half_year_start(fields.Date.context_today(self)) + relativedelta(months=6, days=-1)
        ),
    )
    user_id = fields.Many2one("res.users", string="Written by", default=lambda self: self.env.user)
    analysis = fields.Html(help="The sales department's written analysis.")
    conclusions = fields.Html("Conclusions of the management review")
    complaint_count = fields.Integer("Complaints", compute="_compute_counts")
    recurring_count = fields.Integer("Recurring complaints", compute="_compute_counts")

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for stats in self:
            stats.name = self.env._(
                "Complaint statistics %(start)s – %(end)s",
                start=stats.date_from or "",
                end=stats.date_to or "",
            )

    @api.depends("date_from", "date_to", "company_id")
    def _compute_counts(self):
        for stats in self:
            complaints = stats._complaints()
            stats.complaint_count = len(
                complaints.filtered(lambda c: c.feedback_type == "complaint")
            )
            stats.recurring_count = len(stats._recurring(complaints))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for stats in self:
            if stats.date_to < stats.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    # ------------------------------------------------------------------
    # Data the PDF and the XLSX read
    # ------------------------------------------------------------------
    def _complaints(self):
        """Every customer feedback of the period (the internal ones left out)."""
        self.ensure_one()
        if not (self.date_from and self.date_to):
            return self.env["qms.complaint"]
        return self.env["qms.complaint"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("feedback_type", "!=", "internal"),
            ],
            order="date_received",
        )

    def _recurring(self, complaints):
        """Complaints of a product (and defect) complained of more than once, or
        marked as a repeat of an earlier one."""
        complaints = complaints.filtered(lambda c: c.feedback_type == "complaint")
        keys = Counter((c.product_id.id, c.defect_id.id) for c in complaints if c.product_id)
        return complaints.filtered(
            lambda c: c.is_repeat or (c.product_id and keys[(c.product_id.id, c.defect_id.id)] > 1)
        )

    def _statistics(self):
        """``{"types": [(label, count)], "categories": …, "customers": …,
        "products": …, "months": [(month, count)], "recurring": [(class label,
        [complaints])], "open": count, "closed": count}``."""
        self.ensure_one()
        everything = self._complaints()
        complaints = everything.filtered(lambda c: c.feedback_type == "complaint")
        Complaint = self.env["qms.complaint"]
        types = dict(Complaint._fields["feedback_type"]._description_selection(self.env))
        classes = dict(Complaint._fields["recurrence_class"]._description_selection(self.env))
        none = self.env._("Not classified")

        def count(records, key):
            return sorted(Counter(key(c) for c in records).items(), key=lambda x: (-x[1], x[0]))

        recurring = defaultdict(lambda: Complaint)
        for complaint in self._recurring(everything):
            recurring[complaint.recurrence_class or False] |= complaint
        return {
            "types": count(everything, lambda c: types[c.feedback_type]),
            "categories": count(complaints, lambda c: c.category_id.name or none),
            "customers": count(complaints, lambda c: c.commercial_partner_id.name or none),
            "products": count(complaints, lambda c: c.product_id.display_name or none),
            "months": sorted(Counter(c.date.strftime("%Y-%m") for c in complaints).items()),
            "recurring": [
                (classes.get(key) or none, records)
                for key, records in sorted(recurring.items(), key=lambda x: str(x[0]))
            ],
            "closed": len(complaints.filtered(lambda c: c.state in ("closed", "rejected"))),
            "open": len(complaints.filtered(lambda c: c.state in ("draft", "in_progress"))),
            "severe": len(complaints.filtered("is_severe")),
        }
