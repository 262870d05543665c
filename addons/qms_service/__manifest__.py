{
    "name": "QMS After-sales Service",
    "summary": "After-sales service requests with working-time SLAs per urgency and level, "
    "engineer qualification, work records, results and closure, portal, KPIs",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "application": True,
    # stock: the serial number (stock.lot) of the equipment serviced
    "depends": ["qms_base", "sale", "stock", "portal", "mail"],
    "data": [
        "security/qms_service_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/qms_service_level_data.xml",
        "data/qms_deadline_kind_data.xml",
        "data/mail_alias_data.xml",
        "views/qms_service_level_views.xml",
        "views/qms_service_duplicate_wizard_views.xml",
        "views/qms_service_request_views.xml",
        "views/qms_service_visit_views.xml",
        "views/qms_service_development_views.xml",
        "views/qms_service_audit_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/qms_service_portal_templates.xml",
        "report/qms_service_reports.xml",
        "views/qms_service_menus.xml",
        "data/mail_template_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "qms_service/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/qms_service_demo.xml",
    ],
    "installable": True,
}
