from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    """The QMS settings page. Addons add their numbers here.

    A number stored on a deadline kind is exposed by extending
    ``_qms_kind_fields()``: ``{"settings_field": ("module.kind_xmlid", "kind_field")}``;
    reading and saving are handled once, here, with the values of the
    settings' company (a kind's numbers are company-dependent).
    """

    _inherit = "res.config.settings"

    qms_calendar_id = fields.Many2one(
        related="company_id.qms_calendar_id", readonly=False, string="Working calendar"
    )
    qms_escalation_user_id = fields.Many2one(
        related="company_id.qms_escalation_user_id", readonly=False, string="Escalation fallback"
    )
    qms_callback_attempts = fields.Integer(
        related="company_id.qms_callback_attempts", readonly=False, string="Callback attempts"
    )
    qms_deadline_batch_size = fields.Integer(
        "Deadline batch size",
        config_parameter="qms_base.deadline_batch_size",
        default=1000,
        help="Overdue deadlines handled per committed batch by the scheduler.",
    )

    qms_escalation_warning = fields.Char(
        "Escalation configuration", compute="_compute_qms_escalation_warning"
    )

    @api.depends("qms_escalation_user_id", "company_id")
    def _compute_qms_escalation_warning(self):
        """What happens to an escalation that finds nobody (an owner without a
        manager): said on the page when no fallback user is set."""
        managers = self.env.ref("qms_base.group_qms_manager").sudo().users
        for settings in self:
            company = settings.company_id
            if settings.qms_escalation_user_id:
                settings.qms_escalation_warning = False
                continue
            names = managers.filtered(
                lambda u, c=company: u.active and not u.share and c in u.company_ids
            ).mapped("name")
            settings.qms_escalation_warning = (
                self.env._(
                    "No fallback user: escalations that find no manager go to the QMS managers "
                    "(%(names)s).",
                    names=", ".join(names),
                )
                if names
                else self.env._(
                    "No fallback user and no QMS manager in this company: escalations that find "
                    "no manager reach nobody. Set a fallback user."
                )
            )

    @api.constrains("qms_deadline_batch_size")
    def _check_qms_deadline_batch_size(self):
        for settings in self:
            if settings.qms_deadline_batch_size <= 0:
                raise ValidationError(
                    self.env._("The deadline batch size must be a positive number of rows.")
                )

    @api.model
    def _qms_kind_fields(self):
        return {}

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # the settings' company is the current one (company_id's default)
        for name, (xmlid, kind_field) in self._qms_kind_fields().items():
            kind = self.env.ref(xmlid, raise_if_not_found=False)
            if name in fields_list and kind:
                values[name] = kind.with_company(self.env.company)[kind_field]
        return values

    def set_values(self):
        result = super().set_values()
        for name, (xmlid, kind_field) in self._qms_kind_fields().items():
            kind = self.env.ref(xmlid, raise_if_not_found=False)
            kind = kind.with_company(self.company_id) if kind else kind
            if kind and kind[kind_field] != self[name]:
                kind.write({kind_field: self[name]})
        return result

    def action_qms_open_holiday_import(self):
        return self.env["ir.actions.act_window"]._for_xml_id("qms_base.qms_holiday_import_action")
