from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsSurveyVisit(models.Model):
    """客户访厂 (004 客户服务控制程序 4.1): the customer visits us. A notice goes to
    the departments (customer, focus topics, who accompanies); the earlier
    complaints and suggestions of the customer are shown to prepare; the visit
    record keeps the customer's opinions (the conclusions)."""

    _inherit = "qms.survey.visit"  # pylint: disable=consider-merging-classes-inherited

    attendee_ids = fields.Many2many(
        "res.users",
        "qms_survey_visit_attendee_rel",
        string="Accompanied by",
        domain=[("share", "=", False)],
    )
    department_ids = fields.Many2many(
        "hr.department", "qms_survey_visit_department_rel", string="Departments informed"
    )
    date_notice_sent = fields.Datetime("Notice sent on", readonly=True, copy=False)
    earlier_feedback = fields.Html(
        "Earlier complaints and suggestions",
        compute="_compute_earlier_feedback",
        help="What the customer raised before: to prepare the visit.",
    )

    @api.depends("partner_id", "visit_type")
    def _compute_earlier_feedback(self):
        for visit in self:
            items = visit._earlier_feedback_items() if visit.partner_id else []
            visit.earlier_feedback = (
                Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % i for i in items)
                if items
                else False
            )

    def _earlier_feedback_items(self):
        """Lines about the customer's earlier feedback: the suggestions and low scores
        of the satisfaction surveys (the complaints app adds the complaints)."""
        self.ensure_one()
        capas = (
            self.env["qms.capa"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.partner_id.commercial_partner_id.id),
                    ("survey_kind", "in", ("suggestion", "low_item", "low_total")),
                ],
                order="id desc",
                limit=20,
            )
        )
        states = dict(self.env["qms.capa"]._fields["state"]._description_selection(self.env))
        return [
            self.env._(
                "%(number)s %(title)s (%(state)s)",
                number=capa.name,
                title=capa.survey_suggestion or capa.title,
                state=states[capa.state],
            )
            for capa in capas
        ]

    def action_send_notice(self):
        """客户访厂通知: tell the departments and the people who accompany."""
        for visit in self:
            if visit.visit_type != "factory":
                raise UserError(self.env._("Only a customer's visit to us has a notice."))
            if visit.state != "planned":
                raise UserError(self.env._("The visit is no longer planned."))
            recipients = visit.attendee_ids.partner_id | (
                visit.department_ids.manager_id.user_id.partner_id
            )
            if not recipients:
                raise UserError(self.env._("Name who accompanies or which departments to inform."))
            visit.message_subscribe(partner_ids=recipients.ids)
            body = Markup("<p>%s</p>") % self.env._(
                "%(customer)s visits us on %(date)s: %(purpose)s",
                customer=visit.partner_id.display_name,
                date=visit.date_planned,
                purpose=visit.purpose,
            )
            if visit.topics:
                body += visit.topics
            if visit.earlier_feedback:
                body += Markup("<p>%s</p>") % self.env._("Earlier complaints and suggestions:")
                body += visit.earlier_feedback
            visit.message_post(
                body=body,
                subject=self.env._("Customer visit: %(customer)s", customer=visit.partner_id.name),
                partner_ids=recipients.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
            visit._qms_workflow_write({"date_notice_sent": fields.Datetime.now()})
        return True
