import re

from odoo import api, fields, models
from odoo.exceptions import UserError

KEYWORD_SPLIT = re.compile(r"[,;，；、\s]+")
KINDS = [
    ("consultation", "Consultation"),
    ("complaint", "Complaint"),
    ("suggestion", "Suggestion"),
    ("product", "Product knowledge"),
    ("faq", "Common question"),
]
STATES = [("draft", "To write"), ("published", "Published")]
# How many answers a call shows
MATCH_LIMIT = 10


class QmsDeskKnowledge(models.Model):
    """A problem analysis and its answer in the knowledge base (知识库,
    000 客服系统建立细则: 制定各种问题分析表、整理知识库, 事件发生后48小时内完成).

    The event that raised it (a call, a complaint…) is its source; from that
    moment the article is due within the kind “Knowledge base updated”
    (2 working days by default, a setting), escalated through the shared
    deadline engine. Publishing closes the deadline; asking for an update
    opens a new one.
    """

    _name = "qms.desk.knowledge"
    _description = "Knowledge Base Article"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.source.mixin",
        "qms.workflow.mixin",
    ]
    _order = "state, write_date desc, id desc"
    _qms_sequence_code = "qms.desk.knowledge"
    _qms_workflow_fields = ("state", "name", "date_published")

    title = fields.Char("Problem", required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    kind = fields.Selection(KINDS, default="faq", required=True)
    keywords = fields.Char(
        help="Words a caller may use, separated by commas; the call log matches them."
    )
    product_id = fields.Many2one("product.product")
    analysis = fields.Html("Problem analysis")
    answer = fields.Html()
    date_event = fields.Datetime(
        "Event on",
        required=True,
        default=fields.Datetime.now,
        help="When the event that raised this article happened: the update is due from then.",
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, copy=False, tracking=True
    )
    date_published = fields.Datetime("Published on", readonly=True, copy=False)
    date_due = fields.Datetime("Update due", compute="_compute_date_due")

    @api.depends("qms_deadline_ids.due", "qms_deadline_ids.state")
    def _compute_date_due(self):
        for article in self:
            open_rows = article.qms_deadline_ids.filtered(lambda d: d.state == "open")
            article.date_due = open_rows[:1].due

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        articles = super().create(vals_list)
        for article in articles:
            article._qms_deadline_open("update", start=article.date_event)
        return articles

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_publish(self):
        for article in self:
            if article.state != "draft":
                raise UserError(self.env._("%(number)s is already published.", number=article.name))
            if not article.answer or not article.answer.striptags().strip():
                raise UserError(
                    self.env._(
                        "%(number)s: write the answer before publishing.", number=article.name
                    )
                )
        now = fields.Datetime.now()
        self._qms_workflow_write({"state": "published", "date_published": now})
        self._qms_deadline_close("update", done=now)
        return True

    def action_request_update(self):
        """A new event makes the answer out of date: back to “To write”,
        due again within the knowledge-base deadline from now."""
        for article in self:
            if article.state != "published":
                raise UserError(self.env._("%(number)s is not published yet.", number=article.name))
        now = fields.Datetime.now()
        self._qms_workflow_write({"state": "draft", "date_event": now})
        for article in self:
            article._qms_deadline_open("update", start=now)
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _keyword_list(self):
        self.ensure_one()
        return [word.lower() for word in KEYWORD_SPLIT.split(self.keywords or "") if len(word) >= 2]

    @api.model
    def _matching(self, text, product, company):
        """Published articles whose keywords appear in ``text`` or whose product is ``product``."""
        text = (text or "").lower()
        if not text and not product:
            return self.browse()
        domain = [("state", "=", "published"), ("company_id", "=", company.id)]
        articles = self.search(domain)
        matched = articles.filtered(
            lambda a: (
                (product and a.product_id == product)
                or any(word in text for word in a._keyword_list())
            )
        )
        return matched[:MATCH_LIMIT]

    def _qms_deadline_owner(self, kind):
        self.ensure_one()
        return self.user_id or self.company_id.qms_escalation_user_id
