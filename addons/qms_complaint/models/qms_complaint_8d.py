from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.qms_base.tools.composer import composer_action, sent_document

from .qms_complaint import EIGHT_D_TYPES
from .qms_complaint_step import STEPS

REPORT_8D = "qms_complaint.action_report_qms_complaint_8d"
# The context key of the composer opened by action_send_report (like sale's mark_so_as_sent).
REPORT_SEND_KEY = "mark_8d_report_sent"
# D4 starts empty again when a recurrence reopens the 8D: a new root cause is needed.
ROOT_CAUSE_FIELDS = [
    "root_cause_occurrence",
    "root_cause_escape",
    "why_1",
    "why_2",
    "why_3",
    "why_4",
    "why_5",
    "fishbone_man",
    "fishbone_machine",
    "fishbone_material",
    "fishbone_method",
    "fishbone_measurement",
    "fishbone_environment",
]
# The 8D progress bar of the form: one short label per step.
STEP_PROGRESS = [(code, code.upper()) for code, _label in STEPS]


class QmsComplaint(models.Model):
    """The 8D (D0-D8): steps, their content, the report to the customer,
    effect confirmation, closure, and a new revision on recurrence."""

    _inherit = "qms.complaint"  # pylint: disable=consider-merging-classes-inherited

    step_ids = fields.One2many("qms.complaint.step", "complaint_id", string="8D steps")
    current_step_id = fields.Many2one(
        "qms.complaint.step", compute="_compute_current_step", string="Current step"
    )
    current_step = fields.Char(compute="_compute_current_step", string="8D step")
    step_progress = fields.Selection(
        STEP_PROGRESS,
        compute="_compute_current_step",
        string="8D progress",
        help="The step the 8D is at; D8 once every step is done.",
    )
    current_step_name = fields.Char(compute="_compute_current_step_name", string="Current 8D step")
    current_step_user_id = fields.Many2one(
        "res.users", compute="_compute_current_step", string="Step owner"
    )
    current_step_due = fields.Datetime(compute="_compute_current_step", string="Step due by")
    current_step_missing = fields.Char(
        compute="_compute_current_step_missing",
        string="Still needed",
        help="What the current step needs before it can be completed.",
    )
    date_notified = fields.Datetime("Team notified on", readonly=True, copy=False)
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
    # D3 - containment (the transfers: qms_complaint_stock.py)
    qty_wip = fields.Float("Suspect WIP isolated", digits="Product Unit of Measure")
    qty_transit = fields.Float("Suspect in transit", digits="Product Unit of Measure")
    qty_customer = fields.Float("Suspect at the customer", digits="Product Unit of Measure")
    containment_note = fields.Text("Containment status")
    containment_nothing_found = fields.Boolean(
        "Nothing suspect found",
        help="D3: stock, WIP, transit and the customer were checked and nothing suspect "
        "was found; without it, D3 needs an isolated quantity.",
    )
    date_contained = fields.Datetime("Containment reported on", readonly=True, copy=False)
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
    # D5-D7: the actions are qms.capa (qms_capa_ids: short-term = containment,
    # long-term = corrective, preventive), then the verifications
    verification_ids = fields.One2many(
        "qms.complaint.verification", "complaint_id", string="Verifications"
    )
    is_report_ready = fields.Boolean(
        "8D report ready",
        compute="_compute_is_report_ready",
        help="D4 (both root causes) and D5 (a permanent corrective action) are filled.",
    )
    date_report_sent = fields.Datetime("8D report sent on", readonly=True, copy=False)
    report_attachment_id = fields.Many2one(
        "ir.attachment",
        string="8D report sent",
        readonly=True,
        copy=False,
        help="The PDF as the customer received it.",
    )
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
    date_auditor_confirmed = fields.Datetime(
        "Effect confirmed by auditor", readonly=True, copy=False
    )
    project_owner_id = fields.Many2one("res.users", string="Project owner")
    date_owner_confirmed = fields.Datetime(
        "Effect confirmed by project owner", readonly=True, copy=False
    )
    recognition = fields.Text("Team recognition")
    revision = fields.Integer(default=0, readonly=True, copy=False, tracking=True)
    revision_ids = fields.One2many("qms.complaint.revision", "complaint_id", string="Revisions")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("qty_wip", "qty_transit", "qty_customer")
    def _check_containment_quantities(self):
        for complaint in self:
            if min(complaint.qty_wip, complaint.qty_transit, complaint.qty_customer) < 0:
                raise ValidationError(self.env._("Quantities cannot be negative."))

    @api.constrains("team_leader_id", "team_member_ids", "auditor_id", "project_owner_id")
    def _check_8d_users(self):
        for complaint in self:
            users = (
                complaint.team_leader_id
                | complaint.team_member_ids
                | complaint.auditor_id
                | complaint.project_owner_id
            )
            if users.filtered("share"):
                raise ValidationError(
                    self.env._(
                        "The 8D team, the process auditor and the project owner are internal "
                        "users: %(users)s is not.",
                        users=", ".join(users.filtered("share").mapped("name")),
                    )
                )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("step_ids.date_done", "step_ids.sequence", "step_ids.user_id", "step_ids.due_by")
    def _compute_current_step(self):
        for complaint in self:
            step = complaint.step_ids.filtered(lambda s: not s.date_done).sorted("sequence")[:1]
            complaint.current_step_id = step
            complaint.current_step = step.code.upper() if step else False
            complaint.current_step_user_id = step.user_id
            complaint.current_step_due = step.due_by
            # every step done: the bar stays on D8
            complaint.step_progress = step.code if step else complaint.step_ids and "d8"

    @api.depends("current_step_id")
    @api.depends_context("lang")
    def _compute_current_step_name(self):
        labels = dict(
            self.env["qms.complaint.step"]._fields["code"]._description_selection(self.env)
        )
        for complaint in self:
            code = complaint.current_step_id.code
            complaint.current_step_name = labels[code] if code else False

    @api.depends(
        "step_ids.date_done",
        "team_leader_id",
        "d2_what",
        "qty_wip",
        "qty_transit",
        "qty_customer",
        "containment_nothing_found",
        "containment_picking_ids",
        "root_cause_occurrence",
        "root_cause_escape",
        "qms_capa_ids.kind",
        "qms_capa_ids.state",
        "verification_ids.result",
        "verification_ids.stage",
        "date_ca_approved",
        "date_qc_verified",
        "skip_corrective",
        "lessons_learned",
        "abnormality_logged",
    )
    @api.depends_context("lang")
    def _compute_current_step_missing(self):
        for complaint in self:
            code = complaint.current_step_id.code
            complaint.current_step_missing = (
                (complaint._missing_for_step(code) or complaint._missing_for_completion(code))
                if code and complaint.state == "in_progress"
                else False
            )

    @api.depends(
        "root_cause_occurrence", "root_cause_escape", "qms_capa_ids.kind", "qms_capa_ids.state"
    )
    def _compute_is_report_ready(self):
        for complaint in self:
            complaint.is_report_ready = not (
                complaint._missing_for_step("d4") or complaint._missing_for_step("d5")
            )

    # ------------------------------------------------------------------
    # Mail
    # ------------------------------------------------------------------
    def _message_post_after_hook(self, message, msg_vals):
        """The 8D report went out through the composer: the deadline is met
        and the PDF as sent is kept."""
        if (
            self.env.context.get(REPORT_SEND_KEY)
            and len(self) == 1
            and self.state == "in_progress"
            and not self.date_report_sent
        ):
            document = sent_document(message)
            if document:
                self._report_sent(document)
        return super()._message_post_after_hook(message, msg_vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_notify_team(self):
        """D0 (5.8.2): tell the engineer, their manager and the department heads."""
        self._qms_ensure_state("in_progress")
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
            complaint._qms_workflow_write({"date_notified": fields.Datetime.now()})
            complaint._qms_deadline_close("notify")
        return True

    def action_report_containment(self):
        """D3 report: what was found in stock, WIP, transit and at the customer."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if complaint.containment_picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            ):
                raise UserError(
                    self.env._("Validate the containment transfers before reporting containment.")
                )
            complaint._check_step_ready("d3")
            reported = fields.Datetime.now()
            complaint._qms_workflow_write({"date_contained": reported})
            complaint._qms_deadline_close("containment", done=reported)
            complaint._complete_step("d3", when=reported)
        return True

    def action_next_step(self):
        """Complete the current 8D step after checking what it needs."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            step = complaint.current_step_id
            if not step:
                raise UserError(self.env._("Every 8D step is done: close the complaint."))
            if step.code == "d3":
                complaint.action_report_containment()
            elif step.code == "d8":
                complaint.action_close()
            else:
                complaint._check_step_ready(step.code)
                complaint._complete_step(step.code)
        return True

    def action_send_report(self):
        """The mail composer with the 8D report (PDF, in the customer's language)
        attached; sending it meets the report deadline."""
        self.ensure_one()
        self._qms_ensure_state("in_progress")
        self._check_step_ready("d4")
        self._check_step_ready("d5")
        template = self.env.ref("qms_complaint.mail_template_qms_complaint_8d", False)
        return composer_action(
            self,
            template,
            self.env._("Send the 8D report"),
            layout="mail.mail_notification_layout_with_responsible_signature",
            **{REPORT_SEND_KEY: True},
        )

    def action_confirm_effect_auditor(self):
        return self._confirm_effect("auditor_id", "date_auditor_confirmed")

    def action_confirm_effect_owner(self):
        return self._confirm_effect("project_owner_id", "date_owner_confirmed")

    def action_close(self):
        """D8: closes only with both effect confirmations and every action done."""
        self._qms_ensure_state("in_progress")
        for complaint in self:
            if not (complaint.date_auditor_confirmed and complaint.date_owner_confirmed):
                raise UserError(
                    self.env._(
                        "The process auditor and the project owner must both confirm the effect "
                        "before closing (5.8.8)."
                    )
                )
            open_actions = complaint._open_actions()
            if open_actions:
                raise UserError(
                    self.env._(
                        "Finish or cancel these actions first: %(actions)s",
                        actions=", ".join(open_actions.mapped("display_name")),
                    )
                )
            pending = complaint.step_ids.filtered(lambda s: not s.date_done and s.code != "d8")
            if pending:
                raise UserError(
                    self.env._(
                        "These 8D steps are not done: %(steps)s",
                        steps=", ".join(pending.mapped("code")).upper(),
                    )
                )
            complaint._complete_step("d8")
            complaint._qms_workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
            complaint._qms_deadline_close()
            complaint._cancel_callbacks()
        return True

    def action_reopen_recurrence(self):
        """The defect came back after closure: a new 8D revision, the old one
        kept as its PDF and summary; containment and a new root cause are due."""
        self._qms_ensure_state("closed")
        now = fields.Datetime.now()
        for complaint in self:
            if complaint.feedback_type not in EIGHT_D_TYPES:
                raise UserError(self.env._("Only complaints run an 8D."))
            complaint._archive_revision()
            complaint.step_ids.filtered(lambda s: s.code != "d1").write({"date_done": False})
            complaint._qms_workflow_write(
                {
                    "date_auditor_confirmed": False,
                    "date_owner_confirmed": False,
                    "report_attachment_id": False,
                    # D3 is stated again for the new revision
                    "containment_nothing_found": False,
                    **dict.fromkeys(ROOT_CAUSE_FIELDS, False),
                }
            )
            complaint._qms_workflow_write(
                {
                    "state": "in_progress",
                    "revision": complaint.revision + 1,
                    "date_confirmed": now,
                    "date_notified": False,
                    "date_contained": False,
                    "date_report_sent": False,
                    "date_closed": False,
                }
            )
            complaint._qms_deadline_open("notify", start=now)
            complaint._qms_deadline_open("containment", start=now)
            complaint._qms_deadline_open("report_8d", start=now)
            complaint._complete_step("d0")
            complaint.message_post(
                body=self.env._(
                    "Recurrence after closure: 8D reopened as revision %(revision)s. "
                    "Contain again and find the new root cause (D4).",
                    revision=complaint.revision,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _notification_users(self):
        self.ensure_one()
        users = self.user_id | self.team_leader_id
        employee = self.user_id.employee_ids[:1]
        users |= employee.parent_id.user_id
        users |= self.department_id.manager_id.user_id
        users |= self.category_id.department_id.manager_id.user_id
        return users

    def _corrective_actions(self):
        """D5: the permanent (long-term) corrective actions, not cancelled."""
        self.ensure_one()
        return self.qms_capa_ids.filtered(
            lambda c: c.kind == "corrective" and c.state != "cancelled"
        )

    def _open_actions(self):
        """Actions that keep the 8D from closing: neither done/verified nor cancelled."""
        self.ensure_one()
        return self.qms_capa_ids.filtered(lambda c: c.state == "open")

    def _missing_for_step(self, code):
        """The message of what step ``code`` still needs, or None."""
        self.ensure_one()
        if code == "d3" and not self._containment_stated():
            return self.env._(
                "D3: enter the suspect quantities isolated (stock, WIP, transit, customer), "
                "or tick “Nothing suspect found”."
            )
        if code == "d7":
            open_corrective = self._corrective_actions().filtered(lambda c: c.state == "open")
            if open_corrective:
                return self.env._(
                    "D7 waits for the corrective actions of D5: finish or cancel %(actions)s.",
                    actions=", ".join(f"{capa.name} “{capa.title}”" for capa in open_corrective),
                )
        missing = {
            "d1": lambda: not self.team_leader_id,
            "d2": lambda: not (self.d2_what or "").strip(),
            "d4": lambda: (
                not (
                    (self.root_cause_occurrence or "").strip()
                    and (self.root_cause_escape or "").strip()
                )
            ),
            "d5": lambda: not self._corrective_actions(),
            "d6": lambda: not self.verification_ids.filtered(lambda v: v.result == "pass"),
            "d7": lambda: not ((self.lessons_learned or "").strip() and self.abnormality_logged),
        }
        if code not in missing or not missing[code]():
            return None
        return {
            "d1": self.env._("D1: name the team leader."),
            "d2": self.env._("D2: describe the problem (what)."),
            "d4": self.env._("D4: give both root causes, occurrence and non-detection."),
            "d5": self.env._("D5: plan at least one permanent corrective action."),
            "d6": self.env._("D6: record at least one passed verification."),
            "d7": self.env._(
                "D7: write the lessons learned and add the case to the abnormality history."
            ),
        }[code]

    def _containment_stated(self):
        """D3 says what it found: a quantity isolated somewhere, or explicitly nothing."""
        self.ensure_one()
        return self.containment_nothing_found or any(
            (self.qty_stock_found, self.qty_wip, self.qty_transit, self.qty_customer)
        )

    def _check_step_ready(self, code):
        message = self._missing_for_step(code)
        if message:
            raise UserError(message)

    def _report_sent(self, document):
        self.ensure_one()
        self._qms_workflow_write(
            {"report_attachment_id": document.id, "date_report_sent": fields.Datetime.now()}
        )
        self._qms_deadline_close("report_8d")

    def _confirm_effect(self, user_field, date_field):
        self._qms_ensure_state("in_progress")
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
            complaint._qms_workflow_write({date_field: fields.Datetime.now()})
        return True

    def _cancel_follow_ups(self):
        result = super()._cancel_follow_ups()
        for complaint in self:
            open_actions = complaint._open_actions()
            if open_actions:
                open_actions.action_cancel()
        return result

    def _archive_revision(self):
        """Keep the closed 8D: its dates, a summary and its PDF as printed now."""
        self.ensure_one()
        revision = (
            self.env["qms.complaint.revision"]
            .sudo()
            .create(
                {
                    "complaint_id": self.id,
                    "revision": self.revision,
                    "date_confirmed": self.date_confirmed,
                    "date_contained": self.date_contained,
                    "date_report_sent": self.date_report_sent,
                    "date_closed": self.date_closed,
                    "summary": self._revision_summary(),
                }
            )
        )
        content, _type = self.env["ir.actions.report"]._render_qweb_pdf(REPORT_8D, self.ids)
        revision.report_attachment_id = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"8D-{self.name}-rev{self.revision}.pdf",
                    "raw": content,
                    "mimetype": "application/pdf",
                    "res_model": revision._name,
                    "res_id": revision.id,
                }
            )
        )
        return revision

    def _revision_summary(self):
        """Root causes and actions of the 8D being closed, as HTML."""
        self.ensure_one()
        Capa = self.env["qms.capa"]
        kinds = dict(Capa._fields["kind"]._description_selection(self.env))
        states = dict(Capa._fields["state"]._description_selection(self.env))
        rows = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(number)s [%(kind)s] %(action)s — %(owner)s — %(state)s",
                number=capa.name,
                kind=kinds[capa.kind],
                action=capa.title,
                owner=capa.user_id.name or "",
                state=states[capa.state],
            )
            for capa in self.qms_capa_ids
        )
        return Markup("<p><strong>%s</strong> %s</p><p><strong>%s</strong> %s</p><ul>%s</ul>") % (
            self.env._("Root cause (occurrence):"),
            self.root_cause_occurrence or "",
            self.env._("Root cause (non-detection):"),
            self.root_cause_escape or "",
            rows,
        )

    # ------------------------------------------------------------------
    # Steps
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

    def _complete_step(self, code, when=None):
        self.ensure_one()
        step = self.step_ids.filtered(lambda s: s.code == code and not s.date_done)
        if not step:
            return
        step.write({"date_done": when or fields.Datetime.now()})
        # D0 and D8 move the state (confirmed, closed): its tracking is their chatter line.
        if code not in ("d0", "d8"):
            labels = dict(step._fields["code"]._description_selection(self.env))
            self.message_post(
                body=self.env._("%(step)s completed.", step=labels[code]),
                subtype_xmlid="mail.mt_note",
            )
