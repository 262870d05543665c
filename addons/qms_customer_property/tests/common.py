from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst  # noqa: F401 (re-exported)


class PropertyCase(QmsCase):
    """Two customers supplying material (stock they own), our own stock of the
    same product, a warehouse keeper and a QA inspector."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Suzhou Lingtong Motors", "is_company": True, "qms_short_name": "LTM"}
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Ningbo Precision", "is_company": True, "qms_short_name": "NBP"}
        )
        cls.keeper = new_test_user(
            cls.env, login="qms_keeper", name="Warehouse Keeper", groups="qms_base.group_qms_user"
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.frame = cls.env["product.product"].create(
            {"name": "Copper frame C194", "is_storable": True, "standard_price": 2.0}
        )
        cls.kind_material = cls.env.ref("qms_customer_property.property_kind_materials")
        cls.kind_gauge = cls.env.ref("qms_customer_property.property_kind_gauge")
        cls.kind_drawing = cls.env.ref("qms_customer_property.property_kind_drawing")
        cls.kind_tooling = cls.env.ref("qms_customer_property.property_kind_tooling")

    def _material(self, customer=None, qty=100.0, **values):
        return self.env["qms.property"].create(
            {
                "title": "Copper frames",
                "kind_id": self.kind_material.id,
                "partner_id": (customer or self.customer).id,
                "product_id": self.frame.id,
                "qty_announced": qty,
                "user_id": self.keeper.id,
                **values,
            }
        )

    def _received(self, customer=None, qty=100.0, **values):
        item = self._material(customer, qty, **values)
        item._receive_as_listed()
        return item

    def _answer_inspection(self, item, ok=True):
        inspection = item.qms_inspection_ids.filtered(lambda i: i.state == "ready")
        for line in inspection.inspection_lines:
            line.qualitative_value = line.possible_ql_values.filtered(lambda v: v.ok == ok)[:1]
        inspection.action_confirm()
        if inspection.state == "waiting":
            inspection.action_approve()
        return inspection

    def _owned_quants(self, customer):
        return self.env["stock.quant"].search(
            [("owner_id", "=", customer.id), ("location_id.usage", "=", "internal")]
        )
