from odoo import models


class QmsSurveyVisit(models.Model):
    _inherit = "qms.survey.visit"

    def _earlier_feedback_items(self):
        """Before a customer's visit, its earlier complaints are shown too (004 4.1)."""
        items = super()._earlier_feedback_items()
        complaints = (
            self.env["qms.complaint"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", self.partner_id.commercial_partner_id.id),
                    ("feedback_type", "in", ("complaint", "suggestion")),
                ],
                order="date_received desc",
                limit=20,
            )
        )
        states = dict(self.env["qms.complaint"]._fields["state"]._description_selection(self.env))
        return [
            self.env._(
                "%(number)s %(date)s %(title)s (%(state)s)",
                number=complaint.name,
                date=complaint.date,
                title=complaint.title,
                state=states[complaint.state],
            )
            for complaint in complaints
        ] + items
