"""Communication cadence after installation (003 4.3.2), pure date arithmetic.

a) within the first month after installation, at least once a week;
b) during the warranty, at least once a month;
c) after the warranty, at least once every 3 months.

Each contact is planned from the previous one (the date it really took place),
so a late contact never makes the next one late as well. No Odoo import.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

# A sanity bound for schedules, not a business number.
MAX_CONTACTS = 500


def next_contact(
    last,
    installed,
    warranty_end,
    first_months=1,
    first_interval_days=7,
    warranty_interval_months=1,
    after_interval_months=3,
):
    """The date of the contact after ``last`` (a contact or the installation)."""
    if first_interval_days <= 0 or warranty_interval_months <= 0 or after_interval_months <= 0:
        raise ValueError("cadence intervals must be positive")
    first_end = installed + relativedelta(months=first_months)
    if last < first_end:
        return last + timedelta(days=first_interval_days)
    if warranty_end and last < warranty_end:
        return last + relativedelta(months=warranty_interval_months)
    return last + relativedelta(months=after_interval_months)


def schedule(installed, warranty_end, end, **intervals):
    """Every contact date from ``installed`` up to ``end`` (included)."""
    dates, last = [], installed
    while len(dates) < MAX_CONTACTS:
        last = next_contact(last, installed, warranty_end, **intervals)
        if end and last > end:
            break
        dates.append(last)
    return dates
