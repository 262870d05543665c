from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

QMS_USER = "qms_base.group_qms_user"


class QmsSample(models.Model):
    """Customer samples (000 4.1.1, 4.1.4; 004 3.3): requested from a customer,
    an opportunity or a sale order, shipped as a real delivery, approved or
    rejected by the customer (portal or sales), kept twice once signed."""

    _inherit = "qms.sample"  # pylint: disable=consider-merging-classes-inherited

    opportunity_id = fields.Many2one("crm.lead", index="btree_not_null", groups=QMS_USER)
    sale_order_id = fields.Many2one("sale.order", string="Sale order", index="btree_not_null")
    customer_ref = fields.Char("Customer reference")
    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", readonly=True, copy=False, index="btree_not_null"
    )
    date_shipped = fields.Datetime("Shipped on", readonly=True, copy=False)
    decision_channel = fields.Selection(
        [("portal", "Portal"), ("sales", "Recorded by sales")],
        string="Decision recorded through",
        readonly=True,
        copy=False,
    )
    customer_comment = fields.Text("Customer's comment", readonly=True, copy=False)
    customer_signed_by = fields.Char(
        "Signed by (customer)", readonly=True, copy=False, help="Who signed the acceptance."
    )
    copy_ids = fields.One2many("qms.sample.copy", "sample_id", string="Kept copies")
    is_decision_overdue = fields.Boolean(
        "Decision overdue",
        compute="_compute_is_decision_overdue",
        search="_search_is_decision_overdue",
        help="Sent to the customer, and its decision deadline has passed.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("state", "qms_deadline_ids.state", "qms_deadline_ids.due")
    def _compute_is_decision_overdue(self):
        now = fields.Datetime.now()
        for sample in self:
            sample.is_decision_overdue = sample.state == "shipped" and any(
                d.state == "open" and d.kind_id.code == "decision" and d.due < now
                for d in sample.qms_deadline_ids
            )

    def _search_is_decision_overdue(self, operator, value):
        overdue_ids = (
            self.env["qms.deadline"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", self._name),
                    ("kind_id.code", "=", "decision"),
                    ("is_overdue", "=", True),
                ]
            )
            .subselect("res_id")
        )
        positive = (operator == "=") == bool(value)
        domain = [("state", "=", "shipped"), ("id", "in", overdue_ids)]
        return domain if positive else ["!", *domain]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("partner_id", "sale_order_id", "opportunity_id")
    def _check_documents_customer(self):
        for sample in self.sudo():
            customer = sample.commercial_partner_id
            for document in (sample.sale_order_id, sample.opportunity_id):
                if (
                    document
                    and document.partner_id
                    and document.partner_id.commercial_partner_id != customer
                ):
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name or self.env._("no customer"),
                        )
                    )

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        if self.sale_order_id:
            self.partner_id = self.sale_order_id.partner_id
            self.sale_user_id = self.sale_order_id.user_id

    @api.onchange("opportunity_id")
    def _onchange_opportunity_id(self):
        if self.opportunity_id and self.opportunity_id.partner_id:
            self.partner_id = self.opportunity_id.partner_id
            self.sale_user_id = self.opportunity_id.user_id

    # ------------------------------------------------------------------
    # Shipment: a real delivery transfer
    # ------------------------------------------------------------------
    def action_ship(self):
        """The approved sample leaves as a delivery to the customer."""
        self._qms_ensure_state("approved")
        for sample in self:
            if sample.picking_id and sample.picking_id.state != "cancel":
                raise UserError(
                    self.env._(
                        "%(number)s already has its delivery %(picking)s.",
                        number=sample.name,
                        picking=sample.picking_id.name,
                    )
                )
            if not sample.product_id or sample.product_id.type == "service":
                raise UserError(
                    self.env._("Choose the product of %(number)s to ship it.", number=sample.name)
                )
            picking = self.env["stock.picking"].create(sample._delivery_values())
            picking.action_confirm()
            sample._qms_workflow_write({"picking_id": picking.id})
            sample.message_post(
                body=self.env._("Delivery %(picking)s created.", picking=picking.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _delivery_values(self):
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.company_id.id)], limit=1
        )
        picking_type = warehouse.out_type_id
        if not picking_type:
            raise UserError(self.env._("The company has no delivery operation type."))
        source = picking_type.default_location_src_id
        destination = self.env.ref("stock.stock_location_customers")
        return {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": self.title,
                        "product_id": self.product_id.id,
                        "product_uom": self.product_id.uom_id.id,
                        "product_uom_qty": self.quantity,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _on_delivery_done(self):
        """The delivery is validated: the customer's decision is awaited."""
        now = fields.Datetime.now()
        for sample in self.filtered(lambda s: s.state == "approved"):
            sample._qms_workflow_write({"state": "shipped", "date_shipped": now})
            sample._qms_deadline_open("decision", start=now)
            if sample.partner_id not in sample.message_partner_ids:
                sample.message_subscribe(partner_ids=sample.partner_id.ids)
        return True

    def action_view_delivery(self):
        self.ensure_one()
        return self.picking_id._get_records_action(name=self.env._("Delivery"))

    # ------------------------------------------------------------------
    # The customer's decision
    # ------------------------------------------------------------------
    def action_customer_approve(self, comment=None, signed_by=None, channel="sales"):
        """The customer approved the sample: its signed acceptance is registered,
        the original goes to marketing and the duplicate to engineering."""
        self._qms_ensure_state("shipped")
        for sample in self:
            sample._qms_workflow_write(
                {
                    "customer_comment": comment or False,
                    "customer_signed_by": signed_by or sample.partner_id.name,
                    "decision_channel": channel,
                }
            )
            sample._accept()
            sample._register_copies()
            sample.message_post(
                body=self.env._(
                    "Approved by the customer (%(who)s). %(comment)s",
                    who=sample.customer_signed_by,
                    comment=comment or "",
                ),
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_customer_reject(self, reason=None, channel="sales"):
        """The customer rejected the sample, with its reason."""
        self._qms_ensure_state("shipped")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the customer's reason for rejecting the sample."))
        self._qms_workflow_write({"customer_comment": reason, "decision_channel": channel})
        return self.action_reject(reason)

    def _register_copies(self):
        """原稿 to marketing, 复稿 to engineering, each with its keeper and location."""
        self.ensure_one()
        company = self.company_id
        self.env["qms.sample.copy"].create(
            [
                {
                    "sample_id": self.id,
                    "copy_type": "original",
                    "custodian_id": (
                        company.qms_sample_marketing_custodian_id or self.sale_user_id
                    ).id,
                    "location_id": company.qms_sample_original_location_id.id,
                },
                {
                    "sample_id": self.id,
                    "copy_type": "duplicate",
                    "custodian_id": (
                        company.qms_sample_engineering_custodian_id or self.user_id
                    ).id,
                    "location_id": company.qms_sample_duplicate_location_id.id,
                },
            ]
        )

    def _on_rejected(self, reason):
        result = super()._on_rejected(reason)
        for sample in self.filtered(lambda s: s.kind_id.requires_shipment and s.date_shipped):
            company = sample.company_id
            if company.qms_sample_rejection_capa and sample.user_id:
                sample._qms_capa_create(
                    [
                        {
                            "title": self.env._(
                                "Sample %(number)s rejected by the customer: %(reason)s",
                                number=sample.name,
                                reason=reason,
                            ),
                            "kind": "corrective",
                            "user_id": sample.user_id.id,
                            "date_deadline": fields.Date.context_today(sample)
                            + timedelta(days=company.qms_sample_rejection_capa_days),
                        }
                    ]
                )
        return result
