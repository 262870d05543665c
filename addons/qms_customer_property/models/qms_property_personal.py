from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The fields whose reading is logged (who, when, which record, which fields).
PERSONAL_FIELDS = ("person_name", "phone", "email", "address", "id_number", "note")
PERSONAL_GROUP = "qms_customer_property.group_qms_property_personal"


class QmsPropertyPersonal(models.Model):
    """Personal information a customer entrusted to us (004 5.4: 客户个人信息).

    Only the restricted group "Personal data" may read or write it (access
    rules); every read of its personal fields is logged in
    ``qms.property.access.log``. The log is written where Odoo reads records
    from the database (``_fetch_query``), so every way in is covered: forms
    and lists (``web_read``, ``web_search_read``), ``read``/``search_read``
    over RPC, exports, reports and code reading the fields."""

    _name = "qms.property.personal"
    _description = "Customer Personal Data"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _rec_name = "person_name"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    person_name = fields.Char("Name", required=True)
    phone = fields.Char()
    email = fields.Char()
    address = fields.Text()
    id_number = fields.Char("ID number")
    purpose = fields.Char(
        required=True, help="Why we hold it (e.g. delivery to end users, service)."
    )
    date_retention = fields.Date("Keep until")
    note = fields.Text()
    access_log_ids = fields.One2many(
        "qms.property.access.log", "record_id", string="Access log", readonly=True
    )

    @api.constrains("email")
    def _check_email(self):
        for record in self:
            if record.email and "@" not in record.email:
                raise ValidationError(
                    self.env._("“%(email)s” is not an e-mail address.", email=record.email)
                )

    def _fetch_query(self, query, fields):
        records = super()._fetch_query(query, fields)
        read = sorted({field.name for field in fields} & set(PERSONAL_FIELDS))
        # A person reading is logged; the system's own checks (superuser) are not a reader.
        if records and read and not self.env.su and not self.env.context.get("qms_personal_no_log"):
            self.env["qms.property.access.log"].sudo()._log_reads(records, read)
        return records
