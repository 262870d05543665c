from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsServiceContractLine(models.Model):
    """A product or piece of equipment the contract covers, with its serial number."""

    _name = "qms.service.contract.line"
    _description = "Covered Product"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one(
        "qms.service.contract", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", string="Product", required=True, index=True)
    serial = fields.Char(
        "Serial number", help="Empty: every unit of the product the customer has is covered."
    )
    serial_key = fields.Char(compute="_compute_serial_key", store=True, index=True)
    name = fields.Char("Equipment", help="Where it is installed, what it is called on site.")

    _sql_constraints = [
        (
            "serial_uniq",
            "unique(contract_id, product_id, serial_key)",
            "A product and serial number is listed once per contract.",
        ),
    ]

    @api.depends("serial")
    def _compute_serial_key(self):
        for line in self:
            line.serial_key = (line.serial or "").strip().upper() or False

    @api.constrains("serial")
    def _check_serial(self):
        for line in self:
            if line.serial and not line.serial.strip():
                raise ValidationError(self.env._("A serial number cannot be blank spaces."))
