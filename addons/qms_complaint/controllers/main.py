from werkzeug.exceptions import BadRequest, Forbidden

from odoo import fields, http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class QmsComplaintRegisterController(http.Controller):
    @http.route("/qms_complaint/register.xlsx", type="http", auth="user", methods=["GET"])
    def qms_complaint_register_xlsx(self, ids=None, **kwargs):
        """The complaint register: the given complaints (``ids=1,2,3``, in that order)
        or, without ``ids``, every complaint the user can read. QMS users only."""
        env = request.env
        if not env.user.has_group("qms_base.group_qms_user"):
            raise Forbidden()
        Complaint = env["qms.complaint"]
        if ids:
            try:
                wanted = [int(part) for part in ids.split(",") if part.strip()]
            except ValueError as error:
                raise BadRequest() from error
            # search() applies the user's record rules; keep the order of the selection.
            readable = set(
                Complaint.with_context(active_test=False).search([("id", "in", wanted)]).ids
            )
            complaints = Complaint.browse(list(dict.fromkeys(i for i in wanted if i in readable)))
        else:
            complaints = Complaint.search([])
        content = complaints._qms_register_xlsx()
        today = fields.Date.context_today(complaints)
        filename = env._("Complaint register %(date)s.xlsx", date=today.isoformat())
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
