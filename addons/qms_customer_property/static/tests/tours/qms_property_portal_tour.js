/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * A portal customer opens its property, finds the count of the month and confirms it.
 * Run by tests/test_portal.py, which checks the database afterwards.
 */
registry.category("web_tour.tours").add("qms_property_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the property from the portal home",
            trigger: ".o_portal_index_card a[href='/my/property']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The materials we hold are listed",
            trigger: "tr.o_qms_property_item:contains('Portal copper frames')",
        },
        {
            content: "Open the count to confirm",
            trigger: "a.o_qms_property_count_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Confirm the count",
            trigger: "form.o_qms_property_count_form button.o_qms_property_count_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The answer is recorded",
            trigger: ".o_qms_property_count_done",
        },
    ],
});
