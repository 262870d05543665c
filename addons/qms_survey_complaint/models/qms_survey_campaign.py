from odoo import models


class QmsSurveyCampaign(models.Model):
    _inherit = "qms.survey.campaign"

    def _create_capas(self, vals_list):
        """With the complaints app, each survey corrective action also runs as an
        internal complaint (8D-capable), which replaces the bare activity."""
        capas = super()._create_capas(vals_list)
        for capa in capas:
            complaint = self.env["qms.complaint"].create(capa._survey_complaint_values())
            capa._qms_workflow_write({"survey_complaint_id": complaint.id})
        capas.activity_unlink([capas._activity_type_xmlid()])
        return capas
