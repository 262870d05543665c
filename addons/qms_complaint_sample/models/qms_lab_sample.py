from odoo import fields, models

ORIGINS = [
    ("returned", "Returned by the customer"),
    ("visit", "Brought back from a customer visit"),
    ("stock", "Taken from our stock"),
]


class QmsLabSample(models.Model):
    """A sample taken for a complaint's analysis (003 5.4.5): labelled, and
    followed from the complaint."""

    _inherit = "qms.lab.sample"

    complaint_id = fields.Many2one("qms.complaint", index="btree_not_null", tracking=True)
    complaint_origin = fields.Selection(ORIGINS, string="Where it comes from")

    def _qms_lab_state_changed(self):
        result = super()._qms_lab_state_changed()
        labels = dict(self._fields["state"]._description_selection(self.env))
        for sample in self.filtered("complaint_id"):
            sample.complaint_id.message_post(
                body=self.env._(
                    "Analysis sample %(number)s: %(state)s.",
                    number=sample.name,
                    state=labels[sample.state],
                ),
                subtype_xmlid="mail.mt_note",
            )
        return result
