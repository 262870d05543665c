from datetime import datetime

import pytz
from odoo_test_helper import FakeModelLoader

from odoo.tests import TransactionCase, new_test_user

SHANGHAI = pytz.timezone("Asia/Shanghai")
HOLIDAYS_2026 = "qms_base/data/cn_public_holidays_2026.csv"


def cst(*args):
    """A Beijing wall-clock time as the naive UTC datetime Odoo stores."""
    return SHANGHAI.localize(datetime(*args)).astimezone(pytz.utc).replace(tzinfo=None)


class QmsCase(TransactionCase):
    """A company on Beijing time with China's 2026 holidays and make-up days,
    a QMS user with a manager, and helpers to open deadlines on partners."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "China 40h", "tz": "Asia/Shanghai", "company_id": cls.env.company.id}
        )
        cls.env["qms.holiday.import"]._import_file(cls.calendar.id, HOLIDAYS_2026)
        cls.env.company.qms_calendar_id = cls.calendar
        cls.manager_user = new_test_user(
            cls.env, login="qms_boss", name="Quality Head", groups="qms_base.group_qms_manager"
        )
        cls.owner_user = new_test_user(
            cls.env, login="qms_engineer", name="Quality Engineer", groups="qms_base.group_qms_user"
        )
        boss_employee = cls.env["hr.employee"].create(
            {"name": "Quality Head", "user_id": cls.manager_user.id}
        )
        cls.env["hr.employee"].create(
            {
                "name": "Quality Engineer",
                "user_id": cls.owner_user.id,
                "parent_id": boss_employee.id,
            }
        )
        cls.partner_model = cls.env["ir.model"]._get("res.partner")
        cls.kind = cls._make_kind("report_due", 3, "working_days", escalate=1)

    @classmethod
    def _make_kind(cls, code, duration, unit, escalate=1.0, escalate_unit="working_days", **vals):
        return cls.env["qms.deadline.kind"].create(
            {
                "name": f"Test {code}",
                "code": code,
                "model_id": cls.partner_model.id,
                "duration": duration,
                "duration_unit": unit,
                "escalation_delay": escalate,
                "escalation_delay_unit": escalate_unit,
                **vals,
            }
        )

    def _customers(self, count):
        return self.env["res.partner"].create(
            [{"name": f"Customer {i}", "user_id": self.owner_user.id} for i in range(count)]
        )

    def _open(self, records, code="report_due", start=None, **kwargs):
        return self.env["qms.deadline"]._open_for(records, code, start=start, **kwargs)


class FakeModelsMixin:
    """Loads test models of ``fake_models.py`` into the registry for one test
    class, and takes them out again afterwards."""

    @classmethod
    def _load_fake_models(cls, *names):
        from . import fake_models  # noqa: PLC0415 (the models register on import)

        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        cls.loader.update_registry(tuple(getattr(fake_models, name) for name in names))

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "loader", None):
            cls.loader.restore_registry()
        super().tearDownClass()
