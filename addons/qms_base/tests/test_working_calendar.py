from datetime import date, timedelta

import pytz

from odoo.exceptions import ValidationError

from .common import QmsCase, cst


class TestWorkingCalendar(QmsCase):
    """Deadlines land where a Chinese quality department expects them."""

    def _due(self, kind, start):
        return kind._due_from(self.calendar, start)

    def test_three_working_days_over_qingming(self):
        # Friday 3 April 2026, 17:00: Qingming runs Saturday 4 to Monday 6.
        due = self._due(self.kind, cst(2026, 4, 3, 17, 0))
        self.assertEqual(due, cst(2026, 4, 9, 17, 0), "Tue, Wed, Thu are the three working days")
        # The same start one week later, without a holiday, is due on Wednesday.
        self.assertEqual(self._due(self.kind, cst(2026, 4, 10, 17, 0)), cst(2026, 4, 15, 17, 0))

    def test_working_days_keep_the_time_of_day(self):
        self.assertEqual(self._due(self.kind, cst(2026, 3, 9, 10, 0)), cst(2026, 3, 12, 10, 0))

    def test_make_up_saturday_is_a_working_day(self):
        one_day = self._make_kind("one_day", 1, "working_days")
        # Saturday 9 May 2026 is worked in exchange for the Labour Day holiday.
        self.assertEqual(self._due(one_day, cst(2026, 5, 8, 17, 0)), cst(2026, 5, 9, 17, 0))
        # An ordinary Saturday is not: Friday 15 May → Monday 18 May.
        self.assertEqual(self._due(one_day, cst(2026, 5, 15, 17, 0)), cst(2026, 5, 18, 17, 0))

    def test_thirty_working_minutes_from_ten_to_six(self):
        notify = self._make_kind("notify", 30, "working_minutes")
        self.assertEqual(self._due(notify, cst(2026, 3, 10, 17, 50)), cst(2026, 3, 11, 8, 30))
        # Before lunch: the lunch hour does not count.
        self.assertEqual(self._due(notify, cst(2026, 3, 10, 11, 50)), cst(2026, 3, 10, 13, 20))
        # Friday 18 September evening: Sunday 20 September is a make-up workday.
        self.assertEqual(self._due(notify, cst(2026, 9, 18, 17, 50)), cst(2026, 9, 20, 8, 30))
        # National Day: from Wednesday 30 September evening to Thursday 8 October.
        self.assertEqual(self._due(notify, cst(2026, 9, 30, 17, 50)), cst(2026, 10, 8, 8, 30))

    def test_calendar_days_ignore_holidays(self):
        week = self._make_kind("week", 7, "calendar_days")
        self.assertEqual(self._due(week, cst(2026, 9, 30, 17, 50)), cst(2026, 10, 7, 17, 50))

    def test_working_hours_measured_back(self):
        hours = self._make_kind("hours", 20, "working_hours")
        start = cst(2026, 4, 30, 15, 0)
        due = self._due(hours, start)
        # Thu 30 April 15:00: 2 h, Labour Day 1-5 May, Wed 6 and Thu 7 (16 h), 2 h on Fri.
        self.assertEqual(due, cst(2026, 5, 8, 10, 0))
        self.assertEqual(self.calendar._qms_working_time_between(start, due), timedelta(hours=20))

    def test_make_up_workday_must_be_a_rest_day(self):
        with self.assertRaises(ValidationError):
            self.env["resource.calendar.workday"].create(
                {
                    "name": "Not a rest day",
                    "date": date(2026, 3, 11),
                    "calendar_id": self.calendar.id,
                }
            )
        with self.assertRaises(ValidationError):
            # Saturday 3 October 2026 is inside the National Day holiday.
            self.env["resource.calendar.workday"].create(
                {"name": "Clash", "date": date(2026, 10, 3), "calendar_id": self.calendar.id}
            )

    def test_odoo_planning_sees_make_up_days(self):
        # Odoo's own computations go through the same intervals.
        hours = self.calendar.get_work_hours_count(
            pytz.utc.localize(cst(2026, 5, 9, 0, 0)), pytz.utc.localize(cst(2026, 5, 10, 0, 0))
        )
        self.assertEqual(hours, 8)

    def test_working_days_counted_back(self):
        calendar = self.calendar
        # Thursday 9 April 17:00 back over Qingming (4-6 April): Friday 3 April 17:00.
        self.assertEqual(
            calendar._qms_subtract_working_days(cst(2026, 4, 9, 17, 0), 3), cst(2026, 4, 3, 17, 0)
        )
        # The same time of day; from a rest day, the evening of the last working day.
        self.assertEqual(
            calendar._qms_subtract_working_days(cst(2026, 3, 12, 10, 0), 2), cst(2026, 3, 10, 10, 0)
        )
        self.assertEqual(
            calendar._qms_subtract_working_days(cst(2026, 3, 15, 10, 0), 1), cst(2026, 3, 12, 17, 0)
        )
        # Saturday 9 May 2026 is a make-up workday: Monday 11 May 10:00 minus one is that day.
        self.assertEqual(
            calendar._qms_subtract_working_days(cst(2026, 5, 11, 10, 0), 1), cst(2026, 5, 9, 10, 0)
        )
        # Adding then subtracting gives the start back.
        start = cst(2026, 9, 29, 11, 0)
        due = calendar._qms_add_working_days(start, 5)
        self.assertEqual(calendar._qms_subtract_working_days(due, 5), start)

    def test_working_time_counted_back(self):
        calendar = self.calendar
        # 30 minutes before Thursday 8 October 08:30 is the morning's start;
        # an hour before it is 16:30 on 30 September, before National Day.
        self.assertEqual(
            calendar._qms_subtract_working_time(cst(2026, 10, 8, 8, 30), timedelta(minutes=30)),
            cst(2026, 10, 8, 8, 0),
        )
        self.assertEqual(
            calendar._qms_subtract_working_time(cst(2026, 10, 8, 8, 30), timedelta(hours=1)),
            cst(2026, 9, 30, 16, 30),
        )
        # Over lunch, and the mirror of test_working_hours_measured_back.
        self.assertEqual(
            calendar._qms_subtract_working_time(cst(2026, 3, 10, 13, 20), timedelta(minutes=30)),
            cst(2026, 3, 10, 11, 50),
        )
        self.assertEqual(
            calendar._qms_subtract_working_time(cst(2026, 5, 8, 10, 0), timedelta(hours=20)),
            cst(2026, 4, 30, 15, 0),
        )

    def test_counting_back_stops_at_a_floor(self):
        calendar = self.calendar
        end = cst(2026, 3, 12, 10, 0)
        floor = cst(2026, 3, 11, 9, 0)
        self.assertEqual(
            calendar._qms_subtract_working_days(end, 1, floor=floor), cst(2026, 3, 11, 10, 0)
        )
        self.assertIsNone(calendar._qms_subtract_working_days(end, 2, floor=floor))
        self.assertIsNone(
            calendar._qms_subtract_working_time(end, timedelta(hours=10), floor=floor)
        )
