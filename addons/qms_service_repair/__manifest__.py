{
    "name": "QMS Service → Repairs",
    "summary": "A service request becomes a repair order of Odoo's Repairs",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_service", "repair"],
    "data": [
        "views/qms_service_request_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
