from odoo import api, models

# Chatter fields a portal customer reads on its own documents (portal chatter).
PORTAL_MAIL_FIELDS = {
    "message_ids",
    "website_message_ids",
    "message_is_follower",
    "message_follower_ids",
    "message_partner_ids",
    "has_message",
    "message_needaction",
    "message_needaction_counter",
    "message_has_error",
    "message_has_error_counter",
    "message_attachment_count",
}
PORTAL_BASE_FIELDS = {"id", "display_name", "create_date", "write_date"}
INTERNAL_GROUP = "base.group_user"


class QmsPortalFieldsMixin(models.AbstractModel):
    """A QMS document a portal customer may read: it reads the fields the
    model lists in ``_qms_portal_fields`` and nothing else.

    Every other field is given ``groups="base.group_user"`` when the registry
    is set up (unless it declares stricter groups): RPC refuses it to portal
    users, a field added later by another addon included, so that an
    internal field never reaches a customer because someone forgot
    ``groups=``. Portal pages render what the customer should see, with the
    rights their controller chooses.
    """

    _name = "qms.portal.fields.mixin"
    _description = "QMS Fields Shown to Portal Customers"
    _qms_portal_fields = ()

    @api.model
    def _setup_fields(self):
        result = super()._setup_fields()
        visible = set(self._qms_portal_fields) | PORTAL_BASE_FIELDS | PORTAL_MAIL_FIELDS
        for name, field in self._fields.items():
            if name not in visible and not field.groups:
                field.groups = INTERNAL_GROUP
        return result
