"""Customer portal: /my/service-contracts (list and detail)."""

from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# Page size of the list (a module constant: CustomerPortal is one merged class).
CONTRACTS_PER_PAGE = 20


class QmsServiceContractPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_contract_count" in counters:
            Contract = request.env["qms.service.contract"]
            # No sudo: the portal record rule limits the count to the user's company.
            values["service_contract_count"] = (
                Contract.search_count(self._service_contract_domain())
                if Contract.has_access("read")
                else 0
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
        Contract = request.env["qms.service.contract"]
        values = self._prepare_portal_layout_values()
        sortings = self._service_contract_sortings()
        sortby = sortby if sortby in sortings else "end"
        domain = self._service_contract_domain()
        readable = Contract.has_access("read")
        count = Contract.search_count(domain) if readable else 0
        pager = portal_pager(
            url="/my/service-contracts",
            url_args={"sortby": sortby},
            total=count,
            page=page,
            step=CONTRACTS_PER_PAGE,
        )
        contracts = (
            Contract.search(
                domain,
                order=sortings[sortby]["order"],
                limit=CONTRACTS_PER_PAGE,
                offset=pager["offset"],
            )
            if readable
            else Contract
        )
        request.session["my_service_contracts_history"] = contracts.ids[:100]
        values.update(
            {
                "contracts": contracts,
                "page_name": "service_contract",
                "default_url": "/my/service-contracts",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("qms_service_contract.portal_my_service_contracts", values)

    @http.route(
        ["/my/service-contracts/<int:contract_id>"], type="http", auth="public", website=True
    )
    def portal_my_service_contract(self, contract_id, access_token=None, **kw):
        """Another customer's contract is "not found": its existence is not disclosed."""
        try:
            contract_sudo = self._document_check_access(
                "qms.service.contract", contract_id, access_token
            )
        except MissingError:
            raise request.not_found() from None
        except AccessError:
            if request.env.user._is_public():
                query = url_encode({"redirect": request.httprequest.full_path})
                return request.redirect(f"/web/login?{query}")
            raise request.not_found() from None
        if contract_sudo.state not in ("active", "ended"):
            raise request.not_found()
        values = {"contract": contract_sudo, "page_name": "service_contract"}
        values = self._get_page_view_values(
            contract_sudo, access_token, values, "my_service_contracts_history", False, **kw
        )
        values.update(self._prepare_portal_layout_values(), page_name="service_contract")
        return request.render("qms_service_contract.portal_my_service_contract", values)
