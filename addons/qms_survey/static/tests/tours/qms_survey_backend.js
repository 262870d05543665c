/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("qms_survey_backend", {
    steps: () => [
        {
            content: "Open the sent campaign",
            trigger: ".o_data_row:contains('Backend campaign') .o_data_cell[name='title']",
            run: "click",
        },
        {
            content: "The form shows the return figures",
            trigger: ".o_form_view .oe_stat_button:contains('Returned')",
        },
        {
            content: "The contacts are listed with their score",
            trigger: ".o_form_view .o_field_one2many[name='invitation_ids'] .o_data_row:contains('Li Na')",
        },
        {
            content: "Open the corrective actions tab",
            trigger: ".o_notebook .nav-link:contains('Corrective actions')",
            run: "click",
        },
        {
            content: "The low item action is there",
            trigger: ".o_field_one2many[name='qms_capa_ids'] .o_data_row:contains('Low item')",
        },
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "Switch to the graph view",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The trend chart is drawn",
            trigger: ".o_graph_renderer canvas",
        },
    ],
});
