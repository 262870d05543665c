{
    "name": "QMS Customer Desk ↔ Service",
    "summary": "A hotline call shows the caller's open service requests with its open complaints",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_customer_desk", "qms_service"],
    "auto_install": True,
    "installable": True,
}
