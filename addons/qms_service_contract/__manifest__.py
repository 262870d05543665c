{
    "name": "QMS Service Contracts",
    "summary": "Service contracts with coverage and SLA level, project handover to service, "
    "contract paperwork, upgrades and visits with callbacks, communication cadence, "
    "quarterly satisfaction callback draw, portal",
    "version": "18.0.1.1.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_service", "qms_base", "sale", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/qms_service_contract_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/qms_deadline_kind_data.xml",
        "data/qms_service_callback_question_data.xml",
        "data/ir_cron_data.xml",
        "report/qms_service_contract_templates.xml",
        "report/qms_service_contract_reports.xml",
        "data/mail_template_data.xml",
        "views/qms_service_contract_views.xml",
        "views/qms_service_handover_views.xml",
        "views/qms_service_contract_paperwork_views.xml",
        "views/qms_service_upgrade_views.xml",
        "views/qms_service_callback_draw_views.xml",
        "views/qms_service_request_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/qms_service_contract_menus.xml",
        "views/qms_service_contract_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "qms_service_contract/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/qms_service_contract_demo.xml",
    ],
    "installable": True,
}
