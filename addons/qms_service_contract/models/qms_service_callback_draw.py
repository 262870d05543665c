import random

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import callback_draw

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
STATES = [("draft", "Draft"), ("drawn", "Drawn"), ("cancelled", "Cancelled")]
# Range of the stored seeds (a positive 31-bit integer fits every database column).
SEED_RANGE = 2**31 - 1


class QmsServiceCallbackDraw(models.Model):
    """客户满意度回访 (002 六): the quarterly draw of the customers called back.

    Per engineer, ``size`` customers drawn at random from those the engineer
    looks after (contracts in force); different customers from quarter to
    quarter as far as possible; each customer twice a year as the target.
    The seed, the pools and the history the draw saw are stored, so anyone
    can run it again (``action_verify``) and get the same customers."""

    _name = "qms.service.callback.draw"
    _description = "Quarterly Callback Draw"
    # What the form shows read-only once the record has left draft.
    _qms_frozen_fields = {
        "quarter": ("draft",),
        "seed": ("draft",),
        "size": ("draft",),
        "target": ("draft",),
        "year": ("draft",),
    }
    _inherit = ["qms.frozen.mixin", "qms.workflow.mixin", "mail.thread"]
    _order = "year desc, quarter desc, id desc"
    _qms_workflow_fields = frozenset({"state", "pools", "history", "date_drawn"})

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    quarter = fields.Selection(
        QUARTERS,
        required=True,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    seed = fields.Integer(
        required=True,
        default=lambda self: random.SystemRandom().randint(1, SEED_RANGE),
        tracking=True,
        help="The draw's random numbers come from it: the same seed gives the same customers.",
    )
    size = fields.Integer(
        "Customers per engineer",
        required=True,
        default=lambda self: self.env.company.qms_service_draw_size,
    )
    target = fields.Integer(
        "Draws per customer and year",
        required=True,
        default=lambda self: self.env.company.qms_service_draw_target,
        help="The baseline: each customer drawn this often a year (a target, not a cap).",
    )
    pools = fields.Json(readonly=True, help="Per engineer, the customers the draw chose from.")
    history = fields.Json(
        readonly=True, help="Draws per customer earlier in the year, and last quarter's customers."
    )
    date_drawn = fields.Datetime("Drawn on", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Caller",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user if not self.env.user.share else False,
        help="Quality control centre: makes the calls.",
    )
    line_ids = fields.One2many("qms.service.callback.draw.line", "draw_id", string="Customers")
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True)

    @api.depends("year", "quarter")
    def _compute_name(self):
        for draw in self:
            draw.name = f"{draw.year} Q{draw.quarter}" if draw.year and draw.quarter else False

    @api.depends("line_ids")
    def _compute_line_count(self):
        for draw in self:
            draw.line_count = len(draw.line_ids)

    @api.constrains("size", "target", "year", "seed")
    def _check_numbers(self):
        for draw in self:
            if draw.size <= 0 or draw.target <= 0:
                raise ValidationError(
                    self.env._("The draw needs at least one customer per engineer and a target.")
                )
            if not 2000 <= draw.year <= 2100:
                raise ValidationError(self.env._("%(year)s is not a valid year.", year=draw.year))
            if draw.seed < 0:
                raise ValidationError(self.env._("The seed must be a positive number."))

    @api.constrains("company_id", "year", "quarter", "state")
    def _check_one_per_quarter(self):
        for draw in self.filtered(lambda d: d.state == "drawn"):
            if self.search_count(
                [
                    ("id", "!=", draw.id),
                    ("company_id", "=", draw.company_id.id),
                    ("year", "=", draw.year),
                    ("quarter", "=", draw.quarter),
                    ("state", "=", "drawn"),
                ]
            ):
                raise ValidationError(
                    self.env._("%(quarter)s has been drawn already.", quarter=draw.name)
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_draw(self):
        """Draw the quarter's customers and plan one callback each."""
        self._qms_ensure_state("draft")
        for draw in self:
            pools, contracts = draw._pools()
            if not pools:
                raise UserError(
                    self.env._("No contract in force has a service engineer: nobody to draw.")
                )
            counts, last = draw._history()
            result = callback_draw.draw_quarter(
                draw.seed, pools, counts, last, size=draw.size, target=draw.target
            )
            draw._qms_workflow_write(
                {
                    "state": "drawn",
                    "date_drawn": fields.Datetime.now(),
                    "pools": {str(engineer): ids for engineer, ids in pools.items()},
                    "history": {
                        "counts": {str(c): n for c, n in counts.items()},
                        "last": sorted(last),
                    },
                }
            )
            # The lines are the draw's result, never entered by hand: users read
            # them only, the draw writes them.
            lines = (
                self.env["qms.service.callback.draw.line"]
                .sudo()
                .create(
                    [
                        {
                            "draw_id": draw.id,
                            "engineer_id": engineer,
                            "partner_id": customer,
                            "contract_id": contracts[engineer, customer],
                            "year_count": counts.get(customer, 0) + 1,
                            "sequence": index,
                        }
                        for engineer in sorted(result)
                        for index, customer in enumerate(result[engineer])
                    ]
                )
                .sudo(False)
            )
            lines._plan_callback()
            draw.message_post(
                body=self.env._(
                    "Drawn with seed %(seed)s: %(count)s customers for %(engineers)s engineers.",
                    seed=draw.seed,
                    count=len(lines),
                    engineers=len(pools),
                )
            )
        return True

    def action_verify(self):
        """Run the draw again from what it stored: the same customers, or an error."""
        self._qms_ensure_state("drawn")
        for draw in self:
            if draw._redraw() != draw._drawn():
                raise UserError(
                    self.env._("%(draw)s: the stored draw cannot be reproduced.", draw=draw.name)
                )
            draw.message_post(body=self.env._("Draw reproduced from its seed: same customers."))
        return True

    def action_cancel(self):
        self._qms_ensure_state("draft", "drawn")
        for draw in self:
            draw.line_ids._qms_callback_cancel()
            draw._qms_workflow_write({"state": "cancelled"})
        return True

    def action_view_callbacks(self):
        self.ensure_one()
        return self.line_ids.qms_callback_ids._get_records_action(name=self.env._("Callbacks"))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _pools(self):
        """({engineer id: [customer ids]}, {(engineer, customer): contract id})
        from the company's contracts in force."""
        self.ensure_one()
        contracts = self.env["qms.service.contract"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "active"),
                ("engineer_id", "!=", False),
            ],
            order="id",
        )
        pools, by_pair = {}, {}
        for contract in contracts:
            engineer, customer = contract.engineer_id.id, contract.commercial_partner_id.id
            pools.setdefault(engineer, [])
            if customer not in pools[engineer]:
                pools[engineer].append(customer)
            by_pair.setdefault((engineer, customer), contract.id)
        return {engineer: sorted(ids) for engineer, ids in pools.items()}, by_pair

    def _history(self):
        """(times each customer was drawn earlier this year, last quarter's customers)."""
        self.ensure_one()
        earlier = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("year", "=", self.year),
                ("quarter", "<", self.quarter),
                ("state", "=", "drawn"),
            ]
        )
        counts = {}
        for line in earlier.line_ids:
            counts[line.partner_id.id] = counts.get(line.partner_id.id, 0) + 1
        previous = earlier.filtered(lambda d: int(d.quarter) == int(self.quarter) - 1)
        return counts, set(previous.line_ids.partner_id.ids)

    def _drawn(self):
        self.ensure_one()
        drawn = {}
        for line in self.line_ids.sorted("sequence"):
            drawn.setdefault(line.engineer_id.id, []).append(line.partner_id.id)
        return drawn

    def _redraw(self):
        """The draw computed again from the stored seed, pools and history."""
        self.ensure_one()
        pools = {int(engineer): ids for engineer, ids in (self.pools or {}).items()}
        history = self.history or {}
        counts = {int(c): n for c, n in history.get("counts", {}).items()}
        result = callback_draw.draw_quarter(
            self.seed,
            pools,
            counts,
            set(history.get("last", [])),
            size=self.size,
            target=self.target,
        )
        return {engineer: ids for engineer, ids in result.items() if ids}
