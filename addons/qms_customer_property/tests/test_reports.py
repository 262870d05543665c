import io

import openpyxl

from odoo.tools import format_date

from .common import PropertyCase


class TestReports(PropertyCase):
    """Labels with barcode; the customer's ledger on PDF and XLSX."""

    def test_label_has_short_name_number_receipt_date_and_barcode(self):
        item = self._received()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("qms_customer_property.action_report_qms_property_label", item.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("LTM", html)
        self.assertIn(item.name, html)
        self.assertIn(f'alt="Barcode {item.name}" src="data:image/png;base64,', html)
        self.assertIn(format_date(self.env, item.date_received), html)

    def test_ledger_pdf_and_xlsx(self):
        self._received(qty=100)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "qms_customer_property.action_report_qms_property_ledger", self.customer.ids
            )[0]
            .decode()
        )
        self.assertIn("Copper frame C194", html)
        self.assertIn("100.00", html)
        content, kind = self.env["ir.actions.report"]._render(
            "qms_customer_property.action_report_qms_property_ledger_xlsx", self.customer.ids
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Ledger", "Balances"])
        values = [cell for row in book["Balances"].iter_rows(values_only=True) for cell in row]
        self.assertIn("Copper frame C194", values)
        self.assertIn(100, values)

    def test_partner_quality_button_counts_property_held(self):
        self._received()
        self._received(customer=self.other_customer)
        self.assertEqual(self.customer.qms_property_held_count, 1)
        self.assertGreaterEqual(self.customer.qms_open_count, 1)
