/** @odoo-module **/

import { registry } from "@web/core/registry";

/**
 * A portal customer confirms it received the customer service notice letter
 * on its contract's page. Run by tests/test_notice_receipt.py.
 */
registry.category("web_tour.tours").add("qms_service_contract_notice_tour", {
    url: "/my/service-contracts",
    steps: () => [
        {
            content: "Open the contract",
            trigger: "tr.o_qms_service_contract_row:contains('HIS phase 1') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The notice letter was sent: confirm its receipt",
            trigger: ".o_qms_service_notice button.o_qms_confirm_notice",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The receipt is confirmed, the button is gone",
            trigger: ".o_qms_service_notice .o_qms_service_notice_received",
        },
        {
            content: "No button any more",
            trigger: ".o_qms_service_notice:not(:has(button.o_qms_confirm_notice))",
        },
    ],
});
