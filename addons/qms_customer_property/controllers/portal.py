"""Customer portal: /my/property (what we hold, counts to confirm, incidents)."""

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal

from ..models.qms_property import HELD_STATES

# Rows per section of /my/property (a module constant: CustomerPortal is one merged class).
PROPERTY_PAGE_SIZE = 80


class QmsPropertyPortal(QmsCustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_count" in counters:
            values["property_count"] = self._qms_portal_count(
                "qms.property", [("state", "in", HELD_STATES)]
            )
        return values

    def _property_records(self, model, domain, order):
        Model = request.env[model]
        if not Model.has_access("read"):
            return Model
        # found under the portal record rules; shown with sudo (products, units)
        return Model.search(domain, order=order, limit=PROPERTY_PAGE_SIZE).sudo()

    @http.route(["/my/property"], type="http", auth="user", website=True)
    def portal_my_property(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "property",
                "items": self._property_records(
                    "qms.property", [("state", "in", HELD_STATES)], "kind_id, name"
                ),
                "counts": self._property_records(
                    "qms.property.count", [], "period_start desc, id desc"
                ),
                "incidents": self._property_records(
                    "qms.property.incident", [], "date_found desc, id desc"
                ),
            }
        )
        return request.render("qms_customer_property.portal_my_property", values)

    @http.route(["/my/property/<int:item_id>"], type="http", auth="user", website=True)
    def portal_my_property_item(self, item_id, access_token=None, **kw):
        item_sudo = self._qms_portal_document("qms.property", item_id, access_token)
        values = self._prepare_portal_layout_values()
        values.update({"item": item_sudo, "page_name": "property_item"})
        return request.render("qms_customer_property.portal_my_property_item", values)

    @http.route(
        ["/my/property/incidents/<int:incident_id>"], type="http", auth="user", website=True
    )
    def portal_my_property_incident(self, incident_id, access_token=None, **kw):
        incident_sudo = self._qms_portal_document(
            "qms.property.incident", incident_id, access_token
        )
        values = self._get_page_view_values(
            incident_sudo, access_token, {"incident": incident_sudo}, "my_incidents_history", False
        )
        values.update(self._prepare_portal_layout_values(), page_name="property_incident")
        return request.render("qms_customer_property.portal_my_property_incident", values)

    @http.route(["/my/property/counts/<int:count_id>"], type="http", auth="user", website=True)
    def portal_my_property_count(self, count_id, access_token=None, error=None, done=None, **kw):
        count_sudo = self._qms_portal_document("qms.property.count", count_id, access_token)
        values = self._get_page_view_values(
            count_sudo, access_token, {"count": count_sudo}, "my_counts_history", False
        )
        values.update(
            self._prepare_portal_layout_values(),
            page_name="property_count",
            error=error,
            done=done,
        )
        return request.render("qms_customer_property.portal_my_property_count", values)

    @http.route(
        ["/my/property/counts/<int:count_id>/answer"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_property_count_answer(self, count_id, access_token=None, **post):
        """Confirm the whole count, or dispute the ticked lines with the customer's figures."""
        count_sudo = self._qms_portal_document("qms.property.count", count_id, access_token)
        partner = request.env.user.partner_id
        note = (post.get("note") or "").strip()[:2000] or None
        try:
            if post.get("answer") == "dispute":
                answers = {
                    row["number"]: (
                        post.get(f"qty_{row['number']}"),
                        post.get(f"remark_{row['number']}"),
                    )
                    for row in count_sudo._book_rows()
                    if post.get(f"dispute_{row['number']}")
                }
                count_sudo.action_dispute(answers, partner=partner, note=note)
            else:
                count_sudo.action_confirm(partner=partner, note=note)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self.portal_my_property_count(
                count_id, access_token=access_token, error=str(error)
            )
        return request.redirect(f"{count_sudo.get_portal_url()}&done=1")
