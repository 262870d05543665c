from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

# What a call becomes: the feedback types of qms.complaint it creates, or nothing.
FEEDBACK_OUTCOMES = ("consultation", "complaint", "suggestion")
OUTCOMES = [
    ("consultation", "Consultation"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    ("none", "No record needed"),
]
STATES = [("open", "Taken"), ("done", "Done")]
OPEN_COMPLAINT_STATES = ("draft", "in_progress")
TITLE_LENGTH = 80


class QmsDeskCall(models.Model):
    """A call to the customer hotline (000 客服系统建立细则: 客户来电号码, 来电日期,
    来电归属地, 咨询/投诉内容, 客户是否有正在处理的问题).

    The caller is matched by number; the matched customer's open problems
    show at once (``_open_problems``: open complaints here, other addons add
    theirs). One click turns the call into a consultation, a complaint or a
    suggestion: a ``qms.complaint`` created through its own ``create()``.
    """

    _name = "qms.desk.call"
    _description = "Hotline Call"
    # What the form shows read-only once the record has left open.
    _qms_frozen_fields = {
        "caller_number": ("open",),
        "date_call": ("open",),
        "partner_id": ("open",),
    }
    _inherit = ["qms.frozen.mixin", "mail.thread", "qms.sequence.mixin", "qms.workflow.mixin"]
    # written by the action methods only (_qms_workflow_write)
    _qms_workflow_fields = ("state", "name", "outcome", "complaint_id")
    _order = "date_call desc, id desc"
    _qms_sequence_code = "qms.desk.call"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_call = fields.Datetime(
        "Called on", required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    caller_number = fields.Char("Caller number", required=True, tracking=True)
    caller_name = fields.Char("Caller")
    caller_area = fields.Char(
        "Caller area",
        compute="_compute_caller_area",
        store=True,
        readonly=False,
        help="来电归属地, from the number prefix (Configuration › Caller areas); editable.",
    )
    phone_warning = fields.Char("Number check", compute="_compute_phone_warning")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="Matched by the caller number; choose another when the match is wrong.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index="btree_not_null"
    )
    desk_customer_id = fields.Many2one(
        "qms.desk.customer",
        string="Customer record",
        compute="_compute_desk_customer_id",
        store=True,
        readonly=False,
        groups="qms_customer_desk.group_qms_desk_confidential",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Taken by",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    summary = fields.Text("What the caller said")
    product_id = fields.Many2one("product.product")
    state = fields.Selection(
        STATES, required=True, default="open", readonly=True, copy=False, tracking=True
    )
    outcome = fields.Selection(OUTCOMES, readonly=True, copy=False, tracking=True)
    complaint_id = fields.Many2one(
        "qms.complaint", string="Recorded as", readonly=True, copy=False, index="btree_not_null"
    )
    has_open_problem = fields.Boolean("Open problem", compute="_compute_open_problems")
    open_problem_count = fields.Integer("Open problems", compute="_compute_open_problems")
    open_problems = fields.Html("Open problems of the customer", compute="_compute_open_problems")
    open_complaint_ids = fields.Many2many(
        "qms.complaint", string="Open complaints", compute="_compute_open_problems"
    )
    knowledge_ids = fields.Many2many(
        "qms.desk.knowledge",
        string="Knowledge base answers",
        compute="_compute_knowledge_ids",
        help="Published answers whose keywords or product match this call.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("caller_number")
    def _compute_caller_area(self):
        Area = self.env["qms.desk.phone.area"]
        for call in self:
            call.caller_area = Area._area_of(call.caller_number) or call.caller_area

    @api.depends("caller_number", "partner_id.country_id", "company_id")
    def _compute_phone_warning(self):
        Partner = self.env["res.partner"]
        for call in self:
            country = call.partner_id.country_id or call.company_id.country_id
            call.phone_warning = Partner._qms_phone_warning(call.caller_number, country)

    @api.depends("caller_number")
    def _compute_partner_id(self):
        Partner = self.env["res.partner"]
        for call in self:
            matches = Partner._qms_desk_match_number(call.caller_number)
            if not matches:
                customer = (
                    self.env["qms.desk.customer"]
                    .sudo()
                    ._match_number(call.caller_number, call.company_id)
                )
                matches = customer.partner_id
            call.partner_id = matches[:1] or call.partner_id

    @api.depends("caller_number")
    def _compute_desk_customer_id(self):
        Customer = self.env["qms.desk.customer"]
        for call in self:
            match = Customer._match_number(call.caller_number, call.company_id)
            call.desk_customer_id = match[:1] or call.desk_customer_id

    @api.depends("commercial_partner_id")
    def _compute_open_problems(self):
        for call in self:
            problems = call._open_problems()
            complaints = self.env["qms.complaint"].union(
                *[p for p in problems if p._name == "qms.complaint"]
            )
            call.open_complaint_ids = complaints
            call.open_problem_count = sum(len(p) for p in problems)
            call.has_open_problem = bool(call.open_problem_count)
            call.open_problems = call._open_problems_html(problems)

    @api.depends("summary", "product_id", "company_id")
    def _compute_knowledge_ids(self):
        Knowledge = self.env["qms.desk.knowledge"]
        for call in self:
            call.knowledge_ids = Knowledge._matching(call.summary, call.product_id, call.company_id)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("caller_number")
    def _check_caller_number(self):
        for call in self:
            if not any(char.isdigit() for char in call.caller_number or ""):
                raise ValidationError(
                    self.env._(
                        "The caller number “%(number)s” has no digit.", number=call.caller_number
                    )
                )

    @api.constrains("date_call")
    def _check_date_call(self):
        now = fields.Datetime.now()
        for call in self:
            if call.date_call > now:
                raise ValidationError(self.env._("A call cannot be logged in the future."))

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("caller_number")
    def _onchange_caller_number(self):
        if self.phone_warning:
            return {
                "warning": {
                    "title": self.env._("Check the number"),
                    "message": self.phone_warning,
                    "type": "notification",
                }
            }
        return None

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not (vals.get("caller_number") or "").strip():
                raise ValidationError(self.env._("A call needs the caller's number."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if any(call.state != "open" for call in self):
            raise UserError(self.env._("A call that was dealt with is kept, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _ensure_open(self):
        for call in self:
            if call.state != "open":
                raise UserError(
                    self.env._(
                        "%(number)s was already dealt with: this action is not possible now.",
                        number=call.name,
                    )
                )

    def action_to_consultation(self):
        return self._record_feedback("consultation")

    def action_to_complaint(self):
        return self._record_feedback("complaint")

    def action_to_suggestion(self):
        return self._record_feedback("suggestion")

    def action_done(self):
        """Nothing to record (a wrong number, a call back already logged)."""
        self._ensure_open()
        self._qms_workflow_write({"state": "done", "outcome": "none"})
        return True

    def action_search_knowledge(self):
        """The knowledge base, showing the answers that match this call first."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_customer_desk.qms_desk_knowledge_action"
        )
        if self.knowledge_ids:
            action["domain"] = [("id", "in", self.knowledge_ids.ids)]
        action["context"] = {"search_default_published": 1}
        return action

    def action_raise_knowledge(self):
        """This call raised a question the knowledge base does not answer:
        an article to write, due within the knowledge-base deadline."""
        self.ensure_one()
        if not (self.summary or "").strip():
            raise UserError(self.env._("Write down what the caller said first."))
        article = self.env["qms.desk.knowledge"].create(
            {
                "title": self._title(),
                "company_id": self.company_id.id,
                "product_id": self.product_id.id,
                "analysis": plaintext2html(self.summary),
                "date_event": self.date_call,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return article._get_records_action()

    def action_open_complaint(self):
        self.ensure_one()
        return self.complaint_id._get_records_action() if self.complaint_id else True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _open_problems(self):
        """The open problems of the caller's customer, as a list of recordsets
        (each with ``name``, ``display_name`` and ``state``): its open
        complaints and other feedback here. Addons add theirs (service
        requests…) by extending this list."""
        self.ensure_one()
        if not self.commercial_partner_id:
            return []
        complaints = self.env["qms.complaint"].search(
            [
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("state", "in", OPEN_COMPLAINT_STATES),
            ],
            order="date_received desc",
        )
        return [complaints] if complaints else []

    def _open_problems_html(self, problems):
        items = []
        for records in problems:
            states = dict(records._fields["state"]._description_selection(self.env))
            label = self.env["ir.model"].sudo()._get(records._name).name
            for record in records:
                title = record["title"] if "title" in record._fields else ""
                items.append(
                    Markup("<li>%s <b>%s</b> %s <i>(%s)</i></li>")
                    % (
                        escape(label),
                        escape(record.name),
                        escape(title or ""),
                        escape(states.get(record.state, record.state)),
                    )
                )
        return Markup("<ul>%s</ul>") % Markup("").join(items) if items else False

    def _title(self):
        self.ensure_one()
        text = (self.summary or "").strip().splitlines()
        first = text[0] if text else ""
        return first[:TITLE_LENGTH] or self.env._("Hotline call %(number)s", number=self.name)

    def _record_feedback(self, feedback_type):
        """The call becomes a qms.complaint of ``feedback_type`` (channel: phone)."""
        self._ensure_open()
        for call in self:
            if not call.partner_id:
                raise UserError(
                    self.env._(
                        "%(number)s: choose the customer before recording the call.",
                        number=call.name,
                    )
                )
            if not (call.summary or "").strip():
                raise UserError(
                    self.env._(
                        "%(number)s: write down what the caller said before recording it.",
                        number=call.name,
                    )
                )
            commercial = call.commercial_partner_id
            complaint = self.env["qms.complaint"].create(
                {
                    "feedback_type": feedback_type,
                    "channel": "phone",
                    "company_id": call.company_id.id,
                    "partner_id": commercial.id,
                    "contact_id": call.partner_id.id if call.partner_id != commercial else False,
                    "title": call._title(),
                    "description": plaintext2html(call.summary),
                    "product_id": call.product_id.id,
                    "date_received": call.date_call,
                }
            )
            call._qms_workflow_write(
                {"state": "done", "outcome": feedback_type, "complaint_id": complaint.id}
            )
            complaint.message_post(
                body=self.env._("Logged from hotline call %(number)s.", number=call.name),
                subtype_xmlid="mail.mt_note",
            )
        return True
