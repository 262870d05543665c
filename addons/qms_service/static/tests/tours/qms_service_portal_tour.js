/** @odoo-module **/

import { registry } from "@web/core/registry";

const FILE_NAME = "qms_service_error_log.txt";

/**
 * A portal customer asks for service with a file and finds it in its list.
 * Run by tests/test_portal.py, which checks the database afterwards.
 */
registry.category("web_tour.tours").add("qms_service_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the service requests from the portal home",
            trigger: ".o_portal_index_card a[href='/my/service-requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start a new request",
            trigger: "a.o_qms_service_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Subject",
            trigger: "form.o_qms_service_form input[name='title']",
            run: "edit Coating line stops every hour",
        },
        {
            content: "Equipment: one the customer bought",
            trigger: "form.o_qms_service_form select[name='product_id']",
            run: "selectByLabel QMS Portal Controller",
        },
        {
            content: "Serial number",
            trigger: "form.o_qms_service_form input[name='lot_name']",
            run: "edit SN-PORTAL-1",
        },
        {
            content: "Project",
            trigger: "form.o_qms_service_form input[name='project_name']",
            run: "edit Line 3 retrofit",
        },
        {
            content: "Urgency",
            trigger: "form.o_qms_service_form select[name='urgency']",
            run: "selectByLabel High",
        },
        {
            content: "Problem",
            trigger: "form.o_qms_service_form textarea[name='problem']",
            run: "edit The controller shows E42 and the line stops.",
        },
        {
            content: "Attach the error log",
            trigger: "form.o_qms_service_form input[name='attachments']",
            run(helpers) {
                const input = helpers.anchor;
                const file = new File(["E42 at 10:02, 11:03"], FILE_NAME, { type: "text/plain" });
                const dataTransfer = new DataTransfer();
                dataTransfer.items.add(file);
                input.files = dataTransfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Submit",
            trigger: "form.o_qms_service_form button.o_qms_service_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The detail shows the request number",
            trigger: ".o_qms_service_portal .o_qms_service_number:contains(SR)",
        },
        {
            content: "The request is received",
            trigger: ".o_qms_service_portal .o_qms_service_state:contains(Received)",
        },
        {
            content: "The customer sees when to expect it solved",
            trigger: ".o_qms_service_portal .o_qms_service_expected",
        },
        {
            content: "The file sent is among the documents",
            trigger: `.o_qms_service_documents a.o_qms_service_document:contains(${FILE_NAME})`,
        },
        {
            content: "Back to the list",
            trigger: ".o_portal_submenu a[href='/my/service-requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new request is in the list",
            trigger: "tr.o_qms_service_row:contains(Coating line stops every hour)",
        },
    ],
});
