{
    "name": "QMS Customer Property: Manufacturing",
    "summary": "Flow records of customer material read issued and consumed quantities from "
    "manufacturing orders, which consume the customer's own quants (owner kept)",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-for-odoo/qms",
    "author": "QMS for Odoo",
    "license": "AGPL-3",
    "depends": ["qms_customer_property", "mrp"],
    "data": [
        "views/qms_property_flow_views.xml",
        "views/mrp_production_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
