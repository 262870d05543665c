from odoo import api, fields, models

FINISHED_STATES = ("success", "failed")
OPEN_STATES = ("plan", "draft", "ready", "waiting")
# Who may read inspections (QMS users do): others see the documents without them.
INSPECTION_GROUP = "quality_control_oca.group_quality_control_user"


class QmsInspectionMixin(models.AbstractModel):
    """Quality inspections (OCA ``qc.inspection``) of a QMS document.

    A model inherits this; an inspection's ``object_id`` reference is the
    document (the model is added to the reference's models automatically):

        inspection = sample._qms_inspection_create(test, qty=5)

    The inspection runs OCA's flow (answer, confirm, approve); when it ends in
    success or failure the document hears of it through
    ``_qms_inspection_finished``.
    """

    _name = "qms.inspection.mixin"
    _description = "QMS Inspections"

    qms_inspection_ids = fields.Many2many(
        "qc.inspection",
        string="Inspections",
        compute="_compute_qms_inspection_ids",
        groups=INSPECTION_GROUP,
    )
    qms_inspection_count = fields.Integer(
        "Inspection count", compute="_compute_qms_inspection_ids", groups=INSPECTION_GROUP
    )
    qms_inspection_result = fields.Selection(
        [
            ("none", "No inspection"),
            ("pending", "Pending"),
            ("passed", "Passed"),
            ("failed", "Failed"),
        ],
        string="Inspection result",
        compute="_compute_qms_inspection_ids",
        groups=INSPECTION_GROUP,
        help="Cancelled inspections do not count. Failed as soon as one inspection failed; "
        "pending while one is still open; passed when all passed.",
    )

    def _compute_qms_inspection_ids(self):
        inspections = self.env["qc.inspection"].search(
            [("object_id", "in", [f"{self._name},{record_id}" for record_id in self.ids])]
        )
        by_document = {}
        for inspection in inspections:
            by_document.setdefault(inspection.object_id.id, []).append(inspection.id)
        for record in self:
            mine = inspections.browse(by_document.get(record.id, []))
            record.qms_inspection_ids = mine
            record.qms_inspection_count = len(mine)
            record.qms_inspection_result = mine._qms_result()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_qms_view_inspections(self):
        self.ensure_one()
        return self.qms_inspection_ids._get_records_action(
            name=self.env._("Inspections of %(document)s", document=self.display_name),
            context={
                "default_object_id": f"{self._name},{self.id}",
                "default_company_id": self._qms_inspection_company().id,
            },
        )

    # ------------------------------------------------------------------
    # API for the inheriting models
    # ------------------------------------------------------------------
    def _qms_inspection_create(self, test, qty=1.0, user=None):
        """A new inspection of the document with ``test``'s questions, ready to answer."""
        self.ensure_one()
        inspection_model = self.env["qc.inspection"]
        inspection = inspection_model.create(
            {
                "object_id": f"{self._name},{self.id}",
                "test": test.id,
                "qty": qty,
                "user": (user or self.env.user).id,
                "company_id": self._qms_inspection_company().id,
                "inspection_lines": inspection_model._prepare_inspection_lines(test),
            }
        )
        inspection.action_todo()
        return inspection

    @api.model
    def _qms_inspection_models(self):
        """Names of the concrete models that inherit this mixin."""
        names = self.env.registry.descendants([self._name], "_inherit")
        return [
            name for name in names if not self.env[name]._abstract and not self.env[name]._transient
        ]

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _qms_inspection_company(self):
        """The company of the document's inspections: the record's, else the current one."""
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else False
        return company or self.env.company

    def _qms_inspection_finished(self, inspections):
        """Called on the document when ``inspections`` of it are approved or failed."""
        return None
