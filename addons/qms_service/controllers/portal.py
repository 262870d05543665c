"""Customer portal: /my/service-requests (list, detail, new request, confirm resolution)."""

from datetime import datetime

from odoo import Command, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal

from ..models.qms_service_level import URGENCIES
from ..models.res_partner import OPEN_STATES

FORM_FIELDS = (
    "title",
    "project_name",
    "product_id",
    "lot_name",
    "urgency",
    "date_required",
    "problem",
    "special_requirements",
)


class QmsServicePortal(QmsCustomerPortal):
    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_request_count" in counters:
            values["service_request_count"] = self._qms_portal_count("qms.service.request")
        return values

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    def _service_searchbar_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "date_received desc, id desc"},
            "state": {"label": env._("Status"), "order": "state, date_received desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc"},
        }

    def _service_searchbar_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "open": {"label": env._("Open"), "domain": [("state", "in", OPEN_STATES)]},
        }

    @http.route(
        ["/my/service-requests", "/my/service-requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_service_requests(self, page=1, sortby=None, filterby=None, **kw):
        requests, values = self._qms_portal_list(
            "qms.service.request",
            "/my/service-requests",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=self._service_searchbar_sortings(),
            filters=self._service_searchbar_filters(),
            history="my_service_requests_history",
        )
        values.update(
            {
                "service_requests": requests,
                "page_name": "service_request",
                "can_create": self._service_can_create(),
            }
        )
        return request.render("qms_service.portal_my_service_requests", values)

    # ------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------
    @http.route(["/my/service-requests/<int:request_id>"], type="http", auth="public", website=True)
    def portal_my_service_request(self, request_id, access_token=None, **kw):
        request_sudo = self._qms_portal_document("qms.service.request", request_id, access_token)
        values = self._service_get_page_view_values(request_sudo, access_token, **kw)
        return request.render("qms_service.portal_my_service_request", values)

    def _service_documents(self, request_sudo):
        attachments = request_sudo.attachment_ids.filtered(
            lambda a: a.type == "binary" and not a.res_field
        )
        attachments.generate_access_token()
        return attachments

    def _service_get_page_view_values(self, request_sudo, access_token, **kwargs):
        values = {
            "service_request": request_sudo,
            "page_name": "service_request",
            "visits": request_sudo.visit_ids.filtered(lambda v: v.state == "done").sorted(
                "date_start"
            ),
            "documents": self._service_documents(request_sudo),
            "created": kwargs.get("created"),
            "answered": kwargs.get("answered"),
            "can_answer": request_sudo.state in ("resolved", "follow_up")
            and not request_sudo.date_customer_accepted,
            "error": kwargs.get("error"),
        }
        values = self._get_page_view_values(
            request_sudo, access_token, values, "my_service_requests_history", False, **kwargs
        )
        values.update(self._prepare_portal_layout_values(), page_name="service_request")
        return values

    @http.route(
        ["/my/service-requests/<int:request_id>/answer"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_service_request_answer(self, request_id, answer=None, feedback=None, **kw):
        """The customer confirms the resolution, or says it is not solved."""
        request_sudo = self._qms_portal_document(
            "qms.service.request", request_id, kw.get("access_token")
        )
        feedback = (feedback or "").strip()[:2000] or None
        try:
            with request.env.cr.savepoint():
                if answer == "accept":
                    request_sudo.action_customer_accept(feedback)
                elif answer == "reject":
                    request_sudo.action_customer_reject(feedback)
                else:
                    raise request.not_found()
        except UserError as error:
            values = self._service_get_page_view_values(request_sudo, None, error=error.args[0])
            return request.render("qms_service.portal_my_service_request", values)
        return request.redirect(f"{request_sudo.access_url}?answered=1")

    # ------------------------------------------------------------------
    # New request
    # ------------------------------------------------------------------
    def _service_can_create(self):
        user = request.env.user
        return not user._is_public() and (user._is_internal() or user._is_portal())

    def _service_products(self):
        """The products the customer bought: its confirmed sale order lines."""
        customer = request.env.user.partner_id.commercial_partner_id
        lines = (
            request.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_partner_id.commercial_partner_id", "=", customer.id),
                    ("state", "=", "sale"),
                    ("display_type", "=", False),
                    ("product_id", "!=", False),
                ]
            )
        )
        return lines.product_id.sorted("display_name")

    def _service_form_values(self, form=None, error=None):
        values = self._prepare_portal_layout_values()
        env = request.env
        urgencies = dict(env["qms.service.request"]._fields["urgency"]._description_selection(env))
        values.update(
            {
                "page_name": "service_request_new",
                "products": self._service_products(),
                "urgencies": [(code, urgencies[code]) for code, _label in URGENCIES],
                "form": form or {"urgency": "normal"},
                "error": error,
            }
        )
        return values

    @http.route(
        ["/my/service-requests/new"], type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_service_request_new(self, **kw):
        if not self._service_can_create():
            raise request.not_found()
        return request.render("qms_service.portal_service_request_new", self._service_form_values())

    @http.route(
        ["/my/service-requests/new"], type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_service_request_submit(self, **post):
        if not self._service_can_create():
            raise request.not_found()
        form = {key: (post.get(key) or "").strip() for key in FORM_FIELDS}
        files = [
            upload for upload in request.httprequest.files.getlist("attachments") if upload.filename
        ]
        try:
            vals = self._service_prepare_values(form)
            with request.env.cr.savepoint():
                service_request = request.env["qms.service.request"].sudo().create(vals)
                self._service_attach(service_request, files)
        except (UserError, ValidationError) as error:
            values = self._service_form_values(form=form, error=error.args[0])
            return request.render("qms_service.portal_service_request_new", values)
        return request.redirect(f"{service_request.access_url}?created=1")

    def _service_prepare_values(self, form):
        """Turn the form into ``qms.service.request`` values; the model validates them."""
        env = request.env
        partner = env.user.partner_id
        if not form["title"]:
            raise UserError(env._("Give your request a subject."))
        if not form["problem"]:
            raise UserError(env._("Describe the problem."))
        product = env["product.product"]
        if form["product_id"]:
            product = self._service_products().filtered(lambda p: str(p.id) == form["product_id"])
            if not product:
                raise UserError(env._("Choose the product among the products you bought."))
        lot = env["stock.lot"]
        if form["lot_name"]:
            if not product:
                raise UserError(
                    env._("Choose the product of serial number %(lot)s.", lot=form["lot_name"])
                )
            lot = (
                env["stock.lot"]
                .sudo()
                .search([("name", "=", form["lot_name"]), ("product_id", "=", product.id)], limit=1)
            )
            if not lot:
                raise UserError(
                    env._(
                        "%(lot)s is not a serial number of %(product)s.",
                        lot=form["lot_name"],
                        product=product.display_name,
                    )
                )
        urgency = form["urgency"] or "normal"
        if urgency not in dict(URGENCIES):
            raise UserError(env._("Choose the urgency in the list."))
        date_required = False
        if form["date_required"]:
            try:
                day = datetime.strptime(form["date_required"], "%Y-%m-%d")
            except ValueError:
                raise UserError(
                    env._("“%(value)s” is not a date.", value=form["date_required"])
                ) from None
            date_required = fields.Datetime.to_string(day.replace(hour=23, minute=59))
        return {
            "title": form["title"],
            "partner_id": partner.commercial_partner_id.id,
            "contact_id": partner.id,
            "channel": "portal",
            "project_name": form["project_name"],
            "product_id": product.id,
            "lot_id": lot.id,
            "urgency": urgency,
            "date_required": date_required,
            "problem": plaintext2html(form["problem"]),
            "special_requirements": form["special_requirements"],
        }

    def _service_attach(self, service_request, files):
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": upload.filename,
                        "raw": upload.read(),
                        "res_model": service_request._name,
                        "res_id": service_request.id,
                    }
                    for upload in files
                ]
            )
        )
        if attachments:
            service_request.attachment_ids = [Command.link(a.id) for a in attachments]
        return attachments
