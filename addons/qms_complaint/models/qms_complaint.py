from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from .qms_complaint_callback import SLOTS

FEEDBACK_TYPES = [
    ("complaint", "Complaint"),
    ("consultation", "Consultation"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
    ("internal", "Internal corrective action"),
]
CHANNELS = [
    ("phone", "Phone / hotline"),
    ("email", "Email"),
    ("fax", "Fax"),
    ("portal", "Portal"),
    ("visit", "Visit"),
    ("other", "Other"),
]
STATES = [
    ("draft", "Received"),
    ("in_progress", "8D in progress"),
    ("closed", "Closed"),
    ("rejected", "Not our responsibility"),
    ("cancelled", "Cancelled"),
]
# Customer complaints and internal corrective actions (e.g. from a low survey score)
# can run the 8D; other feedback is answered and closed.
EIGHT_D_TYPES = ("complaint", "internal")
RETURN_OUTCOMES = [("repair", "Repair"), ("replace", "Replace"), ("refund", "Refund")]


class QmsComplaint(models.Model):
    """Customer feedback; a complaint runs the 8D method (IATF 16949 procedure 5.8)."""

    _name = "qms.complaint"
    _description = "Customer Complaint"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
    ]
    _order = "date_received desc, id desc"
    _qms_sequence_code = "qms.complaint"
    _mail_post_access = "read"

    # ------------------------------------------------------------------
    # Intake
    # ------------------------------------------------------------------
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    feedback_type = fields.Selection(
        FEEDBACK_TYPES, string="Type", required=True, default="complaint", tracking=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, index=True)
    date_received = fields.Datetime(
        "Received on", required=True, default=fields.Datetime.now, tracking=True
    )
    date = fields.Date(compute="_compute_date", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Improvement engineer",
        default=lambda self: self.env.user if not self.env.user.share else False,
        tracking=True,
        domain=[("share", "=", False)],
        help="改善工程担当: drives the 8D and owns its deadlines.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    customer_ref = fields.Char("Customer reference")
    title = fields.Char("Subject", required=True, tracking=True)
    category_id = fields.Many2one(
        "qms.complaint.category", string="Dissatisfaction category", tracking=True
    )
    department_id = fields.Many2one("hr.department", string="Responsible department", tracking=True)
    defect_id = fields.Many2one("qms.complaint.defect", string="Defect type")
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        default="major",
        required=True,
        tracking=True,
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        domain="[('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        domain="[('picking_type_code', '=', 'outgoing'),"
        " ('partner_id.commercial_partner_id', '=', commercial_partner_id)]",
    )
    product_id = fields.Many2one("product.product", tracking=True)
    lot_id = fields.Many2one(
        "stock.lot", string="Lot/Serial", domain="[('product_id', '=', product_id)]"
    )
    qty_defective = fields.Float("Defective quantity", digits="Product Unit of Measure")
    qty_delivered = fields.Float("Delivered quantity", digits="Product Unit of Measure")
    defect_ratio = fields.Float(
        "Defect ratio (%)", compute="_compute_defect_ratio", store=True, aggregator="avg"
    )
    # A group's PPM is sum(defective) / sum(delivered): exact in the XLSX KPI sheet;
    # the pivot can only average the per-complaint values.
    defect_ppm = fields.Float(
        "Defect PPM", compute="_compute_defect_ratio", store=True, aggregator="avg"
    )
    description = fields.Html("Defect description")
    customer_impact = fields.Text("Impact at the customer")
    photo_ids = fields.Many2many("ir.attachment", string="Photos and files")
    customer_due_date = fields.Date(
        "8D due (customer)", help="The customer's date for the 8D report, when it asks for one."
    )
    is_repeat = fields.Boolean(
        "Repeat", readonly=True, help="The same customer already complained of this product."
    )
    repeat_rate = fields.Float(compute="_compute_repeat_rate", store=True, aggregator="avg")
    parent_id = fields.Many2one(
        "qms.complaint", string="Raised from", index="btree_not_null", readonly=True
    )
    child_ids = fields.One2many("qms.complaint", "parent_id", string="Follow-up complaints")
    answer = fields.Html("Answer to the customer", help="For consultations and suggestions.")

    # ------------------------------------------------------------------
    # Responsibility and severity
    # ------------------------------------------------------------------
    responsibility = fields.Selection(
        [("pending", "To decide"), ("ours", "Ours"), ("not_ours", "Not ours")],
        default="pending",
        required=True,
        tracking=True,
    )
    not_ours_explanation = fields.Text("Explanation sent to the customer", readonly=True)
    is_severe = fields.Boolean("Severe", readonly=True, tracking=True)
    severe_reason = fields.Text("Why severe", readonly=True)

    # ------------------------------------------------------------------
    # 8D
    # ------------------------------------------------------------------
    step_ids = fields.One2many("qms.complaint.step", "complaint_id", string="8D steps")
    current_step_id = fields.Many2one(
        "qms.complaint.step", compute="_compute_current_step", string="Current step"
    )
    current_step = fields.Char(compute="_compute_current_step", string="8D step")
    date_confirmed = fields.Datetime("Defect confirmed on", readonly=True)
    date_notified = fields.Datetime("Team notified on", readonly=True)
    # D1
    team_leader_id = fields.Many2one("res.users", string="Team leader")
    team_member_ids = fields.Many2many("res.users", string="Team members")
    # D2 - 5W2H
    d2_what = fields.Text("What")
    d2_why = fields.Text("Why")
    d2_where = fields.Text("Where")
    d2_when = fields.Text("When")
    d2_who = fields.Text("Who")
    d2_how = fields.Text("How")
    d2_how_many = fields.Text("How many")
    # D3 - containment
    containment_picking_ids = fields.Many2many(
        "stock.picking",
        "qms_complaint_containment_picking_rel",
        string="Containment transfers",
        readonly=True,
    )
    qty_stock_found = fields.Float(
        "Suspect stock isolated",
        compute="_compute_qty_stock_found",
        digits="Product Unit of Measure",
        help="Quantity moved to quarantine by the containment transfers.",
    )
    qty_wip = fields.Float("Suspect WIP isolated", digits="Product Unit of Measure")
    qty_transit = fields.Float("Suspect in transit", digits="Product Unit of Measure")
    qty_customer = fields.Float("Suspect at the customer", digits="Product Unit of Measure")
    containment_note = fields.Text("Containment status")
    date_contained = fields.Datetime("Containment reported on", readonly=True)
    # D4 - root cause
    root_cause_occurrence = fields.Text("Root cause (occurrence)")
    root_cause_escape = fields.Text("Root cause (non-detection)")
    why_1 = fields.Char()
    why_2 = fields.Char()
    why_3 = fields.Char()
    why_4 = fields.Char()
    why_5 = fields.Char()
    fishbone_man = fields.Text("Man")
    fishbone_machine = fields.Text("Machine")
    fishbone_material = fields.Text("Material")
    fishbone_method = fields.Text("Method")
    fishbone_measurement = fields.Text("Measurement")
    fishbone_environment = fields.Text("Environment")
    # D5-D7 actions and verification
    action_ids = fields.One2many("qms.complaint.action", "complaint_id", string="Actions")
    verification_ids = fields.One2many(
        "qms.complaint.verification", "complaint_id", string="Verifications"
    )
    date_report_sent = fields.Datetime("8D report sent on", readonly=True)
    lessons_learned = fields.Html("Lessons learned")
    update_fmea = fields.Boolean("FMEA updated")
    update_control_plan = fields.Boolean("Control plan updated")
    update_procedure = fields.Boolean("Procedure / work instruction updated")
    training_note = fields.Text("Training")
    abnormality_logged = fields.Boolean(
        "Added to the abnormality history", help="异常履历: kept by process QA."
    )
    # D8 - closure
    auditor_id = fields.Many2one("res.users", string="Process auditor")
    auditor_confirmed = fields.Datetime("Effect confirmed by auditor", readonly=True)
    project_owner_id = fields.Many2one("res.users", string="Project owner")
    project_owner_confirmed = fields.Datetime("Effect confirmed by project owner", readonly=True)
    recognition = fields.Text("Team recognition")
    date_closed = fields.Datetime("Closed on", readonly=True, tracking=True)
    revision = fields.Integer(default=0, readonly=True, tracking=True)
    revision_ids = fields.One2many("qms.complaint.revision", "complaint_id", string="Revisions")

    # ------------------------------------------------------------------
    # Returns, handling and follow-up callback
    # ------------------------------------------------------------------
    return_requested = fields.Boolean("Return or exchange", tracking=True)
    return_qty = fields.Float("Quantity to return", digits="Product Unit of Measure")
    return_picking_id = fields.Many2one("stock.picking", string="Return", readonly=True)
    replacement_picking_id = fields.Many2one(
        "stock.picking", string="Replacement delivery", readonly=True
    )
    return_outcome = fields.Selection(RETURN_OUTCOMES, string="三包 outcome", tracking=True)
    date_handled = fields.Datetime("Handled on", readonly=True, tracking=True)
    callback_ids = fields.One2many("qms.complaint.callback", "complaint_id", string="Callbacks")
    callback_state = fields.Selection(
        [("none", "Not due"), ("planned", "Planned"), ("done", "Done"), ("failed", "Not reached")],
        default="none",
        readonly=True,
        tracking=True,
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_defective", "qty_delivered", "return_qty")
    def _check_quantities(self):
        for complaint in self:
            if min(complaint.qty_defective, complaint.qty_delivered, complaint.return_qty) < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))
            if (
                complaint.qty_delivered
                and float_compare(complaint.qty_defective, complaint.qty_delivered, 6) > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The defective quantity (%(defective)s) exceeds the "
                        "delivered quantity (%(delivered)s).",
                        defective=complaint.qty_defective,
                        delivered=complaint.qty_delivered,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot(self):
        for complaint in self.sudo():
            if complaint.lot_id and complaint.lot_id.product_id != complaint.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s belongs to %(lot_product)s, not to %(product)s.",
                        lot=complaint.lot_id.name,
                        lot_product=complaint.lot_id.product_id.display_name,
                        product=complaint.product_id.display_name or self.env._("no product"),
                    )
                )

    @api.constrains("customer_due_date", "date_received")
    def _check_customer_due_date(self):
        for complaint in self:
            if complaint.customer_due_date and complaint.customer_due_date < fields.Date.to_date(
                complaint.date_received
            ):
                raise ValidationError(
                    self.env._(
                        "The customer's 8D date cannot be before the complaint was received."
                    )
                )

    @api.constrains("picking_id", "sale_order_id", "partner_id")
    def _check_documents_customer(self):
        for complaint in self.sudo():
            customer = complaint.commercial_partner_id
            for document in (complaint.picking_id, complaint.sale_order_id):
                if document and document.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name,
                        )
                    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_received")
    def _compute_date(self):
        for complaint in self:
            complaint.date = fields.Date.to_date(complaint.date_received)

    @api.depends("qty_defective", "qty_delivered")
    def _compute_defect_ratio(self):
        for complaint in self:
            delivered = complaint.qty_delivered
            complaint.defect_ratio = 100.0 * complaint.qty_defective / delivered if delivered else 0
            complaint.defect_ppm = 1e6 * complaint.qty_defective / delivered if delivered else 0

    @api.depends("is_repeat")
    def _compute_repeat_rate(self):
        for complaint in self:
            complaint.repeat_rate = 100.0 if complaint.is_repeat else 0.0

    @api.depends("step_ids.done", "step_ids.sequence")
    def _compute_current_step(self):
        for complaint in self:
            step = complaint.step_ids.filtered(lambda s: not s.done).sorted("sequence")[:1]
            complaint.current_step_id = step
            complaint.current_step = step.code.upper() if step else False

    @api.depends("containment_picking_ids.move_ids.quantity", "containment_picking_ids.state")
    def _compute_qty_stock_found(self):
        for complaint in self:
            product = complaint.product_id
            moves = complaint.containment_picking_ids.move_ids.filtered(
                lambda m, product=product: m.state != "cancel" and m.product_id == product
            )
            complaint.qty_stock_found = sum(moves.mapped("quantity"))

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return result

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id:
            self.department_id = self.category_id.department_id
            self.user_id = self.category_id._responsible_user() or self.user_id

    @api.onchange("picking_id", "product_id")
    def _onchange_delivery(self):
        if self.picking_id and not self.sale_order_id:
            self.sale_order_id = self.picking_id.sale_id
        if self.picking_id and self.product_id:
            moves = self.picking_id.move_ids.filtered(lambda m: m.product_id == self.product_id)
            self.qty_delivered = sum(moves.mapped("quantity"))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("partner_id"):
                raise ValidationError(self.env._("A complaint needs a customer."))
            category = self.env["qms.complaint.category"].browse(vals.get("category_id"))
            if category and not vals.get("department_id"):
                vals["department_id"] = category.department_id.id
            if category and not vals.get("user_id") and category._responsible_user():
                vals["user_id"] = category._responsible_user().id
        complaints = super().create(vals_list)
        complaints._on_receipt()
        return complaints

    def write(self, vals):
        result = super().write(vals)
        if "customer_due_date" in vals:
            for complaint in self.filtered("qms_deadline_ids"):
                complaint._qms_deadline_reschedule("report_8d", complaint._report_due())
        if "return_requested" in vals:
            self.filtered(lambda c: c.feedback_type == "complaint")._check_severity()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(complaint.state != "draft" for complaint in self):
            raise UserError(
                self.env._("A complaint that left “Received” is archived, never deleted.")
            )

    # ------------------------------------------------------------------
    # Intake
    # ------------------------------------------------------------------
    def _on_receipt(self):
        """Whatever the path in (form, portal, mail, RPC): the same deadlines and checks."""
        for complaint in self.filtered(lambda c: c.feedback_type == "complaint"):
            complaint._qms_deadline_open("report_8d", start=complaint.date_received)
            complaint._qms_deadline_reschedule("report_8d", complaint._report_due())
            complaint._qms_deadline_open("handling", start=complaint.date_received, optional=True)
            complaint._qms_deadline_open("closure", start=complaint.date_received, optional=True)
            complaint._mark_repeat()
        self.filtered(lambda c: c.feedback_type == "complaint")._check_severity()

    def _report_due(self):
        """3 working days after receipt, or the customer's date when that is earlier."""
        self.ensure_one()
        deadline = self._qms_open_deadlines("report_8d")
        if not deadline:
            return None
        calendar = self.company_id._qms_calendar()
        standard = deadline.kind_id._compute_due(calendar, deadline.start)
        if not self.customer_due_date:
            return standard
        zone = pytz.timezone(calendar.tz or "UTC")
        end_of_day = zone.localize(datetime.combine(self.customer_due_date, time(23, 59, 59)))
        customer = end_of_day.astimezone(pytz.utc).replace(tzinfo=None)
        return max(min(standard, customer), deadline.start)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail to the complaints alias: a complaint from the sender's company."""
        author = self.env["res.partner"].browse(msg_dict.get("author_id"))
        if not author:
            author = self.env["res.partner"].find_or_create(msg_dict.get("email_from"))
        values = {
            "title": msg_dict.get("subject") or self.env._("Complaint by email"),
            "partner_id": author.commercial_partner_id.id,
            "contact_id": author.id,
            "channel": "email",
            "description": msg_dict.get("body"),
            **(custom_values or {}),
        }
        return super().message_new(msg_dict, custom_values=values)

    def _mark_repeat(self):
        self.ensure_one()
        if not self.product_id:
            return
        earlier = self.search_count(
            [
                ("id", "!=", self.id),
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("product_id", "=", self.product_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", "<=", self.date_received),
            ],
            limit=1,
        )
        self.is_repeat = bool(earlier)

    # ------------------------------------------------------------------
    # Severity (004 4.7.3.2)
    # ------------------------------------------------------------------
    def _check_severity(self):
        for complaint in self:
            reasons = complaint._severity_reasons()
            if reasons and not complaint.is_severe:
                complaint.write({"is_severe": True, "severe_reason": "\n".join(reasons)})
                complaint._escalate_severe()
            elif reasons and "\n".join(reasons) != complaint.severe_reason:
                complaint.severe_reason = "\n".join(reasons)

    def _severity_reasons(self):
        self.ensure_one()
        company = self.company_id
        reasons = []
        if self.return_requested:
            reasons.append(self.env._("The customer asks for a return or an exchange."))
        since = self.date_received - timedelta(days=company.qms_complaint_repeat_days)
        same_customer = self.search_count(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", ">", since),
                ("date_received", "<=", self.date_received),
                ("company_id", "=", company.id),
            ]
        )
        if same_customer >= company.qms_complaint_repeat_count:
            reasons.append(
                self.env._(
                    "%(count)s complaints from this customer in %(days)s days.",
                    count=same_customer,
                    days=company.qms_complaint_repeat_days,
                )
            )
        if self.product_id:
            domain = [
                ("product_id", "=", self.product_id.id),
                ("feedback_type", "=", "complaint"),
                ("date_received", ">", since),
                ("date_received", "<=", self.date_received),
                ("company_id", "=", company.id),
            ]
            if self.defect_id:
                domain.append(("defect_id", "=", self.defect_id.id))
            customers = self.search(domain).commercial_partner_id
            if len(customers) >= company.qms_complaint_multi_customer_count:
                reasons.append(
                    self.env._(
                        "The same product defect comes from %(count)s customers.",
                        count=len(customers),
                    )
                )
        return reasons

    def _escalate_severe(self):
        self.ensure_one()
        manager = self.company_id.qms_complaint_severe_user_id
        body = self.env._("Severe complaint: %(reasons)s", reasons=self.severe_reason)
        if manager:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=self.env._("Severe complaint %(number)s", number=self.name),
                note=body,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Workflow actions
    # ------------------------------------------------------------------
    def _ensure_state(self, *states):
        for complaint in self:
            if complaint.state not in states:
                raise UserError(
                    self.env._(
                        "%(number)s is “%(state)s”: this action is not possible now.",
                        number=complaint.name,
                        state=dict(STATES)[complaint.state],
                    )
                )

    def action_confirm_defect(self):
        """The defect is confirmed and ours: the 8D starts, containment clocks run."""
        self._ensure_state("draft")
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.feedback_type not in EIGHT_D_TYPES:
                raise UserError(self.env._("Only complaints run an 8D."))
            complaint.write(
                {"state": "in_progress", "responsibility": "ours", "date_confirmed": now}
            )
            complaint._create_steps()
            complaint._qms_deadline_open("notify", start=now)
            complaint._qms_deadline_open("containment", start=now)
            complaint._sync_step_dues()
            complaint._complete_step("d0")

    def action_not_responsible(self, explanation):
        """Not our responsibility: explain to the customer and close, keeping everything."""
        self._ensure_state("draft", "in_progress")
        if not (explanation or "").strip():
            raise UserError(self.env._("Explain to the customer why it is not our responsibility."))
        for complaint in self:
            complaint.write(
                {
                    "state": "rejected",
                    "responsibility": "not_ours",
                    "not_ours_explanation": explanation,
                    "date_closed": fields.Datetime.now(),
                }
            )
            complaint._qms_deadline_cancel()
            complaint.message_post(
                body=explanation,
                subject=self.env._("%(number)s: not our responsibility", number=complaint.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=complaint.partner_id.ids,
            )

    def action_answer(self):
        """Consultations, suggestions and praise close once answered."""
        self._ensure_state("draft")
        for complaint in self:
            if complaint.feedback_type == "complaint":
                raise UserError(self.env._("A complaint closes through its 8D."))
            complaint.write({"state": "closed", "date_closed": fields.Datetime.now()})
            complaint._qms_deadline_close()

    def action_notify_team(self):
        """D0 (5.8.2): tell the engineer, their manager and the department heads."""
        self._ensure_state("in_progress")
        for complaint in self:
            recipients = complaint._notification_users()
            complaint.message_subscribe(partner_ids=recipients.partner_id.ids)
            complaint.message_post(
                body=self.env._(
                    "Defect confirmed on %(number)s (%(product)s): %(title)s. "
                    "Containment and the 8D start now.",
                    number=complaint.name,
                    product=complaint.product_id.display_name or "-",
                    title=complaint.title,
                ),
                partner_ids=recipients.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            complaint.date_notified = fields.Datetime.now()
            complaint._qms_deadline_close("notify")

    def _notification_users(self):
        self.ensure_one()
        users = self.user_id | self.team_leader_id
        employee = self.user_id.employee_ids[:1]
        users |= employee.parent_id.user_id
        users |= self.department_id.manager_id.user_id
        users |= self.category_id.department_id.manager_id.user_id
        return users

    def action_create_containment(self):
        """D3: move the suspect quants of the product/lot to quarantine."""
        self._ensure_state("in_progress")
        for complaint in self:
            if not complaint.product_id:
                raise UserError(self.env._("Set the product to contain first."))
            pickings = complaint._create_containment_pickings()
            if not pickings:
                raise UserError(
                    self.env._(
                        "No suspect stock of %(product)s in the company's warehouses.",
                        product=complaint.product_id.display_name,
                    )
                )
            complaint.containment_picking_ids |= pickings
        return self._action_view_pickings(self.containment_picking_ids)

    def _create_containment_pickings(self):
        self.ensure_one()
        quarantine = self.company_id._qms_quarantine_location()
        domain = [
            ("product_id", "=", self.product_id.id),
            ("location_id.usage", "=", "internal"),
            "!",
            ("location_id", "child_of", quarantine.id),
            ("company_id", "=", self.company_id.id),
            ("quantity", ">", 0),
        ]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        quants = self.env["stock.quant"].sudo().search(domain)
        pickings = self.env["stock.picking"]
        for warehouse, wh_quants in quants.grouped("warehouse_id").items():
            if not warehouse:
                continue
            picking = pickings.create(
                {
                    "picking_type_id": warehouse.int_type_id.id,
                    "location_id": warehouse.view_location_id.id,
                    "location_dest_id": quarantine.id,
                    "origin": self.name,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": self.env._("Containment %(number)s", number=self.name),
                                "product_id": self.product_id.id,
                                "product_uom": self.product_id.uom_id.id,
                                "product_uom_qty": sum(wh_quants.mapped("quantity")),
                                "location_id": warehouse.view_location_id.id,
                                "location_dest_id": quarantine.id,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
            # Reserve exactly the suspect quants, wherever they sit in the warehouse.
            picking.move_ids.move_line_ids.unlink()
            picking.move_ids.write(
                {
                    "move_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": quant.product_id.id,
                                "product_uom_id": quant.product_id.uom_id.id,
                                "location_id": quant.location_id.id,
                                "location_dest_id": quarantine.id,
                                "lot_id": quant.lot_id.id,
                                "package_id": quant.package_id.id,
                                "quantity": quant.quantity,
                                "picking_id": picking.id,
                            }
                        )
                        for quant in wh_quants
                    ]
                }
            )
            pickings |= picking
        return pickings

    def action_report_containment(self):
        """D3 report: what was found in stock, WIP, transit and at the customer."""
        self._ensure_state("in_progress")
        for complaint in self:
            if complaint.containment_picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            ):
                raise UserError(
                    self.env._("Validate the containment transfers before reporting containment.")
                )
            complaint.date_contained = fields.Datetime.now()
            complaint._qms_deadline_close("containment")
            complaint._complete_step("d3")

    def action_next_step(self):
        """Complete the current 8D step after checking what it needs."""
        self._ensure_state("in_progress")
        for complaint in self:
            step = complaint.current_step_id
            if not step:
                raise UserError(self.env._("Every 8D step is done: close the complaint."))
            if step.code == "d3":
                complaint.action_report_containment()
                continue
            if step.code == "d8":
                complaint.action_close()
                continue
            complaint._check_step_ready(step.code)
            complaint._complete_step(step.code)

    def _check_step_ready(self, code):
        self.ensure_one()
        missing = {
            "d1": not self.team_leader_id,
            "d2": not (self.d2_what or "").strip(),
            "d4": not (
                (self.root_cause_occurrence or "").strip()
                and (self.root_cause_escape or "").strip()
            ),
            "d5": not self.action_ids.filtered(lambda a: a.action_type == "corrective"),
            "d6": not self.verification_ids.filtered(lambda v: v.result == "pass"),
            "d7": not ((self.lessons_learned or "").strip() and self.abnormality_logged),
        }
        messages = {
            "d1": self.env._("D1: name the team leader."),
            "d2": self.env._("D2: describe the problem (what)."),
            "d4": self.env._("D4: give both root causes, occurrence and non-detection."),
            "d5": self.env._("D5: plan at least one permanent corrective action."),
            "d6": self.env._("D6: record at least one passed verification."),
            "d7": self.env._(
                "D7: write the lessons learned and add the case to the abnormality history."
            ),
        }
        if missing.get(code):
            raise UserError(messages[code])

    def action_send_report(self):
        """Send the 8D report (PDF, in the customer's language): the deadline is met."""
        self._ensure_state("in_progress")
        for complaint in self:
            recipients = complaint.partner_id | complaint.contact_id
            complaint.message_subscribe(partner_ids=recipients.ids)
            complaint.message_post(
                body=self.env._("Our 8D report %(number)s.", number=complaint.name),
                attachment_ids=complaint._render_8d_attachment().ids,
                partner_ids=recipients.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            complaint.date_report_sent = fields.Datetime.now()
            complaint._qms_deadline_close("report_8d")

    def _render_8d_attachment(self):
        self.ensure_one()
        content, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "qms_complaint.action_report_qms_complaint_8d", self.ids
        )
        return self.env["ir.attachment"].create(
            {
                "name": f"8D-{self.name}-rev{self.revision}.pdf",
                "raw": content,
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    def action_mark_handled(self):
        """Handled for the customer (replacement sent, answer given): the callback is due."""
        self._ensure_state("in_progress", "closed")
        for complaint in self:
            complaint.date_handled = fields.Datetime.now()
            complaint._qms_deadline_close("handling")
            complaint._schedule_callback(attempt=1)

    def action_confirm_effect_auditor(self):
        self._confirm_effect("auditor_id", "auditor_confirmed")

    def action_confirm_effect_owner(self):
        self._confirm_effect("project_owner_id", "project_owner_confirmed")

    def _confirm_effect(self, user_field, date_field):
        self._ensure_state("in_progress")
        for complaint in self:
            confirmer = complaint[user_field]
            if not confirmer:
                raise UserError(self.env._("Name who confirms the effect first."))
            if confirmer != self.env.user and not self.env.user.has_group(
                "qms_base.group_qms_manager"
            ):
                raise UserError(
                    self.env._("Only %(user)s can confirm this effect.", user=confirmer.name)
                )
            complaint[date_field] = fields.Datetime.now()

    def action_close(self):
        """D8: closes only with both effect confirmations and every action done."""
        self._ensure_state("in_progress")
        for complaint in self:
            if not (complaint.auditor_confirmed and complaint.project_owner_confirmed):
                raise UserError(
                    self.env._(
                        "The process auditor and the project owner must both confirm the effect "
                        "before closing (5.8.8)."
                    )
                )
            open_actions = complaint.action_ids.filtered(
                lambda a: a.state not in ("done", "cancelled")
            )
            if open_actions:
                raise UserError(
                    self.env._(
                        "Finish or cancel these actions first: %(actions)s",
                        actions=", ".join(open_actions.mapped("name")),
                    )
                )
            pending = complaint.step_ids.filtered(lambda s: not s.done and s.code != "d8")
            if pending:
                raise UserError(
                    self.env._(
                        "These 8D steps are not done: %(steps)s",
                        steps=", ".join(pending.mapped("code")).upper(),
                    )
                )
            complaint._complete_step("d8")
            complaint.write({"state": "closed", "date_closed": fields.Datetime.now()})
            complaint._qms_deadline_close()

    def action_reopen_recurrence(self):
        """The defect came back after closure: a new 8D revision, the old one kept."""
        self._ensure_state("closed")
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.feedback_type not in EIGHT_D_TYPES:
                raise UserError(self.env._("Only complaints run an 8D."))
            self.env["qms.complaint.revision"].sudo().create(complaint._revision_snapshot())
            complaint.step_ids.filtered(lambda s: s.code not in ("d0", "d1")).write({"done": False})
            complaint.write(
                {
                    "state": "in_progress",
                    "revision": complaint.revision + 1,
                    "date_closed": False,
                    "date_contained": False,
                    "date_report_sent": False,
                    "auditor_confirmed": False,
                    "project_owner_confirmed": False,
                    "date_confirmed": now,
                }
            )
            complaint._qms_deadline_open("containment", start=now)
            complaint._qms_deadline_open("report_8d", start=now)
            complaint._sync_step_dues()
            complaint.message_post(
                body=self.env._(
                    "Recurrence after closure: 8D reopened as revision %(revision)s.",
                    revision=complaint.revision,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _revision_snapshot(self):
        self.ensure_one()
        fields_kept = [
            "d2_what", "d2_why", "d2_where", "d2_when", "d2_who", "d2_how", "d2_how_many",
            "root_cause_occurrence", "root_cause_escape",
            "why_1", "why_2", "why_3", "why_4", "why_5",
            "lessons_learned", "training_note", "recognition",
            "qty_wip", "qty_transit", "qty_customer", "containment_note",
            "date_confirmed", "date_contained", "date_report_sent", "date_closed",
            "auditor_confirmed", "project_owner_confirmed",
        ]  # fmt: skip
        values = {name: self[name] for name in fields_kept}
        return {
            **values,
            "complaint_id": self.id,
            "revision": self.revision,
            "qty_stock_found": self.qty_stock_found,
            "auditor_id": self.auditor_id.id,
            "project_owner_id": self.project_owner_id.id,
            "team_leader_id": self.team_leader_id.id,
            "action_summary": "\n".join(
                f"[{a.action_type}] {a.name} — {a.user_id.name or ''} — {a.state}"
                for a in self.action_ids
            ),
        }

    # ------------------------------------------------------------------
    # Returns (004 4.8)
    # ------------------------------------------------------------------
    def action_create_return(self):
        self._ensure_state("draft", "in_progress")
        for complaint in self:
            if not complaint.picking_id or complaint.picking_id.state != "done":
                raise UserError(self.env._("A return needs the delivered transfer."))
            quantity = complaint.return_qty or complaint.qty_defective
            if quantity <= 0:
                raise UserError(self.env._("Set the quantity to return."))
            wizard = (
                self.env["stock.return.picking"]
                .with_context(active_id=complaint.picking_id.id, active_model="stock.picking")
                .create({"picking_id": complaint.picking_id.id})
            )
            lines = wizard.product_return_moves
            lines.write({"quantity": 0})
            product = complaint.product_id
            target = lines.filtered(lambda line, product=product: line.product_id == product)[:1]
            if not target:
                raise UserError(self.env._("The delivery does not hold this product."))
            target.quantity = quantity
            new_picking = wizard._create_return()
            new_picking.origin = complaint.name
            complaint.write({"return_picking_id": new_picking.id, "return_requested": True})
        return self._action_view_pickings(self.return_picking_id)

    def action_create_replacement(self):
        self._ensure_state("draft", "in_progress")
        for complaint in self:
            if not complaint.picking_id:
                raise UserError(self.env._("A replacement needs the original delivery."))
            quantity = complaint.return_qty or complaint.qty_defective
            if quantity <= 0:
                raise UserError(self.env._("Set the quantity to replace."))
            original = complaint.picking_id
            replacement = self.env["stock.picking"].create(
                {
                    "picking_type_id": original.picking_type_id.id,
                    "partner_id": original.partner_id.id,
                    "location_id": original.location_id.id,
                    "location_dest_id": original.location_dest_id.id,
                    "origin": complaint.name,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": complaint.product_id.display_name,
                                "product_id": complaint.product_id.id,
                                "product_uom": complaint.product_id.uom_id.id,
                                "product_uom_qty": quantity,
                                "location_id": original.location_id.id,
                                "location_dest_id": original.location_dest_id.id,
                            }
                        )
                    ],
                }
            )
            replacement.action_confirm()
            complaint.write({"replacement_picking_id": replacement.id, "return_outcome": "replace"})
        return self._action_view_pickings(self.replacement_picking_id)

    def _action_view_pickings(self, pickings):
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", pickings.ids)]
        if len(pickings) == 1:
            action.update(views=[(False, "form")], res_id=pickings.id)
        return action

    # ------------------------------------------------------------------
    # Follow-up callback (000 回访)
    # ------------------------------------------------------------------
    def _schedule_callback(self, attempt, after=None, avoid_slot=None):
        """Plan callback ``attempt``; a retry goes to the next working day, in
        another time slot than the one that failed."""
        self.ensure_one()
        company = self.company_id
        start = after or fields.Datetime.now()
        if attempt == 1:
            planned = start + timedelta(days=company.qms_complaint_callback_min_days)
            self._qms_deadline_open("callback", start=start, optional=True)
            summary = self.env._(
                "Callback %(attempt)s on %(number)s", attempt=attempt, number=self.name
            )
        else:
            planned = company._qms_calendar()._qms_add_working_days(start, 1)
            slots = [key for key, _label in SLOTS]
            slot = slots[(slots.index(avoid_slot) + 1) % len(slots)] if avoid_slot else slots[0]
            summary = self.env._(
                "Callback %(attempt)s on %(number)s, in the %(slot)s",
                attempt=attempt,
                number=self.name,
                slot=dict(
                    self.env["qms.complaint.callback"]
                    ._fields["slot"]
                    ._description_selection(self.env)
                )[slot],
            )
        self.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=fields.Date.to_date(planned),
            user_id=self.user_id.id or self.env.user.id,
            summary=summary,
        )
        self.callback_state = "planned"

    def _record_callback(self, reached, slot, answer, new_problem=False, new_problem_text=""):
        """The callback's outcome; not reached → a second attempt in another slot."""
        self.ensure_one()
        attempt = len(self.callback_ids) + 1
        callback = self.env["qms.complaint.callback"].create(
            {
                "complaint_id": self.id,
                "attempt": attempt,
                "slot": slot,
                "reached": reached,
                "answer": answer,
            }
        )
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
        ).action_done()
        if not reached:
            if attempt >= self.company_id.qms_complaint_callback_attempts:
                self.callback_state = "failed"
                self._qms_deadline_close("callback")
            else:
                self._schedule_callback(attempt + 1, avoid_slot=slot)
            return callback
        self.callback_state = "done"
        self._qms_deadline_close("callback")
        if new_problem:
            child = self.create(
                {
                    "title": self.env._("Raised at the callback of %(number)s", number=self.name),
                    "partner_id": self.partner_id.id,
                    "contact_id": self.contact_id.id,
                    "channel": "phone",
                    "product_id": self.product_id.id,
                    "parent_id": self.id,
                    "description": new_problem_text,
                    "company_id": self.company_id.id,
                }
            )
            callback.new_complaint_id = child
        return callback

    # ------------------------------------------------------------------
    # 8D steps
    # ------------------------------------------------------------------
    def _create_steps(self):
        self.ensure_one()
        if self.step_ids:
            return
        Step = self.env["qms.complaint.step"]
        self.step_ids = [
            fields.Command.create({"code": code, "sequence": index, "user_id": self.user_id.id})
            for index, (code, _label) in enumerate(Step._fields["code"].selection)
        ]

    def _sync_step_dues(self):
        """Steps with a deadline show its due time."""
        self.ensure_one()
        by_kind = {d.kind_id.code: d.due for d in self._qms_open_deadlines()}
        dues = {"d0": by_kind.get("notify"), "d3": by_kind.get("containment"),
                "d5": by_kind.get("report_8d"), "d8": by_kind.get("closure")}  # fmt: skip
        for step in self.step_ids:
            if dues.get(step.code):
                step.due = dues[step.code]

    def _complete_step(self, code):
        self.ensure_one()
        step = self.step_ids.filtered(lambda s: s.code == code)
        step.filtered(lambda s: not s.done).write({"done": fields.Datetime.now()})

    def _qms_deadline_owner(self, kind):
        """The engineer; for a portal or mail complaint nobody picked up yet,
        the category's responsible, else the company's escalation user."""
        self.ensure_one()
        return (
            self.user_id
            or (self.category_id and self.category_id._responsible_user())
            or self.company_id.qms_escalation_user_id
        )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _get_report_base_filename(self):
        self.ensure_one()
        return f"8D-{self.name}"
