/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * A portal customer opens its service contracts and sees what one covers.
 * Run by tests/test_portal.py.
 */
registry.category("web_tour.tours").add("qms_service_contract_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the service contracts from the portal home",
            trigger: ".o_portal_index_card a[href='/my/service-contracts']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The contract is listed with its coverage",
            trigger: "tr.o_qms_service_contract_row:contains('HIS phase 1') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The covered equipment and its serial number are shown",
            trigger: ".o_qms_service_contract_lines td:contains('WS-0001')",
        },
        {
            content: "The free maintenance period is shown",
            trigger: ".o_qms_service_contract_page:contains('Free maintenance until')",
        },
    ],
});
