import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


class QmsSample(models.Model):
    """The demo story, played through the same actions a user clicks (demo data only)."""

    _inherit = "qms.sample"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _qms_demo_story(self):
        ref = self.env.ref
        customer = ref("qms_sample.demo_partner_brightview")
        engineer = ref("qms_sample.demo_user_engineering")
        qa_head = ref("qms_sample.demo_user_qa")
        cover = ref("qms_sample.demo_product_cover")
        stock = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.env.company.id)], limit=1)
            .lot_stock_id
        )
        self.env["stock.quant"]._update_available_quantity(cover, stock, 10)
        common = {
            "kind_id": ref("qms_sample.sample_kind_customer").id,
            "customer_type": "color_board",
            "partner_id": customer.id,
            "product_id": cover.id,
            "quantity": 2,
            "user_id": engineer.id,
            "qa_user_id": qa_head.id,
            "sale_user_id": self.env.user.id,
            "customer_ref": "BV-CB-0412",
        }
        # A colour board rejected once, approved the second time, then sealed.
        first = self.create({**common, "title": "Colour board, front cover RAL 9003"})
        first._demo_ship()
        first.action_customer_reject(
            "Shade slightly yellow (ΔE 1.8 against our master): please match RAL 9003."
        )
        second = self.browse(first.action_new_revision()["res_id"])
        second._demo_ship()
        second.action_customer_approve(
            comment="Colour matches the master.", signed_by="Chen Li", channel="portal"
        )
        second.with_user(engineer).action_sign_engineering()
        second.with_user(qa_head).action_sign_qa()
        second.write(
            {
                "storage_location_id": ref("qms_sample.demo_location_sealed").id,
                "custodian_id": qa_head.id,
            }
        )
        second.action_seal()
        # A limit sample sealed with a one-month validity: its expiry reminder is due.
        limit = self.create(
            {
                **common,
                "kind_id": ref("qms_sample.sample_kind_limit").id,
                "customer_type": False,
                "title": "Limit sample: gate mark on the front cover",
                "validity_months": 1,
            }
        )
        limit.action_start()
        limit.action_start_inspection()
        limit._demo_pass()
        limit.action_approve()
        limit.with_user(engineer).action_sign_engineering()
        limit.with_user(qa_head).action_sign_qa()
        limit.write(
            {
                "storage_location_id": ref("qms_sample.demo_location_sealed").id,
                "custodian_id": qa_head.id,
            }
        )
        limit.action_seal()
        limit.with_user(engineer).action_borrow("First-article check on moulding line 2")
        # A supplier sample of a new resin grade, in inspection.
        supplier = ref("qms_sample.demo_partner_polymer")
        resin = ref("qms_sample.demo_product_resin")
        attachment = self.env["ir.attachment"].create(
            [
                {"name": name, "datas": base64.b64encode(b"%PDF-1.4 demo")}
                for name in (
                    "HS-2200 self-inspection report.pdf",
                    "HS-2200 material certificate.pdf",
                )
            ]
        )
        resin_sample = self.create(
            {
                "kind_id": ref("qms_sample.sample_kind_supplier").id,
                "title": "PC/ABS HS-2200, new grade for the front cover",
                "source": "supplier",
                "supplier_trigger": "material_change",
                "partner_id": supplier.id,
                "product_id": resin.id,
                "quantity": 10,
                "qty_tested": 5,
                "user_id": engineer.id,
                "purchase_user_id": self.env.user.id,
                "self_inspection_report_ids": [Command.link(attachment[0].id)],
                "material_certificate_ids": [Command.link(attachment[1].id)],
            }
        )
        resin_sample.action_start_inspection()
        # HSF reports: one about to expire, one valid.
        today = fields.Date.context_today(self)
        self.env["qms.hsf.report"].create(
            [
                {
                    "partner_id": supplier.id,
                    "product_id": resin.id,
                    "date_test": today - relativedelta(months=11, days=-20),
                    "laboratory": "SGS Guangzhou",
                    "report_number": "CANEC2504150231",
                    "validity_months": 12,
                    "test_items": "RoHS 2.0 (10 substances), halogens",
                    "result": "pass",
                    "result_detail": "Pb < 2 ppm, Cd n.d., Hg n.d., Cr(VI) n.d., PBB/PBDE n.d.",
                    "user_id": qa_head.id,
                },
                {
                    "partner_id": supplier.id,
                    "product_id": ref("qms_sample.demo_product_masterbatch").id,
                    "date_test": today - timedelta(days=60),
                    "laboratory": "CTI Shenzhen",
                    "report_number": "A2250117390101",
                    "validity_months": 12,
                    "test_items": "RoHS 2.0, REACH SVHC (235)",
                    "result": "pass",
                    "result_detail": "No SVHC above 0.1 % w/w",
                    "user_id": qa_head.id,
                },
            ]
        )
        # A lab sample waiting for its test.
        lab = self.env["qms.lab.sample"].create(
            {
                "partner_id": customer.id,
                "commission_ref": "WT-2026-0311",
                "model_name": "BV-7000 front cover",
                "product_id": cover.id,
                "quantity": 3,
                "requested_tests": "Salt spray 48 h; cross-hatch adhesion",
                "storage_conditions": "23±2 °C, 50 % RH",
                "disposal_way": "return",
                "check_packaging": True,
                "check_appearance": True,
                "check_quantity": True,
                "check_model": True,
                "check_specification": True,
                "check_grade": True,
                "check_complete": True,
                "check_fit": True,
            }
        )
        lab.action_accept()
        return True

    def _demo_pass(self):
        inspection = self.qms_inspection_ids.filtered(lambda i: i.state == "ready")
        for line in inspection.inspection_lines:
            if line.question_type == "qualitative":
                line.qualitative_value = line.possible_ql_values.filtered("ok")[:1]
            else:
                line.quantitative_value = (line.test_line.min_value + line.test_line.max_value) / 2
        inspection.action_confirm()

    def _demo_ship(self):
        self.action_start()
        self.action_start_inspection()
        self._demo_pass()
        self.action_approve()
        self.action_ship()
        self.picking_id.move_ids.quantity = self.quantity
        self.picking_id.button_validate()
