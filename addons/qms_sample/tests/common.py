import base64

from odoo.tests import new_test_user

from odoo.addons.qms_base.tests.common import QmsCase, cst  # noqa: F401 (re-exported)


def make_inspection_test(env, name="Colour board check"):
    """A qc.test with a yes/no question and a measured colour difference."""
    return env["qc.test"].create(
        {
            "name": name,
            "test_lines": [
                (
                    0,
                    0,
                    {
                        "name": "Colour matches the master",
                        "type": "qualitative",
                        "sequence": 1,
                        "ql_values": [
                            (0, 0, {"name": "Yes", "ok": True}),
                            (0, 0, {"name": "No", "ok": False}),
                        ],
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Colour difference ΔE",
                        "type": "quantitative",
                        "sequence": 2,
                        "min_value": 0.0,
                        "max_value": 1.0,
                        "uom_id": env.ref("uom.product_uom_unit").id,
                    },
                ),
            ],
        }
    )


def pass_inspection(sample, ok=True):
    """Answer the sample's open inspection (OK or not) and confirm it."""
    inspection = sample.qms_inspection_ids.filtered(lambda i: i.state == "ready")
    match, delta = inspection.inspection_lines.sorted(lambda line: line.test_line.sequence)
    match.qualitative_value = match.possible_ql_values.filtered(lambda value: value.ok == ok)
    delta.quantitative_value = 0.4 if ok else 2.1
    inspection.action_confirm()
    if inspection.state == "waiting":
        inspection.action_approve()
    return inspection


class SampleCase(QmsCase):
    """A customer, a supplier, a storable product in stock, the supervisors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env["res.partner"].create(
            {"name": "Shenzhen Brightview Displays", "is_company": True, "lang": "en_US"}
        )
        cls.other_customer = env["res.partner"].create(
            {"name": "Suzhou Motors", "is_company": True}
        )
        cls.supplier = env["res.partner"].create(
            {
                "name": "Dongguan Polymer Co.",
                "is_company": True,
                "email": "qa@polymer.example.cn",
                "lang": "en_US",
            }
        )
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.product = env["product.product"].create(
            {"name": "Front cover RAL 9003", "is_storable": True, "default_code": "FC-9003"}
        )
        cls.material = env["product.product"].create(
            {
                "name": "PC/ABS resin",
                "is_storable": True,
                "default_code": "RM-PCABS-01",
                "qms_hsf_required": True,
            }
        )
        cls.test = make_inspection_test(env)
        cls.kind_customer = env.ref("qms_sample.sample_kind_customer")
        cls.kind_supplier = env.ref("qms_sample.sample_kind_supplier")
        cls.kind_customer.test_id = cls.test
        cls.kind_supplier.test_id = cls.test
        cls.engineering_head = new_test_user(
            env,
            login="qms_eng_head",
            name="Engineering Supervisor",
            groups="qms_sample.group_qms_sample_engineering_supervisor",
        )
        cls.qa_head = new_test_user(
            env,
            login="qms_qa_head",
            name="QA Supervisor",
            groups="qms_sample.group_qms_sample_qa_supervisor",
        )
        cls.both_heads = new_test_user(
            env,
            login="qms_both_heads",
            name="Acting Supervisor",
            groups="qms_sample.group_qms_sample_engineering_supervisor,"
            "qms_sample.group_qms_sample_qa_supervisor",
        )
        cls.sales_user = new_test_user(
            env,
            login="qms_sales",
            name="Sales Rep",
            groups="qms_base.group_qms_user,sales_team.group_sale_salesman",
        )
        cls.shelf = env["stock.location"].create(
            {"name": "Sealed samples cabinet", "usage": "internal", "location_id": cls.stock.id}
        )

    def _sample(self, kind=None, **values):
        return self.env["qms.sample"].create(
            {
                "title": "Colour board, front cover",
                "kind_id": (kind or self.kind_customer).id,
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "quantity": 2,
                "user_id": self.owner_user.id,
                "sale_user_id": self.sales_user.id,
                **values,
            }
        )

    def _ship(self, sample):
        """Make, inspect, approve and ship a customer sample; validate its delivery."""
        self.env["stock.quant"]._update_available_quantity(
            sample.product_id, self.stock, sample.quantity
        )
        sample.action_start()
        sample.action_start_inspection()
        pass_inspection(sample)
        sample.action_approve()
        sample.action_ship()
        picking = sample.picking_id
        picking.move_ids.quantity = sample.quantity
        picking.button_validate()
        return picking

    def _attachment(self, name):
        return self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"%PDF-1.4 test"),
                "mimetype": "application/pdf",
            }
        )

    def _sealed(self, **values):
        """A customer sample approved by the customer and sealed by both supervisors."""
        sample = self._sample(**values)
        self._ship(sample)
        sample.action_customer_approve(comment="OK", signed_by="Mr. Chen")
        sample.with_user(self.engineering_head).action_sign_engineering()
        sample.with_user(self.qa_head).action_sign_qa()
        sample.write({"storage_location_id": self.shelf.id, "custodian_id": self.qa_head.id})
        sample.action_seal()
        return sample
