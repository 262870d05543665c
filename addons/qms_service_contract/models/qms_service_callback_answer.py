from odoo import fields, models


class QmsServiceCallbackAnswer(models.Model):
    """The customer's answer to one question of a callback."""

    _name = "qms.service.callback.answer"
    _description = "Callback Answer"
    _order = "callback_id, sequence, id"

    callback_id = fields.Many2one("qms.callback", required=True, index=True, ondelete="cascade")
    question_id = fields.Many2one(
        "qms.service.callback.question",
        string="Question template",
        required=True,
        ondelete="restrict",
    )
    sequence = fields.Integer(related="question_id.sequence", store=True)
    name = fields.Char(related="question_id.name", string="Question")
    answer_type = fields.Selection(related="question_id.answer_type")
    answer_yes_no = fields.Selection([("yes", "Yes"), ("no", "No")], string="Yes / no")
    answer_text = fields.Text("Answer")
