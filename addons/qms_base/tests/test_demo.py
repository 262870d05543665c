from odoo.tests import TransactionCase


class TestDemoData(TransactionCase):
    def test_no_qms_demo_data_failed_to_install(self):
        """Odoo installs a module "without demo data" when its demo fails, with only
        a warning in the log, and the rolled-back demo can leave stored fields of
        the module's own data unset (a mail template without its model): a demo
        that fails is a failure of the suite."""
        failures = (
            self.env["ir.demo_failure"].sudo().search([("module_id.name", "=like", "qms\\_%")])
        )
        self.assertFalse(failures, [f"{f.module_id.name}: {f.error}" for f in failures])
