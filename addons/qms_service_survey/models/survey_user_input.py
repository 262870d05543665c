from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        """Passing the service training exam qualifies the engineer (002 附件5)."""
        result = super()._mark_done()
        Qualification = self.env["qms.service.qualification"].sudo()
        for answer in self.sudo().filtered("scoring_success"):
            users = answer.partner_id.user_ids.filtered(lambda u: not u.share)
            companies = (
                self.env["res.company"]
                .sudo()
                .search([("qms_service_training_survey_id", "=", answer.survey_id.id)])
            )
            for user in users:
                for company in companies:
                    Qualification.create(
                        {
                            "user_id": user.id,
                            "company_id": company.id,
                            "method": "exam",
                            "score": answer.scoring_percentage,
                            "date_passed": fields.Date.to_date(
                                answer.end_datetime or fields.Datetime.now()
                            ),
                            "reference": answer.survey_id.title,
                        }
                    )
        return result
