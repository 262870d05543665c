from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

AREAS = [
    ("receiving", "Sample receiving room"),
    ("test_lab", "Test laboratory"),
    ("storage", "Sample storage"),
    ("customer", "Customer"),
    ("engineering", "Manufacturing engineering"),
]
SEAL_STATES = [
    ("none", "Not sealed"),
    ("intact", "Seal intact"),
    ("broken", "Seal broken or damaged"),
]


class QmsLabSampleTransfer(models.Model):
    """One handover of a lab sample on its transfer slip (流转单; 实验室样品管理程序
    4.1.1 a/c, 检测样品的处置管理程序 4.1.5): from whom to whom, when, whether the
    sample matched the slip and its seal was intact. A mismatch or a broken seal
    tells the technical responsible (技术负责人)."""

    _name = "qms.lab.sample.transfer"
    _description = "Lab Sample Handover"
    _order = "date desc, id desc"

    lab_sample_id = fields.Many2one(
        "qms.lab.sample", string="Lab sample", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="lab_sample_id.company_id", store=True, index=True)
    date = fields.Datetime("Handed over on", required=True, default=fields.Datetime.now)
    from_area = fields.Selection(AREAS, string="From", required=True)
    to_area = fields.Selection(AREAS, string="To", required=True)
    from_user_id = fields.Many2one(
        "res.users",
        string="Handed over by",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    to_user_id = fields.Many2one(
        "res.users", string="Received by", required=True, domain=[("share", "=", False)]
    )
    state_matches = fields.Boolean(
        "Matches the transfer slip",
        default=True,
        help="The sample's state, quantity and identification match what the slip says.",
    )
    seal_state = fields.Selection(
        SEAL_STATES,
        string="Seal",
        required=True,
        default="none",
        help="For a sample delivered sealed: is the seal complete and valid, the sample "
        "undamaged by the transport?",
    )
    note = fields.Text("Notes")
    is_anomaly = fields.Boolean(
        "Anomaly", compute="_compute_is_anomaly", store=True, help="Mismatch or broken seal."
    )

    @api.depends("state_matches", "seal_state")
    def _compute_is_anomaly(self):
        for transfer in self:
            transfer.is_anomaly = not transfer.state_matches or transfer.seal_state == "broken"

    @api.constrains("from_area", "to_area")
    def _check_areas(self):
        for transfer in self:
            if transfer.from_area == transfer.to_area:
                raise ValidationError(self.env._("A handover goes from one place to another."))

    @api.constrains("seal_state", "lab_sample_id")
    def _check_seal(self):
        for transfer in self:
            if transfer.lab_sample_id.sealed_delivery and transfer.seal_state == "none":
                raise ValidationError(
                    self.env._(
                        "%(number)s was delivered sealed: check its seal at each handover.",
                        number=transfer.lab_sample_id.name,
                    )
                )

    @api.constrains("state_matches", "seal_state", "note")
    def _check_note(self):
        for transfer in self:
            anomaly = not transfer.state_matches or transfer.seal_state == "broken"
            if anomaly and not (transfer.note or "").strip():
                raise ValidationError(
                    self.env._("Describe what did not match, or how the seal was found.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        transfers = super().create(vals_list)
        transfers.filtered("is_anomaly")._notify_technical_responsible()
        for transfer in transfers:
            transfer.lab_sample_id.message_post(
                body=transfer._summary(), subtype_xmlid="mail.mt_note"
            )
        return transfers

    def write(self, vals):
        clean = self.filtered(lambda t: not t.is_anomaly)
        result = super().write(vals)
        clean.filtered("is_anomaly")._notify_technical_responsible()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A handover on the transfer slip is a record: never deleted."))

    def _area_label(self, area):
        return dict(self._fields["from_area"]._description_selection(self.env))[area]

    def _summary(self):
        self.ensure_one()
        summary = self.env._(
            "Handed over from %(from_area)s (%(from_user)s) to %(to_area)s (%(to_user)s).",
            from_area=self._area_label(self.from_area),
            from_user=self.from_user_id.name,
            to_area=self._area_label(self.to_area),
            to_user=self.to_user_id.name,
        )
        if self.is_anomaly:
            summary += " " + self.env._("Anomaly: %(note)s", note=self.note)
        return summary

    def _notify_technical_responsible(self):
        """4.1.5: damage found in a handover is reported to the technical responsible."""
        for transfer in self:
            sample = transfer.lab_sample_id
            user = (
                sample.company_id.qms_lab_technical_user_id
                or sample.company_id.qms_escalation_user_id
            )
            if not user:
                continue
            problems = []
            if not transfer.state_matches:
                problems.append(self.env._("does not match its transfer slip"))
            if transfer.seal_state == "broken":
                problems.append(self.env._("its seal is broken or damaged"))
            sample.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=self.env._(
                    "Lab sample %(number)s handed over: %(problems)s",
                    number=sample.name,
                    problems=self.env._(" and ").join(problems),
                ),
                note=transfer.note,
            )
