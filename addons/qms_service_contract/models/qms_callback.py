from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsCallback(models.Model):
    """Callbacks of the service kinds carry the seed's questions: one answer
    line per question, created with the callback; a reached call needs every
    yes/no question answered; "positive" means every one answered yes."""

    _inherit = "qms.callback"

    qms_answer_ids = fields.One2many(
        "qms.service.callback.answer", "callback_id", string="Questions"
    )
    qms_answers_positive = fields.Boolean(
        "Positive answer",
        compute="_compute_qms_answers_positive",
        help="Reached, and every yes/no question answered yes.",
    )

    @api.depends("state", "qms_answer_ids.answer_yes_no")
    def _compute_qms_answers_positive(self):
        for callback in self:
            closed = callback.qms_answer_ids.filtered(lambda a: a.answer_type == "yes_no")
            callback.qms_answers_positive = callback.state == "done" and all(
                answer.answer_yes_no == "yes" for answer in closed
            )

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        questions = self.env["qms.service.callback.question"].search(
            [("kind_id", "in", callbacks.kind_id.ids)]
        )
        self.env["qms.service.callback.answer"].sudo().create(
            [
                {"callback_id": callback.id, "question_id": question.id}
                for callback in callbacks
                for question in questions
                if question.kind_id == callback.kind_id
            ]
        )
        return callbacks

    def action_reached(self):
        for callback in self:
            missing = callback.qms_answer_ids.filtered(
                lambda a: a.answer_type == "yes_no" and not a.answer_yes_no
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Callback %(number)s: answer “%(question)s” before closing the call.",
                        number=callback.name,
                        question=missing[0].name,
                    )
                )
        return super().action_reached()

    def _qms_service_answers_text(self):
        """The questions and answers, one per line (mails, chatter)."""
        self.ensure_one()
        labels = dict(
            self.env["qms.service.callback.answer"]
            ._fields["answer_yes_no"]
            ._description_selection(self.env)
        )
        lines = []
        for answer in self.qms_answer_ids:
            value = (
                labels.get(answer.answer_yes_no, "")
                if answer.answer_type == "yes_no"
                else answer.answer_text or ""
            )
            lines.append(f"{answer.name} {value}")
        return "\n".join(lines)
