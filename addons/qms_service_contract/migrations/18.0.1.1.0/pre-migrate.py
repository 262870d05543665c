"""The portal rules of service contracts are data updated with the module
(noupdate="0"), but databases installed before they moved there hold them as
noupdate: without this, their portal users kept reading draft and cancelled
contracts (the rule without the state filter)."""

PORTAL_RULES = (
    "qms_service_contract_rule_portal",
    "qms_service_contract_line_rule_portal",
    "qms_service_contract_period_rule_portal",
)


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false"
        " WHERE module = 'qms_service_contract' AND model = 'ir.rule' AND name IN %s",
        [PORTAL_RULES],
    )
