{
    "name": "QMS Service → Satisfaction Survey",
    "summary": "A satisfaction survey after each completed service request; the service "
    "training exam as a certification survey qualifies engineers",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_service", "qms_survey"],
    "data": [
        "views/qms_service_request_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
