import logging
from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.qms_base.models.qms_workflow_mixin import WORKFLOW_KEY, WORKFLOW_TOKEN

_logger = logging.getLogger(__name__)

KINDS = [
    ("holiday", "Holiday greeting"),
    ("tips", "Care tips"),
    ("offer", "Offer"),
]
STATES = [
    ("draft", "Draft"),
    ("planned", "Planned"),
    ("sent", "Sent"),
    ("cancelled", "Cancelled"),
]
QUARTER_MONTHS = 3
# What went out: kept as it was once the campaign is sent.
SENT_FIELDS = {
    "name",
    "kind",
    "company_id",
    "holiday_id",
    "date_planned",
    "subject",
    "body",
    "sms_body",
    "class_ids",
}


class QmsDeskCareCampaign(models.Model):
    """Customer care (000 三 发送温馨关怀短信; 003 第五步 客户关怀计划): holiday
    greetings before each public holiday of the company's working calendar,
    care tips each quarter, offers — planned, then sent by e-mail (and SMS
    when the company has Odoo's SMS module and turns it on).

    Customers who opted out (or whose address is on the mail blacklist) get
    nothing; a customer gets a campaign's message once per channel, and one
    greeting per holiday.
    """

    _name = "qms.desk.care.campaign"
    _description = "Customer Care Campaign"
    # Who owns a campaign is settled once it is sent.
    _qms_frozen_fields = {"user_id": ("draft", "planned", "cancelled")}
    _inherit = ["qms.frozen.mixin", "mail.thread", "mail.activity.mixin", "qms.workflow.mixin"]
    _qms_workflow_fields = ("state", "date_sent")
    _order = "date_planned desc, id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="offer", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    holiday_id = fields.Many2one(
        "resource.calendar.leaves",
        string="Public holiday",
        ondelete="set null",
        domain=[("resource_id", "=", False)],
    )
    date_holiday = fields.Date("Holiday starts", compute="_compute_date_holiday", store=True)
    date_planned = fields.Date("Send on", required=True, default=fields.Date.context_today)
    subject = fields.Char(required=True, translate=True)
    body = fields.Html("E-mail text", translate=True)
    sms_body = fields.Text("SMS text", translate=True)
    class_ids = fields.Many2many(
        "qms.desk.customer.class",
        string="Customer classes",
        help="Only customers of these classes; all customers when empty.",
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True
    )
    date_sent = fields.Datetime("Sent on", readonly=True, copy=False)
    message_line_ids = fields.One2many(
        "qms.desk.care.message", "campaign_id", string="Care messages", readonly=True
    )
    sent_count = fields.Integer("Sent", compute="_compute_counts")
    skipped_count = fields.Integer("Not sent", compute="_compute_counts")

    _sql_constraints = [
        (
            "holiday_uniq",
            "unique(company_id, holiday_id)",
            "This holiday already has its greeting.",
        ),
    ]

    @api.depends("holiday_id.date_from", "company_id")
    def _compute_date_holiday(self):
        for campaign in self:
            holiday = campaign.holiday_id
            if not holiday:
                campaign.date_holiday = False
                continue
            zone = pytz.timezone(campaign.company_id._qms_calendar().tz or "UTC")
            campaign.date_holiday = pytz.utc.localize(holiday.date_from).astimezone(zone).date()

    @api.depends("message_line_ids.state")
    def _compute_counts(self):
        for campaign in self:
            lines = campaign.message_line_ids
            campaign.sent_count = len(lines.filtered(lambda m: m.state == "sent"))
            campaign.skipped_count = len(lines) - campaign.sent_count

    @api.constrains("kind", "holiday_id")
    def _check_holiday(self):
        for campaign in self:
            if campaign.kind == "holiday" and not campaign.holiday_id:
                raise ValidationError(self.env._("A holiday greeting needs its public holiday."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if self.filtered(lambda c: c.state == "sent") and set(vals) & SENT_FIELDS:
            raise UserError(self.env._("A campaign that was sent is kept as it went out."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_not_sent(self):
        if any(campaign.state == "sent" for campaign in self):
            raise UserError(self.env._("A campaign that was sent is kept, never deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_plan(self):
        self._qms_ensure_state("draft")
        for campaign in self:
            if not campaign.body or not campaign.body.striptags().strip():
                raise UserError(
                    self.env._("%(campaign)s: write the e-mail text first.", campaign=campaign.name)
                )
        self._qms_workflow_write({"state": "planned"})
        return True

    def action_send(self):
        """Send now (a planned campaign; the scheduler sends them on their date)."""
        self._qms_ensure_state("planned")
        for campaign in self:
            campaign._send()
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft", "planned")
        self._qms_workflow_write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        self._qms_ensure_state("cancelled", "planned")
        self._qms_workflow_write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    def _recipients(self):
        """Customers who may receive this campaign: active, not opted out, of
        its classes, and — for a greeting — not greeted for this holiday yet."""
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("care_opt_out", "=", False),
        ]
        if self.class_ids:
            domain.append(("class_id", "in", self.class_ids.ids))
        customers = self.env["qms.desk.customer"].sudo().search(domain)
        done = (
            self.env["qms.desk.care.message"]
            .sudo()
            .search(
                [("campaign_id", "=", self.id)]
                if not self.holiday_id
                else [
                    ("campaign_id.holiday_id", "=", self.holiday_id.id),
                    ("campaign_id.company_id", "=", self.company_id.id),
                ]
            )
        )
        return customers - done.customer_id

    def _send(self):
        """E-mail (and SMS) to every recipient, one message line each; the
        campaign is sent once, whatever happens to single addresses."""
        self.ensure_one()
        campaign = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang)
        customers = campaign._recipients()
        blacklisted = campaign._blacklisted(customers)
        use_sms = campaign._sms_enabled()
        lines = []
        for customer in customers:
            lines.append(campaign._send_email(customer, blacklisted))
            if use_sms and (customer.mobile or customer.phone):
                lines.append(campaign._send_sms(customer))
        self.env["qms.desk.care.message"].sudo().create(lines)
        self._qms_workflow_write({"state": "sent", "date_sent": fields.Datetime.now()})
        self.message_post(
            body=self.env._("Sent to %(count)s customer(s).", count=len(customers)),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _blacklisted(self, customers):
        emails = {tools.email_normalize(c.email) for c in customers if c.email} - {False}
        if not emails:
            return set()
        rows = self.env["mail.blacklist"].sudo().search([("email", "in", list(emails))])
        return set(rows.mapped("email"))

    def _sms_enabled(self):
        return bool(self.company_id.qms_desk_care_sms and "sms.sms" in self.env)

    def _send_email(self, customer, blacklisted):
        vals = {"campaign_id": self.id, "customer_id": customer.id, "channel": "email"}
        email = tools.email_normalize(customer.email) if customer.email else False
        if not email:
            return {**vals, "state": "skipped", "reason": self.env._("No e-mail address")}
        if email in blacklisted:
            return {**vals, "state": "skipped", "reason": self.env._("E-mail blacklisted")}
        mail = (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": self.subject,
                    "body_html": self._email_body(customer),
                    "email_to": tools.formataddr((customer.name, email)),
                    "email_from": self.company_id.email_formatted or self.env.user.email_formatted,
                    "auto_delete": False,
                    "model": self._name,
                    "res_id": self.id,
                }
            )
        )
        return {**vals, "address": email, "mail_id": mail.id}

    def _send_sms(self, customer):
        number = customer.mobile or customer.phone
        self.env["sms.sms"].sudo().create(
            {"number": number, "body": self._sms_text(customer), "state": "outgoing"}
        )
        return {
            "campaign_id": self.id,
            "customer_id": customer.id,
            "channel": "sms",
            "address": number,
        }

    def _email_body(self, customer):
        salutation = self.env._("Dear %(name)s,", name=customer.name)
        footer = self.env._(
            "You receive this message as our customer. To receive no more greetings, tips "
            "or offers, follow this link:"
        )
        link = customer._care_opt_out_url()
        return Markup(
            '<p>%s</p>%s<p style="font-size:small;color:#777">%s <a href="%s">%s</a></p>'
        ) % (
            escape(salutation),
            self.body or "",
            escape(footer),
            link,
            escape(self.env._("unsubscribe")),
        )

    def _sms_text(self, customer):
        text = self.sms_body or tools.html2plaintext(self.body or "")
        return self.env._("%(text)s Reply TD to unsubscribe.", text=text) if text else text

    # ------------------------------------------------------------------
    # Scheduler
    # ------------------------------------------------------------------
    @api.model
    def _cron_care(self, today=None):
        """Daily: plan the greetings of coming holidays and this quarter's care
        tips, then send the planned campaigns whose date has come."""
        today = today or fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            self._plan_greetings(company, today)
            self._plan_tips(company, today)
        due = self.search([("state", "=", "planned"), ("date_planned", "<=", today)])
        for campaign in due:
            campaign._send()
        return True

    @api.model
    def _company_holidays(self, company, start, end):
        """The public holidays of the company's working calendar starting in [start, end)."""
        calendar = company._qms_calendar()
        return self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "in", [False, calendar.id]),
                ("resource_id", "=", False),
                ("company_id", "in", [False, company.id]),
                ("date_from", ">=", start),
                ("date_from", "<", end),
            ],
            order="date_from",
        )

    @api.model
    def _plan_greetings(self, company, today):
        calendar = company._qms_calendar()
        zone = pytz.timezone(calendar.tz or "UTC")
        start = zone.localize(datetime.combine(today, time.min)).astimezone(pytz.utc)
        start = start.replace(tzinfo=None)
        end = start + timedelta(days=company.qms_desk_care_horizon_days or 30)
        holidays = self._company_holidays(company, start, end)
        greeted = (
            self.with_context(active_test=False)
            .search([("company_id", "=", company.id), ("holiday_id", "in", holidays.ids)])
            .holiday_id
        )
        lang_self = self.with_context(lang=company.partner_id.lang or self.env.lang)
        campaigns = self.browse()
        for holiday in holidays - greeted:
            send_on = self._greeting_day(calendar, holiday, company.qms_desk_greeting_days, today)
            campaigns |= lang_self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).create(
                {
                    "name": lang_self.env._("Greeting: %(holiday)s", holiday=holiday.name),
                    "kind": "holiday",
                    "company_id": company.id,
                    "user_id": company.qms_desk_user_id.id,
                    "holiday_id": holiday.id,
                    "date_planned": send_on,
                    "subject": lang_self.env._(
                        "Season's greetings for %(holiday)s", holiday=holiday.name
                    ),
                    "body": Markup("<p>%s</p>")
                    % lang_self.env._(
                        "All of us at %(company)s wish you and your family a happy %(holiday)s. "
                        "Thank you for your trust.",
                        company=company.name,
                        holiday=holiday.name,
                    ),
                    "state": "planned",
                }
            )
        return campaigns

    @api.model
    def _greeting_day(self, calendar, holiday, days, today):
        """The local day ``days`` working days before ``holiday`` starts (the
        holiday's first day for 0); today when that is already past."""
        zone = pytz.timezone(calendar.tz or "UTC")
        first_day = pytz.utc.localize(holiday.date_from).astimezone(zone).date()
        if not days:
            return max(first_day, today)
        # the last moment before the holiday is the end of the last working day
        # before it: counting back from there, the (days - 1)th working day before
        last_moment = holiday.date_from - timedelta(seconds=1)
        floor = zone.localize(datetime.combine(today, time.min)).astimezone(pytz.utc)
        send_at = calendar._qms_subtract_working_days(
            last_moment, days - 1, floor=floor.replace(tzinfo=None)
        )
        if not send_at:
            return today
        return max(pytz.utc.localize(send_at).astimezone(zone).date(), today)

    @api.model
    def _plan_tips(self, company, today):
        """This quarter's care tips: a draft for the responsible to write."""
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        after = first + relativedelta(months=QUARTER_MONTHS)
        if self.search_count(
            [
                ("company_id", "=", company.id),
                ("kind", "=", "tips"),
                ("date_planned", ">=", first),
                ("date_planned", "<", after),
            ],
            limit=1,
        ):
            return self.browse()
        lang_self = self.with_context(lang=company.partner_id.lang or self.env.lang)
        quarter = (first.month - 1) // 3 + 1
        campaign = lang_self.create(
            {
                "name": lang_self.env._(
                    "Care tips %(year)s Q%(quarter)s", year=first.year, quarter=quarter
                ),
                "kind": "tips",
                "company_id": company.id,
                "user_id": company.qms_desk_user_id.id,
                "date_planned": today,
                "subject": lang_self.env._("Care tips for your products"),
            }
        )
        if campaign.user_id:
            campaign.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=lang_self.env._("Write and plan this quarter's care tips"),
                user_id=campaign.user_id.id,
            )
        return campaign
