from odoo import fields, models

ANSWER_TYPES = [("yes_no", "Yes / no"), ("text", "Text")]


class QmsServiceCallbackQuestion(models.Model):
    """A question asked on a callback of a given kind: the seed's upgrade
    callback (stable? problems solved? clear next arrangements?) and the
    quarterly satisfaction callback (002 四.4, 六)."""

    _name = "qms.service.callback.question"
    _description = "Callback Question"
    _order = "kind_id, sequence, id"

    kind_id = fields.Many2one(
        "qms.deadline.kind",
        string="Callback kind",
        required=True,
        ondelete="cascade",
        domain=[("model", "=", "qms.callback")],
    )
    sequence = fields.Integer(default=10)
    name = fields.Char("Question", required=True, translate=True)
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="yes_no")
    active = fields.Boolean(default=True)
