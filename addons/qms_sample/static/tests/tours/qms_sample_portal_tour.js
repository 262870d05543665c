/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * A portal customer approves the sample it received, with a comment.
 * Run by tests/test_portal.py, which checks the database afterwards.
 */
registry.category("web_tour.tours").add("qms_sample_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the samples from the portal home",
            trigger: ".o_portal_index_card a[href='/my/samples']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the sample sent for approval",
            trigger: "tr.o_qms_sample_row:contains(Colour board portal) a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The sample is waiting for the decision",
            trigger: ".o_qms_sample_portal .o_qms_sample_state:contains(Sent to customer)",
        },
        {
            content: "The confirmation sheet can be downloaded",
            trigger: "a.o_qms_sample_download[href*='report_type=pdf']",
        },
        {
            content: "Comment",
            trigger: "form.o_qms_sample_decision_form textarea[name='comment']",
            run: "edit Colour matches our master, approved.",
        },
        {
            content: "Approve",
            trigger: "form.o_qms_sample_decision_form button.o_qms_sample_approve",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The decision is recorded",
            trigger: ".o_qms_sample_decided",
        },
        {
            content: "The sample is accepted",
            trigger: ".o_qms_sample_portal .o_qms_sample_state:contains(Accepted)",
        },
    ],
});
