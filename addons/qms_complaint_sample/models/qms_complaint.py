from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsComplaint(models.Model):
    """The samples a complaint's analysis needs (003 5.4.5: brought back from
    the customer and labelled), created and followed from the complaint."""

    _inherit = "qms.complaint"

    analysis_sample_ids = fields.One2many(
        "qms.lab.sample", "complaint_id", string="Analysis samples"
    )
    analysis_sample_count = fields.Integer(
        "Analysis sample count", compute="_compute_analysis_sample_count"
    )

    @api.depends("analysis_sample_ids")
    def _compute_analysis_sample_count(self):
        for complaint in self:
            complaint.analysis_sample_count = len(complaint.analysis_sample_ids)

    def action_create_analysis_sample(self, origin="returned", quantity=None):
        """A labelled lab sample for this complaint's analysis; returns its form."""
        self.ensure_one()
        if self.state in ("cancelled", "rejected"):
            raise UserError(
                self.env._("%(number)s is closed: no sample is taken for it.", number=self.name)
            )
        sample = self.env["qms.lab.sample"].create(
            {
                "complaint_id": self.id,
                "complaint_origin": origin,
                "partner_id": self.partner_id.id,
                "commission_ref": self.name,
                "product_id": self.product_id.id,
                "model_name": self.product_id.display_name or self.title,
                "quantity": quantity or self.qty_defective or 1.0,
                "requested_tests": self.title,
                "disposal_way": "dispose",
                "company_id": self.company_id.id,
            }
        )
        self.message_post(
            body=self.env._("Analysis sample %(number)s registered.", number=sample.name),
            subtype_xmlid="mail.mt_note",
        )
        return sample._get_records_action(name=self.env._("Analysis sample"))

    def action_view_analysis_samples(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("qms_sample.qms_lab_sample_action")
        action.update(
            name=self.env._("Analysis samples of %(number)s", number=self.name),
            domain=[("complaint_id", "=", self.id)],
            context={"default_complaint_id": self.id, "default_commission_ref": self.name},
        )
        return action
