"""Customer portal: /my/complaints (list, detail, new complaint)."""

import math

from werkzeug.urls import url_encode

from odoo import Command, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal

REPORT_8D = "qms_complaint.action_report_qms_complaint_8d"
OPEN_STATES = ("draft", "in_progress")


class QmsComplaintPortal(QmsCustomerPortal):
    # ------------------------------------------------------------------
    # Home
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            values["complaint_count"] = self._qms_portal_count("qms.complaint")
        return values

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    def _complaint_searchbar_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "date_received desc, id desc"},
            "state": {"label": env._("Status"), "order": "state, date_received desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc"},
        }

    def _complaint_searchbar_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "open": {"label": env._("Open"), "domain": [("state", "in", OPEN_STATES)]},
        }

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, sortby=None, filterby=None, **kw):
        complaints, values = self._qms_portal_list(
            "qms.complaint",
            "/my/complaints",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=self._complaint_searchbar_sortings(),
            filters=self._complaint_searchbar_filters(),
            history="my_complaints_history",
            page_size=self._items_per_page,
        )
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "can_create": self._complaint_can_create(),
            }
        )
        return request.render("qms_complaint.portal_my_complaints", values)

    # ------------------------------------------------------------------
    # Detail
    # ------------------------------------------------------------------
    @http.route(
        ["/my/complaints/<int:complaint_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_complaint(
        self, complaint_id, access_token=None, report_type=None, download=False, **kw
    ):
        """Another customer's complaint is "not found": its existence is not disclosed;
        so is an internal corrective action, even with its token."""
        complaint_sudo = self._qms_portal_document("qms.complaint", complaint_id, access_token)
        if complaint_sudo.feedback_type == "internal":
            raise request.not_found()

        if report_type in ("html", "pdf", "text"):
            if not complaint_sudo.date_report_sent or not self._complaint_report():
                raise request.not_found()
            sent = complaint_sudo.report_attachment_id
            if report_type == "pdf" and sent:
                # the report as it was sent, not the live record (later drafts stay internal)
                return request.make_response(
                    sent.raw,
                    headers=[
                        ("Content-Type", "application/pdf"),
                        ("Content-Length", len(sent.raw)),
                        (
                            "Content-Disposition",
                            http.content_disposition(sent.name)
                            if str(download).lower() in ("1", "true")
                            else "inline",
                        ),
                    ],
                )
            return self._show_report(
                model=complaint_sudo,
                report_type=report_type,
                report_ref=REPORT_8D,
                download=str(download).lower() in ("1", "true"),
            )

        values = self._complaint_get_page_view_values(complaint_sudo, access_token, **kw)
        return request.render("qms_complaint.portal_my_complaint", values)

    def _complaint_report(self):
        return request.env.ref(REPORT_8D, raise_if_not_found=False)

    def _complaint_documents(self, complaint_sudo):
        """The files of the complaint shown to the customer: its "Photos and files"."""
        attachments = complaint_sudo.photo_ids.filtered(
            lambda a: a.type == "binary" and not a.res_field
        )
        attachments.generate_access_token()
        return attachments

    def _complaint_get_page_view_values(self, complaint_sudo, access_token, **kwargs):
        steps = complaint_sudo.step_ids.sorted("sequence")
        report_url = False
        if complaint_sudo.date_report_sent and self._complaint_report():
            query = {"report_type": "pdf", "download": "true"}
            if access_token:
                query["access_token"] = access_token
            report_url = f"{complaint_sudo.access_url}?{url_encode(query)}"
        values = {
            "complaint": complaint_sudo,
            "page_name": "complaint",
            "steps": steps,
            "documents": self._complaint_documents(complaint_sudo),
            "report_url": report_url,
            "created": kwargs.get("created"),
        }
        values = self._get_page_view_values(
            complaint_sudo, access_token, values, "my_complaints_history", False, **kwargs
        )
        values.update(self._prepare_portal_layout_values(), page_name="complaint")
        return values

    # ------------------------------------------------------------------
    # New complaint
    # ------------------------------------------------------------------
    def _complaint_can_create(self):
        user = request.env.user
        return not user._is_public() and (user._is_internal() or user._is_portal())

    def _complaint_products(self):
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
                    ("is_downpayment", "=", False),
                    ("product_id", "!=", False),
                ]
            )
        )
        return lines.product_id.sorted("display_name")

    def _complaint_form_values(self, form=None, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "complaint_new",
                "products": self._complaint_products(),
                "form": form or {},
                "error": error,
            }
        )
        return values

    @http.route(
        ["/my/complaints/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_complaint_new(self, **kw):
        if not self._complaint_can_create():
            raise request.not_found()
        return request.render("qms_complaint.portal_complaint_new", self._complaint_form_values())

    @http.route(
        ["/my/complaints/new"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_complaint_submit(self, **post):
        if not self._complaint_can_create():
            raise request.not_found()
        form = {
            key: (post.get(key) or "").strip()
            for key in (
                "title",
                "product_id",
                "lot_name",
                "product_text",
                "qty_defective",
                "qty_delivered",
                "customer_ref",
                "description",
            )
        }
        # Free text typed as spaces only is an error the customer sees, not dropped.
        blank = [key for key in ("product_text", "lot_name") if post.get(key) and not form[key]]
        files = [
            upload for upload in request.httprequest.files.getlist("attachments") if upload.filename
        ]
        try:
            self._complaint_check_blank(blank)
            vals = self._complaint_prepare_values(form)
            with request.env.cr.savepoint():
                complaint = request.env["qms.complaint"].sudo().create(vals)
                self._complaint_attach(complaint, files)
        except (UserError, ValidationError) as error:
            values = self._complaint_form_values(form=form, error=error.args[0])
            return request.render("qms_complaint.portal_complaint_new", values)
        return request.redirect(f"{complaint.access_url}?created=1")

    def _complaint_prepare_values(self, form):
        """Turn the form into ``qms.complaint`` values; the model validates them."""
        env = request.env
        partner = env.user.partner_id
        customer = partner.commercial_partner_id
        if not form["title"]:
            raise UserError(env._("Give your complaint a subject."))
        product = env["product.product"]
        if form["product_id"]:
            products = self._complaint_products()
            product = products.filtered(lambda p: str(p.id) == form["product_id"])
            if not product:
                raise UserError(env._("Choose the product among the products you bought."))
        lot = env["stock.lot"]
        lot_text = False
        if form["lot_name"] and not product:
            # A product not in the list: quality matches the lot typed at triage.
            lot_text = form["lot_name"]
        elif form["lot_name"]:
            lot = (
                env["stock.lot"]
                .sudo()
                .search(
                    [
                        ("name", "=", form["lot_name"]),
                        ("product_id", "=", product.id),
                        ("company_id", "in", [env.company.id, False]),
                    ],
                    limit=1,
                )
            )
            if not lot:
                raise UserError(
                    env._(
                        "Lot %(lot)s is not a lot of %(product)s.",
                        lot=form["lot_name"],
                        product=product.display_name,
                    )
                )
        quantities = {}
        for name in ("qty_defective", "qty_delivered"):
            try:
                quantities[name] = float(form[name].replace(",", ".")) if form[name] else 0.0
                if not math.isfinite(quantities[name]):
                    raise ValueError(form[name])
            except ValueError:
                raise UserError(env._("“%(value)s” is not a quantity.", value=form[name])) from None
        return {
            "title": form["title"],
            "partner_id": customer.id,
            "contact_id": partner.id,
            "channel": "portal",
            "feedback_type": "complaint",
            "product_id": product.id,
            "lot_id": lot.id,
            "product_text": form.get("product_text") or False,
            "lot_text": lot_text,
            "customer_ref": form["customer_ref"],
            "description": plaintext2html(form["description"]) if form["description"] else False,
            **quantities,
        }

    def _complaint_check_blank(self, keys):
        """A free-text product or lot typed as spaces only is refused, by its label."""
        labels = {
            "product_text": request.env._("Product name or part number"),
            "lot_name": request.env._("Lot/Serial number"),
        }
        if keys:
            raise UserError(
                request.env._(
                    "%(field)s cannot be only spaces: type it or leave it empty.",
                    field=labels[keys[0]],
                )
            )

    def _complaint_attach(self, complaint, files):
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": upload.filename,
                        "raw": upload.read(),
                        "res_model": complaint._name,
                        "res_id": complaint.id,
                    }
                    for upload in files
                ]
            )
        )
        if attachments:
            complaint.photo_ids = [Command.link(attachment.id) for attachment in attachments]
        return attachments
