{
    "name": "QMS Complaints and Samples",
    "summary": "Bridge: a complaint creates and follows the samples taken for its analysis, "
    "including samples brought back from a customer visit",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_complaint", "qms_sample"],
    "auto_install": True,
    "data": [
        "views/qms_complaint_views.xml",
        "views/qms_lab_sample_views.xml",
    ],
    "installable": True,
}
