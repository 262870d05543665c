from odoo import api, fields, models

from .sale_order import SALES_GROUPS

# Order fields whose change after confirmation is an order change notice, by change type.
ORDER_CHANGE_FIELDS = {
    "commitment_date": "date",
    "payment_term_id": "terms",
    "incoterm": "terms",
    "pricelist_id": "terms",
}
LINE_CHANGE_FIELDS = {
    "product_uom_qty": "quantity",
    "product_id": "specification",
    "name": "specification",
    "price_unit": "terms",
}
NO_NOTICE = "qms_no_change_notice"


def order_of(record):
    """The order of an order or an order line."""
    return record if record._name == "sale.order" else record.order_id


def display_value(record, name):
    """A field's value as the change notice writes it."""
    value = record[name]
    field = record._fields[name]
    if field.type == "many2one":
        return value.display_name or ""
    if field.type == "datetime":
        return fields.Datetime.to_string(value) if value else ""
    return "" if value is False or value is None else value


class SaleOrder(models.Model):
    """Order changes after confirmation (seed 004 4.4): changing the delivery
    date, a quantity, a specification or the terms of a confirmed order
    writes an order change notice, notified at once."""

    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    qms_change_ids = fields.One2many(
        "qms.order.change", "sale_order_id", string="Change notices", groups=SALES_GROUPS
    )
    qms_change_count = fields.Integer(
        "Change notice count", compute="_compute_qms_change_count", groups=SALES_GROUPS
    )

    @api.depends("qms_change_ids")
    def _compute_qms_change_count(self):
        for order in self:
            order.qms_change_count = len(order.qms_change_ids)

    def write(self, vals):
        watched = [name for name in ORDER_CHANGE_FIELDS if name in vals]
        before = self._qms_snapshot(watched) if watched else {}
        result = super().write(vals)
        if before:
            self._qms_notice_changes(before, ORDER_CHANGE_FIELDS)
        return result

    def action_qms_view_changes(self):
        self.ensure_one()
        return self.qms_change_ids._get_records_action(
            name=self.env._("Change notices of %(order)s", order=self.name),
            context={"default_sale_order_id": self.id},
        )

    def _qms_snapshot(self, names, records=None):
        """{record: {field: display value}} of the records of confirmed orders."""
        if self.env.context.get(NO_NOTICE):
            return {}
        records = records if records is not None else self
        return {
            record: {name: display_value(record, name) for name in names}
            for record in records
            if order_of(record).state == "sale"
            or order_of(record).sudo().qms_review_state == "approved"
        }

    def _qms_notice_changes(self, before, change_fields):
        """One change notice per order for the values that changed, notified."""
        by_order = {}
        for record, old_values in before.items():
            for name, old in old_values.items():
                new = display_value(record, name)
                if new == old:
                    continue
                label = record._fields[name].get_description(self.env)["string"]
                prefix = (
                    "" if record._name == "sale.order" else f"{record.product_id.display_name}: "
                )
                entry = by_order.setdefault(order_of(record), {"types": set(), "lines": []})
                entry["types"].add(change_fields[name])
                entry["lines"].append(f"{prefix}{label}: {old} → {new}")
        changes = self.env["qms.order.change"]
        for order, entry in by_order.items():
            if order.state != "sale":
                # An approved quotation changed: the departments concerned review it again.
                review = order.sudo().qms_review_id
                departments = review.department_ids._reopens_on(sorted(entry["types"]))
                review._reopen(departments, description="\n".join(entry["lines"]))
                continue
            changes |= changes.create(
                {
                    "sale_order_id": order.id,
                    "requested_by": "customer",
                    "description": "\n".join(entry["lines"]),
                    **{f"change_{kind}": True for kind in entry["types"]},
                }
            )
        changes.action_notify()
        return changes

    def _qms_review_approved(self, review):
        """A review approved again: the change notices that re-opened it are closed."""
        self.ensure_one()
        self.qms_change_ids._close_when_reviewed()
