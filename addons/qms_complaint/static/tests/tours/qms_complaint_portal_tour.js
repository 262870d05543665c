/** @odoo-module **/

import { registry } from "@web/core/registry";

const FILE_NAME = "qms_portal_photo.txt";

/**
 * A portal customer files a complaint with a file and finds it in its list.
 * Run by tests/test_portal.py, which checks the database afterwards.
 */
registry.category("web_tour.tours").add("qms_complaint_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the complaints from the portal home",
            trigger: ".o_portal_index_card a[href='/my/complaints']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start a new complaint",
            trigger: "a.o_qms_complaint_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Subject",
            trigger: "form.o_qms_complaint_form input[name='title']",
            run: "edit Scratched housings on delivery",
        },
        {
            content: "Product: one the customer bought",
            trigger: "form.o_qms_complaint_form select[name='product_id']",
            run: "selectByLabel QMS Portal Widget",
        },
        {
            content: "Lot number of the chosen product",
            trigger: "form.o_qms_complaint_form input[name='lot_name']",
            run: "edit LOT-P-01",
        },
        {
            content: "The customer's own part number, as free text",
            trigger: "form.o_qms_complaint_form input[name='product_text']",
            run: "edit Customer P/N 55-120",
        },
        {
            content: "Defective quantity",
            trigger: "form.o_qms_complaint_form input[name='qty_defective']",
            run: "edit 4",
        },
        {
            content: "Delivered quantity",
            trigger: "form.o_qms_complaint_form input[name='qty_delivered']",
            run: "edit 100",
        },
        {
            content: "Customer reference",
            trigger: "form.o_qms_complaint_form input[name='customer_ref']",
            run: "edit NCR-PORTAL-7",
        },
        {
            content: "Description",
            trigger: "form.o_qms_complaint_form textarea[name='description']",
            run: "edit Four housings have deep scratches on the front face.",
        },
        {
            content: "Attach a file",
            trigger: "form.o_qms_complaint_form input[name='attachments']",
            run(helpers) {
                const input = helpers.anchor;
                const file = new File(["scratches on the front face"], FILE_NAME, {
                    type: "text/plain",
                });
                const dataTransfer = new DataTransfer();
                dataTransfer.items.add(file);
                input.files = dataTransfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Submit",
            trigger: "form.o_qms_complaint_form button.o_qms_complaint_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The detail shows the complaint number",
            trigger: ".o_qms_complaint_portal .o_qms_complaint_number:contains(CC)",
        },
        {
            content: "The complaint is received",
            trigger: ".o_qms_complaint_portal .o_qms_complaint_state:contains(Received)",
        },
        {
            content: "The part number typed is on the complaint",
            trigger: ".o_qms_complaint_portal .o_qms_product_text:contains(Customer P/N 55-120)",
        },
        {
            content: "The file sent is among the documents",
            trigger: `.o_qms_complaint_documents a.o_qms_complaint_document:contains(${FILE_NAME})`,
        },
        {
            content: "Write to the quality team in the chatter",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Photos of the other housings follow.",
        },
        {
            content: "Send the message",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The message is in the communication history",
            trigger:
                "#chatterRoot:shadow .o-mail-Message-textContent:contains(Photos of the other housings follow.)",
        },
        {
            content: "Back to the list",
            trigger: ".o_portal_submenu a[href='/my/complaints']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new complaint is in the list",
            trigger: "tr.o_qms_complaint_row:contains(Scratched housings on delivery):contains(NCR-PORTAL-7)",
        },
    ],
});
