/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("qms_survey_portal_fill", {
    url: "/my/surveys",
    steps: () => [
        {
            content: "The campaign waits for the customer's answers",
            trigger: "tr.o_qms_survey_row:contains('Portal campaign') .badge:contains('Waiting')",
        },
        {
            content: "Open the questionnaire",
            trigger: "tr.o_qms_survey_row:contains('Portal campaign') a.o_qms_survey_fill",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Start",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Price level: very satisfied",
            trigger: "div.js_question-wrapper:contains('Price level') label:contains('Very satisfied')",
            run: "click",
        },
        {
            content: "Product quality: satisfied",
            trigger: "div.js_question-wrapper:contains('Product quality') label:contains('Satisfied'):not(:contains('Very'))",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Thank you",
            trigger: "h1:contains('Thank you')",
        },
    ],
});
