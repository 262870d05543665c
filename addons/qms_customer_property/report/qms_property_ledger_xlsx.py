from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsPropertyLedgerXlsx(models.AbstractModel):
    """The ledger of each printed customer (XLSX, house style): one sheet of
    moves with the running balance per product, one sheet of balances."""

    _name = "report.qms_customer_property.property_ledger_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Customer Property Ledger (XLSX)"

    def _fill_workbook(self, book, data, partners):
        Ledger = self.env["qms.property.ledger"]
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        rows, totals = [], []
        for partner in partners:
            for line, balance in Ledger._lines_with_balance(partner):
                rows.append(
                    {
                        "partner": partner.display_name,
                        "date": self._local_datetime(line.date),
                        "product": line.product_id.display_name,
                        "lot": line.lot_id.name or "",
                        "reference": line.reference or "",
                        "qty_in": line.qty_in,
                        "qty_out": line.qty_out,
                        "balance": balance,
                        "uom": line.uom_id.name,
                    }
                )
            for product_id, (qty_in, qty_out, balance) in (
                Ledger._ledger_totals(partner).get(partner.id, {}).items()
            ):
                product = self.env["product.product"].browse(product_id)
                totals.append(
                    {
                        "partner": partner.display_name,
                        "product": product.display_name,
                        "qty_in": qty_in,
                        "qty_out": qty_out,
                        "balance": balance,
                        "uom": product.uom_id.name,
                    }
                )
        subtitles = [
            ", ".join(partners.mapped("display_name")),
            self.env._(
                "From the done stock moves of customer-owned stock, "
                "printed on %(date)s by %(user)s",
                date=now.strftime("%Y-%m-%d %H:%M"),
                user=self.env.user.name,
            ),
        ]
        book.add_table(
            self.env._("Ledger"),
            self.env._("Customer property ledger"),
            subtitles,
            [
                Column(self.env._("Customer"), "partner", width=24),
                Column(self.env._("Date"), "date", "datetime"),
                Column(self.env._("Product"), "product", width=28),
                Column(self.env._("Lot/Serial"), "lot"),
                Column(self.env._("Reference"), "reference", width=20),
                Column(self.env._("In"), "qty_in", "float", width=12),
                Column(self.env._("Out"), "qty_out", "float", width=12),
                Column(self.env._("Balance"), "balance", "float", width=12),
                Column(self.env._("Unit"), "uom", width=10),
            ],
            rows,
        )
        book.add_table(
            self.env._("Balances"),
            self.env._("Customer property balances"),
            subtitles,
            [
                Column(self.env._("Customer"), "partner", width=24),
                Column(self.env._("Product"), "product", width=28),
                Column(self.env._("In"), "qty_in", "float", width=12),
                Column(self.env._("Out"), "qty_out", "float", width=12),
                Column(self.env._("Balance"), "balance", "float", width=12),
                Column(self.env._("Unit"), "uom", width=10),
            ],
            totals,
        )
