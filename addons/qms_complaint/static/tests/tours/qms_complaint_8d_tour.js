/** @odoo-module **/

import { registry } from "@web/core/registry";

// The 8D in the backend: the form's progress bar says where the 8D is, who owns
// the step and when it is due; the step's own button completes it.
registry.category("web_tour.tours").add("qms_complaint_8d_tour", {
    steps: () => [
        {
            content: "The progress bar is at D1",
            trigger: ".o_qms_8d_progress .o_arrow_button_current:contains(D1)",
        },
        {
            content: "The current step is named, with its owner and due time",
            trigger: ".o_qms_8d_progress .o_qms_8d_step_name:contains(D1 Team)",
        },
        {
            trigger: ".o_qms_8d_progress .o_qms_8d_step_owner:contains(Admin)",
        },
        {
            trigger: ".o_qms_8d_progress .o_qms_8d_step_due",
        },
        {
            content: "Complete D1 through the button that names it",
            trigger: ".o_form_statusbar button[name='action_next_step']:contains(Complete D1 Team)",
            run: "click",
        },
        {
            content: "The bar moves on to D2 and says what D2 needs",
            trigger: ".o_qms_8d_progress .o_arrow_button_current:contains(D2)",
        },
        {
            trigger: ".o_qms_8d_progress .o_qms_8d_step_name:contains(D2 Problem description)",
        },
        {
            trigger: ".o_form_statusbar button[name='action_next_step']:contains(Complete D2 Problem description)",
        },
    ],
});
