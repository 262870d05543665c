from odoo import fields, models

from .qms_property import HELD_STATES


class ResPartner(models.Model):
    _inherit = "res.partner"

    qms_short_name = fields.Char(
        "Short name",
        help="Marked on the customer's property, its labels and its location (顾客的简称).",
    )
    qms_property_held_count = fields.Integer(
        "Property held", compute="_compute_qms_property_held_count"
    )

    def _property_held_counts(self):
        groups = self.env["qms.property"]._read_group(
            [
                ("commercial_partner_id", "in", self.commercial_partner_id.ids),
                ("state", "in", HELD_STATES),
            ],
            ["commercial_partner_id"],
            ["__count"],
        )
        return {partner.id: count for partner, count in groups}

    def _compute_qms_property_held_count(self):
        counts = self._property_held_counts()
        for partner in self:
            partner.qms_property_held_count = counts.get(partner.commercial_partner_id.id, 0)

    def _qms_quality_counts(self):
        counts = super()._qms_quality_counts()
        for partner_id, count in self._property_held_counts().items():
            counts[partner_id] = counts.get(partner_id, 0) + count
        return counts

    def action_view_qms_property(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_customer_property.qms_property_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def _qms_property_location(self, company, nonconforming=False, warehouse=None):
        """The customer's own location (one per customer and warehouse, under the
        warehouse's property location — the company's first warehouse unless
        ``warehouse`` says otherwise; its nonconforming property in a child
        location), created on first receipt."""
        self.ensure_one()
        customer = self.commercial_partner_id
        Location = self.env["stock.location"].sudo()
        root = (warehouse or company._qms_property_warehouse())._qms_property_root_location()
        main = Location.search(
            [
                ("qms_property_partner_id", "=", customer.id),
                ("company_id", "=", company.id),
                ("location_id", "child_of", root.id),
                ("qms_property_nonconforming", "=", False),
            ],
            limit=1,
        )
        if not main:
            main = Location.create(
                {
                    "name": customer.qms_short_name or customer.name,
                    "usage": "internal",
                    "location_id": root.id,
                    "company_id": company.id,
                    "qms_property_partner_id": customer.id,
                }
            )
        if not nonconforming:
            return main
        isolated = Location.search(
            [("location_id", "=", main.id), ("qms_property_nonconforming", "=", True)], limit=1
        )
        return isolated or Location.create(
            {
                "name": self.env._("Nonconforming"),
                "usage": "internal",
                "location_id": main.id,
                "company_id": company.id,
                "qms_property_partner_id": customer.id,
                "qms_property_nonconforming": True,
            }
        )
