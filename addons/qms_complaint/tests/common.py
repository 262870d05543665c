from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst  # noqa: F401 (re-exported)


class ComplaintCase(QmsCase):
    """Two customers, a lot-tracked product in stock, a delivered order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_head = new_test_user(
            cls.env, login="qms_sales_head", name="Sales Head", groups="qms_base.group_qms_user"
        )
        cls.env.company.qms_complaint_severe_user_id = cls.sales_head
        cls.customer = cls.env["res.partner"].create(
            {"name": "Shenzhen Display Co.", "is_company": True, "lang": "en_US"}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Suzhou Motors", "is_company": True}
        )
        cls.third_customer = cls.env["res.partner"].create(
            {"name": "Ningbo Tools", "is_company": True}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.product = cls.env["product.product"].create(
            {"name": "LCD module 7in", "is_storable": True, "tracking": "lot"}
        )
        cls.plain_product = cls.env["product.product"].create(
            {"name": "Power board", "is_storable": True}
        )
        cls.lot_suspect, cls.lot_good = cls.env["stock.lot"].create(
            [
                {"name": "LOT-2611", "product_id": cls.product.id},
                {"name": "LOT-2612", "product_id": cls.product.id},
            ]
        )

    def _complaint(self, **values):
        return self.env["qms.complaint"].create(
            {
                "title": "Dead pixels",
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "user_id": self.owner_user.id,
                "qty_defective": 5,
                "qty_delivered": 500,
                **values,
            }
        )

    def _deliver(self, product, quantity, partner=None):
        """A confirmed and delivered sale order; returns its delivery."""
        self.env["stock.quant"]._update_available_quantity(product, self.stock, quantity)
        order = self.env["sale.order"].create(
            {
                "partner_id": (partner or self.customer).id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": quantity})],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        picking.move_ids.quantity = quantity
        picking.button_validate()
        return picking


def send_8d_report(complaint):
    """Send the 8D report as a user does: the composer of action_send_report, then Send.

    The report is rendered as the real PDF (Odoo renders HTML in tests otherwise)."""
    action = complaint.action_send_report()
    composer = (
        complaint.env[action["res_model"]]
        .with_context(**action["context"], force_report_rendering=True)
        .create({})
    )
    composer.action_send_mail()
    return composer
