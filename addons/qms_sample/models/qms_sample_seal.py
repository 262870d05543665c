from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

QMS_USER = "qms_base.group_qms_user"
ENGINEERING_SUPERVISOR = "qms_sample.group_qms_sample_engineering_supervisor"
QA_SUPERVISOR = "qms_sample.group_qms_sample_qa_supervisor"
DISPOSAL_METHODS = [
    ("scrap", "Scrapped"),
    ("return", "Returned to its owner"),
    ("manufacturing", "Handed to manufacturing engineering"),
]


class QmsSample(models.Model):
    """Sealed reference samples (封样, 004 5.1.2): sealed once both the
    engineering supervisor and the QA supervisor (two different people)
    approved it, stored at a location, valid for a period with reminders
    before it expires and re-validation, lent and returned, disposed."""

    _inherit = "qms.sample"  # pylint: disable=consider-merging-classes-inherited

    engineering_signer_id = fields.Many2one(
        "res.users", string="Engineering supervisor", readonly=True, copy=False
    )
    date_engineering_signed = fields.Datetime(
        "Engineering signed on", readonly=True, copy=False, groups=QMS_USER
    )
    qa_signer_id = fields.Many2one("res.users", string="QA supervisor", readonly=True, copy=False)
    date_qa_signed = fields.Datetime("QA signed on", readonly=True, copy=False, groups=QMS_USER)
    storage_location_id = fields.Many2one(
        "stock.location",
        string="Storage location",
        domain="[('usage', '=', 'internal')]",
        tracking=True,
        groups=QMS_USER,
    )
    custodian_id = fields.Many2one(
        "res.users",
        string="Keeper",
        domain=[("share", "=", False)],
        groups=QMS_USER,
        help="004 3.2.3: QA manages the use, return and validity of sealed samples.",
    )
    validity_months = fields.Integer(
        "Validity (months)", help="0: the sample kind's, else the company's default."
    )
    date_sealed = fields.Datetime("Sealed on", readonly=True, copy=False, tracking=True)
    date_validity_start = fields.Datetime("Valid from", readonly=True, copy=False)
    date_expiry = fields.Date(
        "Valid until", compute="_compute_date_expiry", store=True, tracking=True
    )
    is_expired = fields.Boolean(
        "Expired", compute="_compute_is_expired", search="_search_is_expired"
    )
    disposal_method = fields.Selection(
        DISPOSAL_METHODS, string="Disposed how", readonly=True, copy=False
    )
    disposal_reason = fields.Text("Disposal record", readonly=True, copy=False)
    date_disposed = fields.Datetime("Disposed on", readonly=True, copy=False)
    disposed_by_id = fields.Many2one(
        "res.users", string="Disposed by", readonly=True, copy=False, groups=QMS_USER
    )

    @api.depends("date_validity_start", "validity_months", "kind_id.validity_months")
    def _compute_date_expiry(self):
        for sample in self:
            months = sample._validity_months()
            start = sample.date_validity_start
            sample.date_expiry = (
                fields.Date.to_date(start) + relativedelta(months=months)
                if start and months
                else False
            )

    @api.depends("date_expiry")
    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for sample in self:
            sample.is_expired = bool(sample.date_expiry) and sample.date_expiry < today

    def _search_is_expired(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on expired samples."))
        expired = [("date_expiry", "<", fields.Date.context_today(self))]
        return expired if (operator == "=") == bool(value) else ["!", *expired]

    @api.constrains("validity_months")
    def _check_validity_months(self):
        for sample in self:
            if sample.validity_months < 0:
                raise UserError(self.env._("A validity period cannot be negative."))

    def _validity_months(self):
        self.ensure_one()
        return (
            self.validity_months
            or self.kind_id.validity_months
            or self.company_id.qms_sample_validity_months
        )

    # ------------------------------------------------------------------
    # The two supervisors' signatures
    # ------------------------------------------------------------------
    def _signable_states(self):
        return ("accepted",)

    def action_sign_engineering(self):
        return self._sign("engineering")

    def action_sign_qa(self):
        return self._sign("qa")

    def _sign(self, role):
        user = self.env.user
        group, field, date_field, other_field, label = {
            "engineering": (
                ENGINEERING_SUPERVISOR,
                "engineering_signer_id",
                "date_engineering_signed",
                "qa_signer_id",
                self.env._("engineering supervisor"),
            ),
            "qa": (
                QA_SUPERVISOR,
                "qa_signer_id",
                "date_qa_signed",
                "engineering_signer_id",
                self.env._("QA supervisor"),
            ),
        }[role]
        if not user.has_group(group):
            raise UserError(self.env._("Only the %(role)s signs here.", role=label))
        for sample in self:
            if sample.state not in sample._signable_states():
                raise UserError(
                    self.env._(
                        "%(number)s is “%(state)s”: it cannot be signed now.",
                        number=sample.name,
                        state=sample._state_label(),
                    )
                )
            if sample[field]:
                raise UserError(
                    self.env._(
                        "%(number)s is already signed by %(user)s.",
                        number=sample.name,
                        user=sample[field].name,
                    )
                )
            if sample[other_field] == user:
                raise UserError(
                    self.env._(
                        "%(user)s already signed %(number)s: the engineering and the QA "
                        "supervisor are two different people.",
                        user=user.name,
                        number=sample.name,
                    )
                )
            sample._qms_workflow_write({field: user.id, date_field: fields.Datetime.now()})
        return True

    def _check_signatures(self):
        self.ensure_one()
        if not (self.engineering_signer_id and self.qa_signer_id):
            raise UserError(
                self.env._(
                    "%(number)s needs both the engineering supervisor's and the QA "
                    "supervisor's signatures.",
                    number=self.name,
                )
            )
        if self.engineering_signer_id == self.qa_signer_id:
            raise UserError(
                self.env._("The two signatures of %(number)s are one person's.", number=self.name)
            )

    # ------------------------------------------------------------------
    # Sealing, validity, disposal
    # ------------------------------------------------------------------
    def action_seal(self):
        self._qms_ensure_state("accepted")
        now = fields.Datetime.now()
        for sample in self:
            sample._check_signatures()
            if not sample.storage_location_id:
                raise UserError(
                    self.env._("Choose where %(number)s is stored.", number=sample.name)
                )
            sample._qms_workflow_write(
                {"state": "sealed", "date_sealed": now, "date_validity_start": now}
            )
            sample._open_validity()
        return True

    def _open_validity(self):
        for sample in self.filtered("date_expiry"):
            now = fields.Datetime.now()
            due = max(sample._end_of_day(sample.date_expiry), now)
            sample._qms_deadline_open("validity", start=now, due=due)

    def action_revalidate(self):
        """QA checked the sealed sample again: a new validity period starts."""
        self._qms_ensure_state("sealed")
        if not self.env.user.has_group(QA_SUPERVISOR):
            raise UserError(self.env._("Only a QA supervisor re-validates a sealed sample."))
        for sample in self:
            sample._qms_deadline_close("validity")
            sample._qms_workflow_write({"date_validity_start": fields.Datetime.now()})
            sample._open_validity()
            sample.message_post(
                body=self.env._("Re-validated until %(date)s.", date=sample.date_expiry),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_dispose(self, method=None, reason=None):
        """The disposal record: how, why, by whom (004 3.2.3)."""
        self._qms_ensure_state("accepted", "rejected", "sealed")
        if method not in dict(DISPOSAL_METHODS):
            raise UserError(self.env._("Choose how the sample is disposed of."))
        if not (reason or "").strip():
            raise UserError(self.env._("Record why and how the sample is disposed of."))
        for sample in self:
            sample._check_disposable()
            sample._qms_workflow_write(
                {
                    "disposal_method": method,
                    "disposal_reason": reason,
                    "state": "disposed",
                    "date_disposed": fields.Datetime.now(),
                    "disposed_by_id": self.env.user.id,
                }
            )
            sample._qms_deadline_cancel()
            sample.copy_ids.action_archive()
        return True

    def _check_disposable(self):
        """Hook: the loan concern refuses a sample that is lent out."""
        return None

    def _qms_deadline_reached(self, deadlines, level):
        result = super()._qms_deadline_reached(deadlines, level)
        if level == "owner":
            validity = deadlines.filtered(lambda d: d.kind_id.code == "validity")
            for sample in self.browse(validity.mapped("res_id")):
                sample.message_post(
                    body=self.env._(
                        "The sealed sample expired on %(date)s: re-validate or dispose of it.",
                        date=sample.date_expiry,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return result
