from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ContractCase, cst


@tagged("post_install", "-at_install")
class TestSettings(ContractCase):
    """Every number of the seeds is a setting of the company."""

    def _settings(self, **values):
        settings = self.env["res.config.settings"].create(values)
        settings.execute()
        return settings

    @freeze_time("2026-03-04 02:00:00")
    def test_handover_days_and_free_months(self):
        defaults = self.env["res.config.settings"].default_get(
            ["qms_service_handover_submit_days", "qms_service_paperwork_return_days"]
        )
        self.assertEqual(defaults["qms_service_handover_submit_days"], 5)
        self.assertEqual(defaults["qms_service_paperwork_return_days"], 30)
        self._settings(qms_service_handover_submit_days=3, qms_service_free_months=6)
        contract = self._contract()
        self.assertEqual(contract.free_months, 6)
        handover = self.env["qms.service.handover"].create(
            {"contract_id": contract.id, "date_acceptance": date(2026, 3, 2)}
        )
        submit = handover.qms_deadline_ids.filtered(lambda d: d.kind_id.code == "submit")
        self.assertEqual(submit.due, cst(2026, 3, 5, 9, 0), "three working days")

    def test_renewal_reminders_setting(self):
        self._settings(qms_service_renewal_reminders="90,30,7")
        kind = self.env.ref("qms_service_contract.deadline_kind_contract_renewal")
        self.assertEqual(kind.with_company(self.env.company)._reminder_offsets(), [90, 30, 7])

    def test_bad_settings_refused(self):
        with self.assertRaises(ValidationError):
            self._settings(qms_service_draw_size=0)
        with self.assertRaises(ValidationError):
            self._settings(qms_service_renewal_reminders="soon")
