"""Customer portal: /my/samples (list, detail, approve or reject, confirmation sheet)."""

from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal

REPORT_CONFIRMATION = "qms_sample.action_report_qms_sample_confirmation"
DECIDED_STATES = ("accepted", "rejected", "sealed", "disposed")


class QmsSamplePortal(QmsCustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "sample_count" in counters:
            values["sample_count"] = self._qms_portal_count("qms.sample")
        return values

    def _sample_searchbar_sortings(self):
        env = request.env
        return {
            "date": {"label": env._("Newest"), "order": "date_requested desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc"},
            "state": {"label": env._("Status"), "order": "state, date_requested desc, id desc"},
        }

    def _sample_searchbar_filters(self):
        env = request.env
        return {
            "all": {"label": env._("All"), "domain": []},
            "to_decide": {
                "label": env._("Awaiting your decision"),
                "domain": [("state", "=", "shipped")],
            },
        }

    @http.route(
        ["/my/samples", "/my/samples/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_samples(self, page=1, sortby=None, filterby=None, **kw):
        samples, values = self._qms_portal_list(
            "qms.sample",
            "/my/samples",
            page=page,
            sortby=sortby,
            filterby=filterby,
            sortings=self._sample_searchbar_sortings(),
            filters=self._sample_searchbar_filters(),
            history="my_samples_history",
        )
        values.update({"samples": samples, "page_name": "sample"})
        return request.render("qms_sample.portal_my_samples", values)

    @http.route(["/my/samples/<int:sample_id>"], type="http", auth="public", website=True)
    def portal_my_sample(
        self, sample_id, access_token=None, report_type=None, download=False, **kw
    ):
        """Another customer's sample is "not found": its existence is not disclosed."""
        sample_sudo = self._qms_portal_document("qms.sample", sample_id, access_token)
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=sample_sudo,
                report_type=report_type,
                report_ref=REPORT_CONFIRMATION,
                download=str(download).lower() in ("1", "true"),
            )
        values = self._sample_page_values(sample_sudo, access_token, **kw)
        return request.render("qms_sample.portal_my_sample", values)

    def _sample_page_values(self, sample_sudo, access_token, **kwargs):
        query = {"report_type": "pdf", "download": "true"}
        if access_token:
            query["access_token"] = access_token
        values = {
            "sample": sample_sudo,
            "page_name": "sample",
            "report_url": f"{sample_sudo.access_url}?{url_encode(query)}",
            "can_decide": sample_sudo.state == "shipped",
            "decided": kwargs.get("decided"),
            "error": kwargs.get("error"),
        }
        values = self._get_page_view_values(
            sample_sudo, access_token, values, "my_samples_history", False, **kwargs
        )
        values.update(self._prepare_portal_layout_values(), page_name="sample")
        return values

    @http.route(
        ["/my/samples/<int:sample_id>/decision"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_sample_decision(self, sample_id, decision=None, comment=None, **kw):
        """The customer approves or rejects (with its reason) a sample sent to it."""
        sample_sudo = self._qms_portal_document("qms.sample", sample_id, kw.get("access_token"))
        comment = (comment or "").strip()
        signer = request.env.user.partner_id.name
        try:
            with request.env.cr.savepoint():
                if decision == "approve":
                    sample_sudo.action_customer_approve(
                        comment=comment, signed_by=signer, channel="portal"
                    )
                elif decision == "reject":
                    sample_sudo.action_customer_reject(comment, channel="portal")
                else:
                    raise UserError(request.env._("Choose to approve or to reject the sample."))
                sample_sudo.message_post(
                    body=comment or request.env._("Decision recorded on the portal."),
                    author_id=request.env.user.partner_id.id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
        except UserError as error:
            values = self._sample_page_values(sample_sudo, None, error=error.args[0])
            return request.render("qms_sample.portal_my_sample", values)
        return request.redirect(f"{sample_sudo.access_url}?decided=1")
