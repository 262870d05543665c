from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    qms_service_request_id = fields.Many2one(
        "qms.service.request",
        string="Service request",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )

    def action_repair_done(self):
        result = super().action_repair_done()
        for order in self.filtered(lambda o: o.state == "done" and o.qms_service_request_id):
            request = order.qms_service_request_id
            request.message_post(
                body=self.env._(
                    "Repair order %(repair)s is done: record the result of the request.",
                    repair=order.name,
                )
            )
            if request.user_id and request.state in ("accepted", "in_progress", "follow_up"):
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=request.user_id.id,
                    summary=self.env._("Repair %(repair)s done", repair=order.name),
                )
        return result
