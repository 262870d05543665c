import calendar as pycalendar
from datetime import date, datetime, time

import pytz

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_desk_hotline = fields.Char(
        "Complaint hotline",
        help="003 5.4.1: the complaint number published to customers, shown on the portal "
        "and printed on the 8D report.",
    )
    qms_desk_user_id = fields.Many2one(
        "res.users",
        string="Customer service lead",
        domain=[("share", "=", False)],
        help="Owns what the scheduler plans: dealer data, monthly summaries, care messages.",
    )
    qms_desk_dealer_day = fields.Integer(
        "Dealer customer data due on day",
        default=25,
        help="Stores and dealers send their customer data by this day of each month "
        "(000: 每月25日回传).",
    )
    qms_desk_summary_day = fields.Integer(
        "Monthly problem summary due on day",
        default=28,
        help="The summary of last month's reported problems is due by this day of the month "
        "(000: 每月28日完成).",
    )
    qms_desk_greeting_days = fields.Integer(
        "Holiday greetings, working days before",
        default=2,
        help="Holiday greetings go out this many working days before each public holiday "
        "of the company's working calendar.",
    )
    qms_desk_care_horizon_days = fields.Integer(
        "Plan greetings ahead (days)",
        default=30,
        help="Holiday greetings are planned for the public holidays starting within this "
        "many days.",
    )
    qms_desk_care_sms = fields.Boolean(
        "Care messages also by SMS",
        help="Also send care messages by SMS to customers with a mobile number, when Odoo's "
        "SMS module is installed.",
    )

    _sql_constraints = [
        (
            "qms_desk_dealer_day_range",
            "CHECK(qms_desk_dealer_day IS NULL OR qms_desk_dealer_day BETWEEN 1 AND 31)",
            "The dealer data day must be a day of the month (1-31).",
        ),
        (
            "qms_desk_summary_day_range",
            "CHECK(qms_desk_summary_day IS NULL OR qms_desk_summary_day BETWEEN 1 AND 31)",
            "The summary day must be a day of the month (1-31).",
        ),
        (
            "qms_desk_greeting_days_positive",
            "CHECK(qms_desk_greeting_days IS NULL OR qms_desk_greeting_days >= 0)",
            "Holiday greetings cannot be sent after the holiday.",
        ),
        (
            "qms_desk_care_horizon_days_positive",
            "CHECK(qms_desk_care_horizon_days IS NULL OR qms_desk_care_horizon_days >= 1)",
            "Greetings must be planned at least one day ahead.",
        ),
    ]

    def _qms_desk_day_deadline(self, year, month, day):
        """The end of ``day`` (clamped to the month) of ``year``-``month`` on the
        company's calendar, as naive UTC: a “by the 25th” deadline."""
        self.ensure_one()
        last = pycalendar.monthrange(year, month)[1]
        local_day = date(year, month, min(day, last))
        zone = pytz.timezone(self._qms_calendar().tz or "UTC")
        end = zone.localize(datetime.combine(local_day, time(23, 59, 59)))
        return end.astimezone(pytz.utc).replace(tzinfo=None)
