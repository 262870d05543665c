/** @odoo-module **/

import { registry } from "@web/core/registry";

// Sending the 8D report: the button opens Odoo's mail composer with the report's
// template and its PDF, to read before sending; Send posts it on the complaint.
registry.category("web_tour.tours").add("qms_complaint_8d_send_tour", {
    steps: () => [
        {
            content: "D4 and D5 are filled: the form offers to send the 8D report",
            trigger: ".o_form_statusbar button[name='action_send_report']:contains(Send 8D report)",
            run: "click",
        },
        {
            content: "The composer opens with the report's subject",
            trigger: ".modal .o_mail_composer_form_view input:value(8D report)",
        },
        {
            content: "The 8D report (its PDF, named 8D-<number>-rev<n>) is attached for preview",
            trigger: ".modal .o_field_mail_composer_attachment_list a:contains(8D-)",
        },
        {
            content: "Send",
            trigger: ".modal button.o_mail_send:contains(Send)",
            run: "click",
        },
        {
            content: "The composer closes; the report is in the chatter",
            trigger: "body:not(:has(.modal)) .o-mail-Message:contains(8D report)",
        },
    ],
});
