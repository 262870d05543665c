from odoo import models

# What a finished internal complaint means for the survey action behind it.
CAPA_OUTCOME = {"closed": "done", "rejected": "cancelled", "cancelled": "cancelled"}


class QmsComplaint(models.Model):
    _inherit = "qms.complaint"

    def write(self, vals):
        result = super().write(vals)
        outcome = CAPA_OUTCOME.get(vals.get("state"))
        if outcome:
            for complaint in self:
                complaint._finish_survey_capas(outcome)
        return result

    def _finish_survey_capas(self, outcome):
        """The complaint is finished: its open survey actions are done (the
        complaint is their result) or cancelled with it."""
        self.ensure_one()
        capas = self.env["qms.capa"].search(
            [("survey_complaint_id", "=", self.id), ("state", "=", "open")]
        )
        if not capas:
            return
        if outcome == "cancelled":
            capas.action_cancel()
            return
        for capa in capas.filtered(lambda c: not (c.result or "").strip()):
            capa.result = self.env._(
                "Handled as internal complaint %(complaint)s.", complaint=self.display_name
            )
        capas.action_done()
