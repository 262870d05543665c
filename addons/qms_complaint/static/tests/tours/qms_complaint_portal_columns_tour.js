/** @odoo-module **/

import { registry } from "@web/core/registry";

const ROW = "tr.o_qms_complaint_row:contains(Bare complaint without reference)";

function checkRow(phone) {
    const row = document.querySelector(
        "tr.o_qms_complaint_row[data-qms-title='Bare complaint without reference']"
    );
    if (!row) {
        throw new Error("The complaint without reference or product is not listed.");
    }
    const cells = row.querySelectorAll(":scope > td");
    const heads = document.querySelectorAll(".o_portal_my_doc_table thead th, table thead th");
    if (cells.length !== 6 || cells.length !== heads.length) {
        throw new Error(`The row has ${cells.length} cells for ${heads.length} columns.`);
    }
    const state = row.querySelector("td.o_qms_cell_state .badge");
    if (!state || !state.textContent.trim()) {
        throw new Error("The status is missing from its column.");
    }
    for (const name of ["product", "ref"]) {
        const cell = row.querySelector(`td.o_qms_cell_${name}`);
        if (cell.textContent.trim() !== "—") {
            throw new Error(`The empty ${name} cell shows “${cell.textContent.trim()}”.`);
        }
    }
    if (phone) {
        if (window.innerWidth > 400) {
            throw new Error(`The phone tour runs ${window.innerWidth} px wide.`);
        }
        if (document.documentElement.scrollWidth > window.innerWidth) {
            throw new Error("The page scrolls sideways on a phone.");
        }
        const visible = [...cells].filter((cell) => cell.offsetParent !== null).length;
        if (visible !== 4) {
            throw new Error(`${visible} columns are shown on a phone, 4 expected.`);
        }
    }
}

for (const [name, phone] of [
    ["qms_complaint_portal_columns_tour", false],
    ["qms_complaint_portal_phone_tour", true],
]) {
    registry.category("web_tour.tours").add(name, {
        url: "/my/complaints",
        steps: () => [
            {
                content: "The complaint is listed",
                trigger: ROW,
            },
            {
                content: "Every column keeps its cell, and the status shows",
                trigger: ROW,
                run: () => checkRow(phone),
            },
        ],
    });
}
