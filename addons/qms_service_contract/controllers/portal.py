"""Customer portal: /my/service-contracts (list and detail)."""

from odoo import http
from odoo.http import request

from odoo.addons.qms_base.controllers.portal import QmsCustomerPortal


class QmsServiceContractPortal(QmsCustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_contract_count" in counters:
            values["service_contract_count"] = self._qms_portal_count(
                "qms.service.contract", self._service_contract_domain()
            )
        return values

    def _service_contract_domain(self):
        return [("state", "in", ("active", "ended"))]

    def _service_contract_sortings(self):
        env = request.env
        return {
            "end": {"label": env._("Covered until"), "order": "date_end desc, id desc"},
            "name": {"label": env._("Number"), "order": "name desc"},
        }

    @http.route(
        ["/my/service-contracts", "/my/service-contracts/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_service_contracts(self, page=1, sortby=None, **kw):
        contracts, values = self._qms_portal_list(
            "qms.service.contract",
            "/my/service-contracts",
            page=page,
            sortby=sortby,
            sortings=self._service_contract_sortings(),
            base_domain=self._service_contract_domain(),
            history="my_service_contracts_history",
        )
        values.update({"contracts": contracts, "page_name": "service_contract"})
        return request.render("qms_service_contract.portal_my_service_contracts", values)

    @http.route(
        ["/my/service-contracts/<int:contract_id>"], type="http", auth="public", website=True
    )
    def portal_my_service_contract(self, contract_id, access_token=None, **kw):
        """Another customer's contract is "not found": its existence is not disclosed."""
        contract_sudo = self._qms_portal_document("qms.service.contract", contract_id, access_token)
        if contract_sudo.state not in ("active", "ended"):
            raise request.not_found()
        values = {
            "contract": contract_sudo,
            "notice": self._service_contract_notice(contract_sudo),
            "page_name": "service_contract",
        }
        values = self._get_page_view_values(
            contract_sudo, access_token, values, "my_service_contracts_history", False, **kw
        )
        values.update(self._prepare_portal_layout_values(), page_name="service_contract")
        return request.render("qms_service_contract.portal_my_service_contract", values)

    @http.route(
        ["/my/service-contracts/<int:contract_id>/confirm-notice"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_service_contract_confirm_notice(self, contract_id, **kw):
        """The customer confirms it received the customer service notice letter."""
        contract_sudo = self._qms_portal_document("qms.service.contract", contract_id)
        if contract_sudo.state not in ("active", "ended"):
            raise request.not_found()
        notice = self._service_contract_notice(contract_sudo)
        if notice and not notice.date_notice_received:
            user = request.env.user
            notice._confirm_notice_receipt("portal", user.partner_id, user)
        return request.redirect(contract_sudo.access_url)

    def _service_contract_notice(self, contract_sudo):
        """The handover whose notice letter the customer was sent (the last one)."""
        handovers = contract_sudo.sudo().handover_ids.filtered(
            lambda h: h.state == "accepted" and h.date_notice_sent
        )
        return handovers.sorted("date_notice_sent")[-1:]
