from odoo import models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsServiceKpiXlsx(models.AbstractModel):
    """The survey score among the year-end score's components."""

    _inherit = "report.qms_service.service_kpi_xlsx"

    def _score_component_labels(self):
        return {**super()._score_component_labels(), "survey": self.env._("survey score")}

    def _score_component_columns(self):
        return [
            *super()._score_component_columns(),
            Column(self.env._("Surveys returned"), "survey_count", "int", 10),
            Column(self.env._("Survey score"), "survey_score", "float", 10),
        ]
