from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.qms_base.tools.composer import composer_action

LAB_STATES = [
    ("received", "Received"),
    ("awaiting", "Awaiting test"),
    ("in_test", "In test"),
    ("tested", "Tested"),
    ("returned", "Returned"),
    ("disposed", "Disposed"),
]
DISPOSAL_WAYS = [
    ("return", "Returned to the customer"),
    ("dispose", "Disposed by manufacturing engineering"),
]
RECEIPT_CHECKS = (
    "check_packaging",
    "check_appearance",
    "check_quantity",
    "check_model",
    "check_specification",
    "check_grade",
    "check_complete",
)


class QmsLabSample(models.Model):
    """A sample received by the laboratory (实验室样品管理程序; 检测样品的处置管理程序):
    receipt checks, commission, label, tests, storage, return or disposal."""

    _name = "qms.lab.sample"
    _description = "Lab Sample"
    # What the form shows read-only once the record has left tested.
    _qms_frozen_fields = {"closing_note": ("tested",)}
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "qms.sequence.mixin",
        "qms.inspection.mixin",
        "qms.workflow.mixin",
    ]
    _qms_workflow_fields = ("state", "name", "tests_done", "date_tested", "date_closed")
    _order = "date_received desc, id desc"
    _qms_sequence_code = "qms.lab.sample"

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        LAB_STATES, required=True, default="received", readonly=True, copy=False, tracking=True
    )
    partner_id = fields.Many2one("res.partner", string="Commissioned by", tracking=True)
    commission_ref = fields.Char(
        "Commission number", required=True, help="见证取样送样委托单: the commission form's number."
    )
    product_id = fields.Many2one("product.product")
    model_name = fields.Char("Model", required=True)
    specification = fields.Char()
    grade = fields.Char()
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    requested_tests = fields.Text("Tests requested")
    date_received = fields.Datetime("Received on", required=True, default=fields.Datetime.now)
    received_by_id = fields.Many2one(
        "res.users",
        string="Received by",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    check_packaging = fields.Boolean("Packaging intact")
    check_appearance = fields.Boolean("Appearance checked")
    check_quantity = fields.Boolean("Quantity checked")
    check_model = fields.Boolean("Model checked")
    check_specification = fields.Boolean("Specification checked")
    check_grade = fields.Boolean("Grade checked")
    check_complete = fields.Boolean("Accessories and documents complete")
    check_fit = fields.Boolean("Fit for the test requested")
    receipt_notes = fields.Text(
        "Anomalies at receipt", help="4.2.1: what did not match, and what the customer said."
    )
    disposal_way = fields.Selection(
        DISPOSAL_WAYS,
        string="After the test",
        required=True,
        default="return",
        help="Agreed with the customer at receipt.",
    )
    storage_conditions = fields.Char("Storage conditions", help="E.g. 23±2 °C, 50 % RH, dry.")
    location_id = fields.Many2one(
        "stock.location", string="Stored at", domain="[('usage', '=', 'internal')]"
    )
    is_confidential = fields.Boolean(
        "Confidential", help="At the customer's request: only the confidential-lab group sees it."
    )
    sealed_delivery = fields.Boolean(
        "Delivered sealed",
        help="4.1.1 c: sent sealed (e.g. witnessed sampling): each handover checks the seal.",
    )
    transfer_ids = fields.One2many(
        "qms.lab.sample.transfer", "lab_sample_id", string="Transfer slip (流转单)"
    )
    tests_done = fields.Text("Tests done", readonly=True, copy=False)
    date_tested = fields.Datetime("Tested on", readonly=True, copy=False)
    date_closed = fields.Datetime("Returned / disposed on", readonly=True, copy=False)
    closing_note = fields.Text(
        "Return / disposal record", copy=False, help="Who took it back, or how it was disposed of."
    )

    @api.constrains("quantity")
    def _check_quantity(self):
        for sample in self:
            if sample.quantity <= 0:
                raise ValidationError(self.env._("A lab sample has a positive quantity."))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_received(self):
        if any(sample.state != "received" for sample in self):
            raise UserError(self.env._("A lab sample in the lab is archived, never deleted."))

    def _set_state(self, state, **vals):
        self._qms_workflow_write({"state": state, **vals})
        self._qms_lab_state_changed()

    def _qms_lab_state_changed(self):
        """Hook after each state change (e.g. the complaint that asked for it)."""
        return None

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_accept(self):
        """Receipt checked: the sample waits for its test in the "to test" area."""
        self._qms_ensure_state("received")
        for sample in self:
            if not sample.check_fit:
                raise UserError(
                    self.env._(
                        "%(number)s is not fit for the test requested: ask the customer first.",
                        number=sample.name,
                    )
                )
            failed = [name for name in RECEIPT_CHECKS if not sample[name]]
            if failed and not (sample.receipt_notes or "").strip():
                raise UserError(
                    self.env._(
                        "%(number)s: record the anomalies found at receipt (%(checks)s).",
                        number=sample.name,
                        checks=", ".join(
                            self._fields[name]._description_string(self.env) for name in failed
                        ),
                    )
                )
        self._set_state("awaiting")
        return True

    def action_start_test(self, test=None):
        """In test; with ``test`` (a qc.test) an inspection records its results."""
        self._qms_ensure_state("awaiting", "tested")
        for sample in self:
            if test:
                sample._qms_inspection_create(test, qty=sample.quantity)
        self._set_state("in_test")
        return True

    def action_finish_test(self, tests_done=None):
        self._qms_ensure_state("in_test")
        for sample in self:
            if sample.qms_inspection_result == "pending":
                raise UserError(
                    self.env._("%(number)s still has an open inspection.", number=sample.name)
                )
            done = tests_done or ", ".join(sample.qms_inspection_ids.test.mapped("name"))
            if not done:
                raise UserError(
                    self.env._("Record the tests done on %(number)s.", number=sample.name)
                )
            previous = sample.tests_done
            sample._set_state(
                "tested",
                tests_done=f"{previous}\n{done}" if previous else done,
                date_tested=fields.Datetime.now(),
            )
        return True

    def action_return(self, note=None):
        """Back to the customer, as agreed at receipt (4.4.6)."""
        self._qms_ensure_state("tested")
        for sample in self:
            if sample.disposal_way != "return":
                raise UserError(
                    self.env._(
                        "%(number)s was not to be returned: it is disposed of as agreed.",
                        number=sample.name,
                    )
                )
        vals = {"date_closed": fields.Datetime.now()}
        if note:
            vals["closing_note"] = note
        self._set_state("returned", **vals)
        return True

    def action_dispose(self, note=None):
        """Handed to manufacturing engineering for disposal, as agreed (4.4.6)."""
        self._qms_ensure_state("tested")
        for sample in self:
            if sample.disposal_way != "dispose":
                raise UserError(
                    self.env._(
                        "%(number)s goes back to the customer, as agreed at receipt.",
                        number=sample.name,
                    )
                )
        for sample in self:
            if not (note or sample.closing_note or "").strip():
                raise UserError(self.env._("Record how the sample is disposed of."))
        vals = {"date_closed": fields.Datetime.now()}
        if note:
            vals["closing_note"] = note
        self._set_state("disposed", **vals)
        return True

    def _receipt_check_rows(self):
        """(label, field) of each receipt check, in the reader's language."""
        return [
            (self._fields[name]._description_string(self.env), name)
            for name in (*RECEIPT_CHECKS, "check_fit")
        ]

    def action_print_commission(self):
        self.ensure_one()
        return self.env.ref("qms_sample.action_report_qms_lab_sample_commission").report_action(
            self, data={}
        )

    def action_send_commission(self):
        """4.1.1 b: one copy of the commission form goes to the customer (mail
        composer, the PDF attached)."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                self.env._("%(number)s has no customer to send the form to.", number=self.name)
            )
        template = self.env.ref("qms_sample.mail_template_lab_commission")
        return composer_action(self, template, self.env._("Send the commission form"))

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Commission %(number)s", number=self.commission_ref)

    def action_print_label(self):
        self.ensure_one()
        return self.env.ref("qms_sample.action_report_qms_lab_sample_label").report_action(
            self, data={}
        )
