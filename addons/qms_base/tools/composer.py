"""The mail composer a QMS document is sent with, and what a send recorded.

A document (8D report, handling report, confirmation sheet, commission form)
goes out through Odoo's composer, so the user sees and may edit the mail. The
composer's context crosses the browser, so a flag in it that says "this send
is the document" can be sent by any caller too: what the send records is
read from the message itself (a comment to someone, with the document), never from
the flag alone.
"""


def composer_action(records, template, name, layout="mail.mail_notification_light", **context):
    """The composer window on ``records`` with ``template`` (a ``mail.template``
    or an empty/False value) and ``context`` added to its own."""
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": "mail.compose.message",
        "view_mode": "form",
        "views": [(False, "form")],
        "target": "new",
        "context": {
            "default_model": records._name,
            "default_res_ids": records.ids,
            "default_composition_mode": "comment",
            "default_template_id": template.id if template else False,
            "default_email_layout_xmlid": layout,
            "force_email": True,
            **context,
        },
    }


def sent_document(message):
    """The document ``message`` sent to its recipients (its PDF, else its first
    attachment: tests render reports as HTML), or an empty recordset when it is
    no such send (a note, a message to nobody, nothing attached)."""
    attachments = message.attachment_ids
    if message.message_type != "comment" or not message.partner_ids:
        return attachments.browse()
    pdf = attachments.filtered(
        lambda a: a.mimetype == "application/pdf" or (a.name or "").lower().endswith(".pdf")
    )
    return pdf[:1] or attachments[:1]
