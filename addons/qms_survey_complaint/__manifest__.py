{
    "name": "QMS Satisfaction → Complaints",
    "summary": "Corrective actions from satisfaction surveys run as internal complaints (8D)",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_survey", "qms_complaint"],
    "data": [
        "views/qms_capa_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
