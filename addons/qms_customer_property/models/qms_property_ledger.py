from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.tools import SQL


class QmsPropertyLedger(models.Model):
    """The separate ledger of each customer's property (单独建账, 专用帐本):
    in, out and balance, read straight from the done stock moves of
    customer-owned quants into and out of the customer's locations. No second
    bookkeeping: this is a database view over ``stock_move_line``."""

    _name = "qms.property.ledger"
    _description = "Customer Property Ledger"
    _auto = False
    _order = "date, id"
    _rec_name = "reference"
    # what the view reads: flushed before it is searched
    _depends = {
        "stock.move.line": [
            "date",
            "company_id",
            "owner_id",
            "product_id",
            "lot_id",
            "move_id",
            "picking_id",
            "reference",
            "location_id",
            "location_dest_id",
            "quantity_product_uom",
            "state",
        ],
        "stock.location": ["qms_property_partner_id"],
    }

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial", readonly=True)
    move_id = fields.Many2one("stock.move", readonly=True)
    picking_id = fields.Many2one("stock.picking", string="Transfer", readonly=True)
    reference = fields.Char(readonly=True)
    location_id = fields.Many2one("stock.location", string="From", readonly=True)
    location_dest_id = fields.Many2one("stock.location", string="To", readonly=True)
    qty_in = fields.Float("In", digits="Product Unit of Measure", readonly=True)
    qty_out = fields.Float("Out", digits="Product Unit of Measure", readonly=True)
    qty_balance = fields.Float(
        "Balance change",
        digits="Product Unit of Measure",
        readonly=True,
        help="In minus out; its sum over a customer and product is the balance held.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT ml.id, ml.date, ml.company_id, ml.owner_id AS partner_id,
                           ml.product_id, ml.lot_id, ml.move_id, ml.picking_id,
                           ml.reference, ml.location_id, ml.location_dest_id,
                           CASE WHEN dst.qms_property_partner_id IS NOT NULL
                                THEN ml.quantity_product_uom ELSE 0 END AS qty_in,
                           CASE WHEN src.qms_property_partner_id IS NOT NULL
                                THEN ml.quantity_product_uom ELSE 0 END AS qty_out,
                           (CASE WHEN dst.qms_property_partner_id IS NOT NULL
                                 THEN ml.quantity_product_uom ELSE 0 END)
                         - (CASE WHEN src.qms_property_partner_id IS NOT NULL
                                 THEN ml.quantity_product_uom ELSE 0 END) AS qty_balance
                      FROM stock_move_line ml
                      JOIN stock_location src ON src.id = ml.location_id
                      JOIN stock_location dst ON dst.id = ml.location_dest_id
                     WHERE ml.state = 'done'
                       AND ml.owner_id IS NOT NULL
                       AND (src.qms_property_partner_id IS NOT NULL
                            OR dst.qms_property_partner_id IS NOT NULL)
                       AND (src.qms_property_partner_id IS NULL
                            OR dst.qms_property_partner_id IS NULL
                            OR src.qms_property_partner_id <> dst.qms_property_partner_id)
                )
                """,
                table=SQL.identifier(self._table),
            )
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        self._flush_sources()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        self._flush_sources()
        return super()._read_group(
            domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order
        )

    @api.model
    def _flush_sources(self):
        """The view reads the moves' tables: pending ORM writes go to them first."""
        for model_name, field_names in self._depends.items():
            self.env[model_name].flush_model(field_names)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    @api.model
    def _ledger_totals(self, partners=None, company=None):
        """``{partner_id: {product_id: (in, out, balance)}}`` of the ledger: one
        grouped query whatever the number of customers."""
        domain = [("company_id", "=", (company or self.env.company).id)]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        # _read_group's query (access rights and record rules included), read as
        # ids: a month of a thousand customers is 100 000 groups, and making a
        # partner and a product record for each cost three times the query itself
        self.browse().check_access("read")
        query = self._search(domain)
        groups = [self._read_group_groupby(spec, query) for spec in ("partner_id", "product_id")]
        query.groupby = SQL(", ").join(groups)
        sums = [
            self._read_group_select(f"{name}:sum", query)
            for name in ("qty_in", "qty_out", "qty_balance")
        ]
        totals = defaultdict(dict)
        for partner_id, product_id, qty_in, qty_out, balance in self.env.execute_query(
            query.select(*groups, *sums)
        ):
            totals[partner_id][product_id] = (qty_in or 0.0, qty_out or 0.0, balance or 0.0)
        return dict(totals)

    @api.model
    def _lines_with_balance(self, partner, company=None):
        """The ledger lines of ``partner`` in date order, each with the running
        balance of its product (for the PDF and XLSX ledger)."""
        lines = self.search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", (company or self.env.company).id),
            ],
            order="product_id, date, id",
        )
        running = defaultdict(float)
        result = []
        for line in lines:
            running[line.product_id.id] += line.qty_balance
            result.append((line, running[line.product_id.id]))
        return result

    @api.model
    def _holders(self, company, partners=None):
        """Ids of the customers holding owner-tagged stock in their own locations now."""
        partner_filter = SQL("")
        if partners is not None:
            partner_filter = SQL("AND q.owner_id = ANY(%s)", partners.ids)
        self.env["stock.quant"].flush_model(["owner_id", "location_id", "quantity", "company_id"])
        self.env["stock.location"].flush_model(["qms_property_partner_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT q.owner_id
                  FROM stock_quant q
                  JOIN stock_location l ON l.id = q.location_id
                 WHERE q.company_id = %(company)s
                   AND l.qms_property_partner_id = q.owner_id
                   %(partner_filter)s
              GROUP BY q.owner_id
                HAVING SUM(q.quantity) > 0
              ORDER BY q.owner_id
                """,
                company=company.id,
                partner_filter=partner_filter,
            )
        )
        return [owner_id for (owner_id,) in rows]
