from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

STATES = [
    ("draft", "Draft"),
    ("sent", "Sent to the customer"),
    ("confirmed", "Confirmed by the customer"),
    ("disputed", "Disputed, investigating"),
    ("closed", "Differences closed"),
    ("cancelled", "Cancelled"),
]


class QmsPropertyCount(models.Model):
    """Periodic count of the property held for one customer (定期盘点, 022 6.9.4):
    generated from the quants once per period, sent to the customer's portal
    for written confirmation, or disputed line by line and investigated.

    Its lines are the book taken at generation (``book_lines``: one entry per
    product, location and lot, fixed from then on); a line the customer
    disputes becomes a difference record (``line_ids``) to investigate."""

    _name = "qms.property.count"
    _description = "Customer Property Count"
    _inherit = [
        "qms.frozen.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "qms.deadline.mixin",
        "qms.sequence.mixin",
        "qms.capa.mixin",
        "qms.portal.fields.mixin",
        "qms.workflow.mixin",
    ]
    # whose count of which period: fixed once the count is created
    _qms_frozen_fields = {
        "partner_id": (),
        "period_start": (),
        "period_end": (),
        "book_lines": (),
    }
    _qms_workflow_fields = (
        "state",
        "name",
        "date_sent",
        "date_answered",
        "confirmed_by_id",
        "customer_note",
    )
    _qms_portal_fields = (
        "name",
        "state",
        "partner_id",
        "commercial_partner_id",
        "company_id",
        "period_start",
        "period_end",
        "book_lines",
        "line_ids",
        "date_sent",
        "date_answered",
        "customer_note",
        "access_url",
        "access_token",
        "access_warning",
    )
    _order = "period_start desc, id desc"
    _qms_sequence_code = "qms.property.count"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, readonly=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        help="Sales contact who has the count confirmed and follows the differences.",
    )
    period_start = fields.Date(required=True, readonly=True, index=True)
    period_end = fields.Date(required=True, readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)
    # [[product id, location id, lot id or null, quantity], …] as counted: a
    # snapshot, not rows, so that a month's count of every customer is one statement
    book_lines = fields.Json("Book", readonly=True, copy=False)
    book_html = fields.Html("Lines", compute="_compute_book_html", sanitize=False)
    line_ids = fields.One2many("qms.property.count.line", "count_id", string="Differences")
    line_count = fields.Integer("Lines", compute="_compute_line_stats")
    disputed_count = fields.Integer("Disputed lines", compute="_compute_line_stats")
    date_sent = fields.Datetime("Sent on", readonly=True)
    date_answered = fields.Datetime("Answered on", readonly=True)
    confirmed_by_id = fields.Many2one("res.partner", string="Answered by", readonly=True)
    customer_note = fields.Text("Customer's remark", readonly=True)
    investigation = fields.Text(
        "Investigation of the differences", groups="qms_base.group_qms_user"
    )

    _sql_constraints = [
        (
            "period_uniq",
            "unique(company_id, partner_id, period_start)",
            "A customer's property is counted once per period.",
        ),
    ]

    @api.depends("book_lines", "line_ids")
    def _compute_line_stats(self):
        for count in self:
            count.line_count = len(count.book_lines or ())
            count.disputed_count = len(count.line_ids)

    @api.depends("book_lines", "line_ids.qty_customer", "state")
    def _compute_book_html(self):
        for count in self:
            count.book_html = self.env["ir.qweb"]._render(
                "qms_customer_property.property_count_book", {"count": count}
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for count in self:
            count.access_url = f"/my/property/counts/{count.id}"
        return result

    def _qms_deadline_company(self):
        self.ensure_one()
        return self.company_id

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_send(self):
        """To the customer's portal (and by e-mail) for written confirmation."""
        self._qms_ensure_state("draft")
        template = self.env.ref(
            "qms_customer_property.mail_template_property_count", raise_if_not_found=False
        )
        for count in self:
            count._qms_workflow_write({"state": "sent", "date_sent": fields.Datetime.now()})
            count._portal_ensure_token()
            count.message_subscribe(partner_ids=count.partner_id.ids)
            if template:
                count.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
            count._qms_deadline_open("count_confirm")
        return True

    def action_confirm(self, partner=None, note=None):
        """The customer confirms every line (portal, or recorded from its signed copy)."""
        self._qms_ensure_state("sent")
        self._answer("confirmed", partner, note)
        self._qms_deadline_close("count_confirm")
        return True

    def action_dispute(self, answers, partner=None, note=None):
        """``answers``: ``{line number: (customer quantity, remark)}`` for the lines
        the customer disputes (numbered from 1 as on the count); the other lines
        are confirmed."""
        self.ensure_one()
        self._qms_ensure_state("sent")
        if not answers or not isinstance(answers, dict):
            raise UserError(self.env._("Say which lines you dispute."))
        try:
            # over XML-RPC the keys of a struct are strings
            answers = {int(key): value for key, value in answers.items()}
            answers = {
                key: (value[0], value[1] if len(value) > 1 else "")
                for key, value in answers.items()
            }
        except (TypeError, ValueError, IndexError, KeyError):
            raise UserError(
                self.env._("Give each disputed line as line number: [your quantity, remark].")
            ) from None
        rows = {row["number"]: row for row in self._book_rows()}
        if set(answers) - set(rows):
            raise UserError(self.env._("These lines are not lines of %(count)s.", count=self.name))
        Line = self.env["qms.property.count.line"]
        values = []
        for number, (qty, remark) in sorted(answers.items()):
            row = rows[number]
            values.append(
                {
                    "count_id": self.id,
                    "sequence": number,
                    "product_id": row["product"].id,
                    "location_id": row["location"].id,
                    "lot_id": row["lot"].id,
                    "qty_book": row["qty"],
                    "qty_customer": Line._customer_quantity(qty, row["product"]),
                    "customer_remark": (remark if isinstance(remark, str) else "").strip()[:500]
                    or False,
                }
            )
        Line._qms_workflow_create(values)
        self._answer("disputed", partner, note)
        self._qms_deadline_close("count_confirm")
        self._qms_deadline_open("count_investigate")
        return True

    def _answer(self, state, partner, note):
        for count in self:
            count._qms_workflow_write(
                {
                    "state": state,
                    "date_answered": fields.Datetime.now(),
                    "confirmed_by_id": (partner or self.env.user.partner_id).id,
                    "customer_note": note or False,
                }
            )

    def action_close_investigation(self):
        """The differences investigated: the count is closed."""
        self._qms_ensure_state("disputed")
        for count in self:
            if not (count.investigation or "").strip():
                raise UserError(
                    self.env._(
                        "%(number)s: record the investigation of the differences first.",
                        number=count.name,
                    )
                )
        self._qms_workflow_write({"state": "closed"})
        self._qms_deadline_close("count_investigate")
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft", "sent")
        self._qms_deadline_cancel()
        self._qms_workflow_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------
    @api.model
    def _period_of(self, day, company):
        """(first day, last day) of the count period holding ``day``: periods of
        ``qms_property_count_months`` months from January."""
        months = max(1, company.qms_property_count_months or 1)
        first_month = ((day.month - 1) // months) * months + 1
        start = day.replace(month=first_month, day=1)
        return start, start + relativedelta(months=months, days=-1)

    @api.model
    def _generate(self, day=None, partners=None, company=None):
        """The count documents of the period holding ``day`` (today) for every
        customer holding owner-tagged stock in its property location, or for
        ``partners``: once per period, never twice. Returns the new counts."""
        company = company or self.env.company
        day = day or fields.Date.context_today(self)
        start, end = self._period_of(day, company)
        holders = self.env["qms.property.ledger"]._holders(company, partners)
        if not holders:
            return self.browse()
        done = set(
            self.with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("period_start", "=", start),
                    ("partner_id", "in", holders),
                ]
            )
            .mapped("partner_id")
            .ids
        )
        customers = self.env["res.partner"].browse([p for p in holders if p not in done])
        vals_list = [
            {
                "company_id": company.id,
                "partner_id": customer.id,
                "period_start": start,
                "period_end": end,
                # the customer's salesperson has it confirmed (022 6.9.4: 业务部)
                "user_id": customer.user_id.id,
            }
            for customer in customers
        ]
        if not vals_list:
            return self.browse()
        counts = self.with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)
        counts._take_book()
        return counts

    def _take_book(self):
        """The book of every count in ``self``, from the customer's owner-tagged
        quants in its own locations: one entry per (product, location, lot), in
        one statement for all the counts (a month's count of a thousand customers
        is a hundred thousand entries)."""
        if not self:
            return
        self.env["stock.quant"].flush_model(
            ["owner_id", "product_id", "location_id", "lot_id", "quantity", "company_id"]
        )
        self.env["stock.location"].flush_model(["qms_property_partner_id"])
        self.flush_recordset(["partner_id", "company_id"])
        self.env.execute_query(
            SQL(
                """
                UPDATE qms_property_count c
                   SET book_lines = book.lines
                  FROM (SELECT held.count_id,
                               jsonb_agg(
                                   jsonb_build_array(held.product_id, held.location_id,
                                                     held.lot_id, held.qty)
                                   ORDER BY held.product_id, held.location_id, held.lot_id
                               ) AS lines
                          FROM (SELECT c.id AS count_id, q.product_id, q.location_id,
                                       q.lot_id, SUM(q.quantity) AS qty
                                  FROM qms_property_count c
                                  JOIN stock_location l
                                    ON l.qms_property_partner_id = c.partner_id
                                  JOIN stock_quant q
                                    ON q.location_id = l.id AND q.owner_id = c.partner_id
                                   AND q.company_id = c.company_id
                                 WHERE c.id = ANY(%(counts)s)
                              GROUP BY c.id, q.product_id, q.location_id, q.lot_id
                                HAVING SUM(q.quantity) > 0) held
                      GROUP BY held.count_id) book
                 WHERE c.id = book.count_id
                """,
                counts=self.ids,
            )
        )
        self.invalidate_recordset(["book_lines"])

    def _book_rows(self):
        """The count's lines as the customer was sent them: number (from 1),
        product, location, lot, our quantity, and the customer's difference
        line when it disputed that line."""
        self.ensure_one()
        book = self.book_lines or []
        products = self.env["product.product"].with_context(active_test=False)
        products = products.browse([entry[0] for entry in book])
        locations = self.env["stock.location"].browse([entry[1] for entry in book if entry[1]])
        lots = self.env["stock.lot"].browse([entry[2] for entry in book if entry[2]])
        differences = {line.sequence: line for line in self.line_ids}
        return [
            {
                "number": number,
                "product": products.browse(product_id).with_prefetch(products._prefetch_ids),
                "location": locations.browse(location_id or []).with_prefetch(
                    locations._prefetch_ids
                ),
                "lot": lots.browse(lot_id or []).with_prefetch(lots._prefetch_ids),
                "qty": qty,
                "difference": differences.get(number),
            }
            for number, (product_id, location_id, lot_id, qty) in enumerate(book, 1)
        ]

    @api.model
    def _cron_generate(self):
        for company in self.env["res.company"].search([]):
            counts = self.with_company(company)._generate(company=company)
            if company.qms_property_count_auto_send:
                counts.action_send()
        return True
