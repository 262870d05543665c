"""The opt-out link of care messages (greetings, tips, offers)."""

from odoo import http
from odoo.http import request


class QmsDeskCareController(http.Controller):
    @http.route(
        "/qms_desk/care/opt_out/<int:customer_id>/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def care_opt_out(self, customer_id, token, **kwargs):
        customer = request.env["qms.desk.customer"].sudo().browse(customer_id).exists()
        done = bool(customer) and customer._care_opt_out_by_token(token)
        return request.render(
            "qms_customer_desk.care_opt_out_page",
            {"done": done, "company": customer.company_id if customer else request.env.company},
        )
