import logging
from collections import defaultdict

from psycopg2.errors import SerializationFailure

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .qms_workflow_mixin import WORKFLOW_KEY, WORKFLOW_TOKEN

_logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 1000
ALERT_LEVELS = [("none", "Not due"), ("owner", "Owner notified"), ("escalated", "Escalated")]


class QmsDeadline(models.Model):
    """One row per (record, kind): when it started, when it is due, when done.

    The cron only ever reads rows through ``next_check``: the moment the row
    needs attention again (due, then escalation), cleared once nothing is
    left to do. One partial index on it keeps the cron's query flat.
    """

    _name = "qms.deadline"
    _inherit = ["qms.workflow.mixin"]
    _description = "QMS Deadline"
    _order = "due, id"
    _rec_name = "kind_id"
    # Opened, moved and closed by the mixin's methods and the cron only.
    _qms_workflow_fields = (
        "kind_id",
        "res_model",
        "res_id",
        "company_id",
        "start",
        "due",
        "escalate_at",
        "date_done",
        "state",
        "alert_level",
        "next_check",
        "on_time",
        "hours_taken",
        "working_hours_taken",
        "reminder_times",
        "reminder_count",
    )

    # Kinds go with the module that declared them (uninstall); nobody else deletes them.
    kind_id = fields.Many2one("qms.deadline.kind", required=True, ondelete="cascade", index=True)
    res_model = fields.Char("Document model", required=True, index=True)
    res_id = fields.Many2oneReference(
        "Document", model_field="res_model", required=True, index=True
    )
    res_name = fields.Char("Document name", compute="_compute_res_name")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    owner_id = fields.Many2one("res.users", index=True)
    start = fields.Datetime(required=True, default=fields.Datetime.now)
    due = fields.Datetime(required=True)
    escalate_at = fields.Datetime("Escalation at")
    date_done = fields.Datetime("Done on")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="open",
        index=True,
    )
    alert_level = fields.Selection(ALERT_LEVELS, required=True, default="none")
    next_check = fields.Datetime(index="btree_not_null", copy=False, readonly=True)
    on_time = fields.Boolean(readonly=True)
    on_time_rate = fields.Float(
        "On-time rate (%)",
        compute="_compute_on_time_rate",
        store=True,
        aggregator="avg",
        help="100 when done on time, 0 when late: its average is the on-time rate.",
    )
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    hours_taken = fields.Float("Hours taken", readonly=True, default=0.0, aggregator="avg")
    working_hours_taken = fields.Float(
        "Working hours taken", readonly=True, default=0.0, aggregator="avg"
    )
    activity_ids = fields.One2many("mail.activity", "qms_deadline_id", string="Activities")
    # Reminders before the due date: their times are computed once (opening,
    # rescheduling) from the kind of the row's company; the count says how
    # many of them have passed, each one being acted on once.
    reminder_times = fields.Json(
        "Reminder times", readonly=True, copy=False, help="UTC, in order; null before the start."
    )
    reminder_count = fields.Integer(
        "Reminders passed",
        readonly=True,
        default=0,
        copy=False,
        help="Reminder times already passed: sent, or counted when the cron ran late.",
    )
    date_next_reminder = fields.Datetime("Next reminder", compute="_compute_date_next_reminder")

    _sql_constraints = [
        ("due_after_start", "CHECK(due >= start)", "A deadline cannot be due before it starts."),
    ]

    @api.constrains("res_model")
    def _check_res_model(self):
        for deadline in self:
            if deadline.res_model not in self.env:
                raise ValidationError(
                    self.env._("Unknown document model “%(model)s”.", model=deadline.res_model)
                )

    def init(self):
        # Never two open rows for the same record and kind, even from two workers.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS qms_deadline_open_uniq
                ON qms_deadline (kind_id, res_model, res_id) WHERE state = 'open'
            """
        )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for model, deadlines in self.grouped("res_model").items():
            records = (
                self.env[model].browse(deadlines.mapped("res_id")).exists()
                if model in self.env
                else ()
            )
            names = {record.id: record.display_name for record in records}
            for deadline in deadlines:
                deadline.res_name = names.get(deadline.res_id, "")

    @api.depends("state", "reminder_times", "reminder_count", "alert_level")
    def _compute_date_next_reminder(self):
        for deadline in self:
            times = deadline._reminder_datetimes()
            upcoming = times[deadline.reminder_count :] if deadline.state == "open" else []
            deadline.date_next_reminder = (
                upcoming[0] if upcoming and deadline.alert_level == "none" else False
            )

    @api.depends("state", "on_time")
    def _compute_on_time_rate(self):
        for deadline in self:
            deadline.on_time_rate = 100.0 if deadline.on_time else 0.0

    @api.depends("state", "due")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for deadline in self:
            deadline.is_overdue = deadline.state == "open" and deadline.due < now

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on overdue deadlines."))
        overdue = [("state", "=", "open"), ("due", "<", fields.Datetime.now())]
        return overdue if (operator == "=") == value else ["!", "&", *overdue]

    # ------------------------------------------------------------------
    # Opening and closing
    # ------------------------------------------------------------------
    @api.model
    def _open_for(self, records, code, start=None, due=None, owner=None, optional=False):
        """Open deadline ``code`` for each record; an open one is kept as is.

        ``due`` replaces the computed due date (e.g. a date the customer set).
        ``optional``: a kind the company archived (a target it does not set)
        opens nothing. Each record's numbers are those of its company.
        Returns the open deadlines, new and existing.
        """
        if optional and not self.env["qms.deadline.kind"].search_count(
            [("model", "=", records._name), ("code", "=", code)], limit=1
        ):
            return self.browse()
        kind = self.env["qms.deadline.kind"]._get_kind(records._name, code)
        start = start or fields.Datetime.now()
        existing = self.search(
            [
                ("kind_id", "=", kind.id),
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("state", "=", "open"),
            ]
        )
        already = set(existing.mapped("res_id"))
        vals_list = []
        plans = {}  # rows of one company opened together share their dates
        for record in records.filtered(lambda r: r.id not in already):
            company = self._record_company(record)
            company_kind = kind.with_company(company)
            if company not in plans:
                plans[company] = self._plan_row(company_kind, company, start, due, record)
            record_due, escalate_at, (times, count, next_check) = plans[company]
            vals_list.append(
                {
                    "kind_id": kind.id,
                    "res_model": records._name,
                    "res_id": record.id,
                    "company_id": company.id,
                    "owner_id": (owner or self._record_owner(record, company_kind)).id,
                    "start": start,
                    "due": record_due,
                    "escalate_at": escalate_at,
                    "reminder_times": times,
                    "reminder_count": count,
                    "next_check": next_check,
                }
            )
        created = self.sudo()._qms_workflow_create(vals_list)
        return existing | self.browse(created.ids)

    @api.model
    def _qms_workflow_create(self, vals_list):
        return self.with_context(**{WORKFLOW_KEY: WORKFLOW_TOKEN}).create(vals_list)

    @api.model
    def _plan_row(self, kind, company, start, due, record):
        """(due, escalation, reminder plan) of a row opened at ``start``."""
        calendar = company._qms_calendar()
        due = due or kind._due_from(calendar, start)
        if due < start:
            raise ValidationError(
                self.env._(
                    "%(record)s: the due date of “%(kind)s” is before its start.",
                    record=record.display_name,
                    kind=kind.name,
                )
            )
        return (
            due,
            kind._escalation_from(calendar, due),
            self._reminder_schedule(kind, calendar, start, due),
        )

    @api.model
    def _reminder_schedule(self, kind, calendar, start, due, count=0):
        """(stored times, reminders passed, next check) for a row due at ``due``.

        Reminders falling before the start count as passed; so do the ones
        ``count`` says were acted on already (an offset fires once per row).
        """
        moments = kind._compute_reminder_times(calendar, start, due)
        skipped = sum(1 for moment in moments if moment is None)
        count = min(max(count, skipped), len(moments))
        times = [fields.Datetime.to_string(moment) if moment else None for moment in moments]
        next_check = moments[count] if count < len(moments) else due
        return times or False, count, next_check

    def _reminder_datetimes(self):
        self.ensure_one()
        return [fields.Datetime.to_datetime(time) for time in (self.reminder_times or [])]

    def _kind(self):
        """The row's kind, read with the values of the row's company."""
        self.ensure_one()
        return self.kind_id.with_company(self.company_id)

    def _standard_due(self):
        """The due date the kind gives this row: start plus the company's duration."""
        self.ensure_one()
        return self._kind()._due_from(self.company_id._qms_calendar(), self.start)

    # Any model with activities can carry deadlines; the mixin's hooks refine these.
    @api.model
    def _record_company(self, record):
        if hasattr(record, "_qms_deadline_company"):
            return record._qms_deadline_company()
        return self._default_company(record)

    @api.model
    def _record_owner(self, record, kind):
        if hasattr(record, "_qms_deadline_owner"):
            return record._qms_deadline_owner(kind)
        return self._default_owner(record)

    @api.model
    def _default_company(self, record):
        company = record["company_id"] if "company_id" in record._fields else None
        return company or self.env.company

    @api.model
    def _default_owner(self, record):
        return record["user_id"] if "user_id" in record._fields else self.env.user

    def _close(self, done=None, state="done"):
        """Close open deadlines: store when, whether on time, and the time taken."""
        done = done or fields.Datetime.now()
        for deadline in self.filtered(lambda d: d.state == "open"):
            calendar = deadline.company_id._qms_calendar()
            deadline._qms_workflow_write(
                {
                    "state": state,
                    "date_done": done,
                    "next_check": False,
                    "on_time": state == "done" and done <= deadline.due,
                    "hours_taken": (done - deadline.start).total_seconds() / 3600,
                    "working_hours_taken": calendar._qms_working_time_between(
                        deadline.start, done
                    ).total_seconds()
                    / 3600,
                }
            )
        # The reminders are moot once the step is finished.
        self.activity_ids.sudo().unlink()

    def _reschedule(self, due):
        """Move the due date of open deadlines (e.g. the customer set a date).

        The escalation and the reminders follow the new date; reminders
        already acted on are not repeated.
        """
        for deadline in self.filtered(lambda d: d.state == "open"):
            calendar = deadline.company_id._qms_calendar()
            kind = deadline._kind()
            times, count, next_check = self._reminder_schedule(
                kind, calendar, deadline.start, due, count=deadline.reminder_count
            )
            deadline._qms_workflow_write(
                {
                    "due": due,
                    "escalate_at": kind._escalation_from(calendar, due),
                    "reminder_times": times,
                    "reminder_count": count,
                    "next_check": next_check,
                    "alert_level": "none",
                }
            )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_process_due(self):
        self._process_due(commit=True)

    @api.model
    def _process_due(self, now=None, batch_size=None, commit=False):
        """Act on every row whose ``next_check`` has passed, batch by batch.

        Each batch is found and locked by one query on the partial index;
        rows another worker holds are skipped (SKIP LOCKED), and each row is
        moved past its threshold (reminder, due, escalation) in the same
        transaction that locked it, so no row is acted on twice. Returns the
        number of rows processed.
        """
        now = now or fields.Datetime.now()
        batch_size = batch_size or self._batch_size()
        cron = self.env["ir.cron"]
        remaining = self._count_due(now) if commit else 0
        processed = 0
        retries = 3
        while True:
            ids = self._lock_due(now, batch_size)
            if ids is None and commit and retries:
                # Our snapshot is older than another worker's commit: start a
                # fresh transaction (ours holds nothing uncommitted) and look again.
                retries -= 1
                self.env.cr.rollback()
                continue
            if not ids:
                break
            self.browse(ids)._advance(now)
            processed += len(ids)
            if commit:
                remaining = max(remaining - len(ids), 0)
                cron._notify_progress(done=processed, remaining=remaining)
                # Each batch is committed with the locks it took: a crash
                # later keeps the work done so far, and frees the rows.
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return processed

    @api.model
    def _batch_size(self):
        """Rows per committed batch: the system parameter, 1000 when it is not a
        positive whole number (a typing error must not stop the cron)."""
        value = self.env["ir.config_parameter"].sudo().get_param("qms_base.deadline_batch_size")
        try:
            size = int(value or DEFAULT_BATCH_SIZE)
        except ValueError:
            size = 0
        if size <= 0:
            _logger.warning("qms_base.deadline_batch_size %r is not a positive number", value)
            return DEFAULT_BATCH_SIZE
        return size

    def _lock_due(self, now, limit):
        """Ids of due rows, locked for this transaction; [] when none is left,
        None when a concurrent worker changed them after our snapshot began."""
        self.flush_model(["next_check"])
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    """
                    SELECT id FROM qms_deadline
                     WHERE next_check <= %s
                     ORDER BY next_check
                     LIMIT %s
                       FOR UPDATE SKIP LOCKED
                    """,
                    [now, limit],
                )
                return [row[0] for row in self.env.cr.fetchall()]
        except SerializationFailure:
            # Another worker changed these rows after our snapshot began:
            # they are its work, never ours to redo.
            _logger.info("qms.deadline: rows taken by a concurrent worker")
            return None

    def _count_due(self, now):
        self.flush_model(["next_check"])
        self.env.cr.execute("SELECT count(*) FROM qms_deadline WHERE next_check <= %s", [now])
        return self.env.cr.fetchone()[0]

    def _advance(self, now):
        """Move locked rows to their next threshold and act on the one reached.

        Open rows of a document that is gone are cancelled first; the others
        reach, in this order, their reminders, the due date (the owner's
        activity) and the escalation. A cron that ran late acts on the last
        threshold passed only: one reminder for all the offsets passed, both
        the owner's alert and the escalation when the escalation is passed.
        """
        rows, orphans = self._split_orphans()
        orphans._cancel_orphans(now)
        reached = defaultdict(self.browse)
        updates = []
        for deadline in rows:
            if deadline.state != "open":
                reached["closed"] |= deadline
                continue
            times = deadline._reminder_datetimes()
            if deadline.escalate_at and deadline.escalate_at <= now:
                level, next_check, count = "escalated", None, len(times)
                if deadline.alert_level != "escalated":
                    reached["escalated"] |= deadline
                    if deadline.alert_level == "none":
                        reached["owner_alert"] |= deadline
            elif deadline.due <= now:
                level, next_check, count = "owner", deadline.escalate_at or None, len(times)
                if deadline.alert_level == "none":
                    reached["owner"] |= deadline
                    reached["owner_alert"] |= deadline
            else:
                level = deadline.alert_level
                count = max(
                    deadline.reminder_count, sum(1 for time in times if not time or time <= now)
                )
                next_check = times[count] if count < len(times) else deadline.due
                if count > deadline.reminder_count and level == "none":
                    reached["remind"] |= deadline
            updates.append((deadline.id, level, next_check, count))
        reached["owner_alert"]._notify_owners()
        reached["escalated"]._escalate()
        self._write_levels(updates, reached["closed"])
        reached["remind"]._remind()
        for level in ("owner", "escalated"):
            reached[level]._call_record_hooks(level)

    def _split_orphans(self):
        """(rows to process, open rows whose document is gone), reading the
        documents' names in one query per model on the way: activities and
        messages name their document one by one otherwise."""
        orphans = self.browse()
        for model, deadlines in self.grouped("res_model").items():
            if model not in self.env:
                orphans |= deadlines.filtered(lambda d: d.state == "open")
                continue
            records = self.env[model].browse(deadlines.mapped("res_id")).exists()
            records.mapped("display_name")
            orphans |= deadlines.filtered(
                lambda d, alive=set(records.ids): d.state == "open" and d.res_id not in alive
            )
        return self - orphans, orphans

    def _cancel_orphans(self, now):
        """A deadline outliving its document is cancelled, never acted on."""
        if not self:
            return
        _logger.warning(
            "qms.deadline: cancelling %s deadline(s) whose document is gone: %s",
            len(self),
            ", ".join(f"{d.id} ({d.res_model},{d.res_id})" for d in self),
        )
        self._close(done=now, state="cancelled")

    def _write_levels(self, updates, closed):
        """One UPDATE for the rows processed: level, next check, reminders."""
        cr = self.env.cr
        if updates:
            values = SQL(", ").join(
                SQL("(%s, %s, %s::timestamp, %s)", row_id, level, next_check, count)
                for row_id, level, next_check, count in updates
            )
            cr.execute(
                SQL(
                    """UPDATE qms_deadline AS d
                          SET alert_level = v.level, next_check = v.next_check,
                              reminder_count = v.count,
                              write_date = now() at time zone 'UTC', write_uid = %s
                         FROM (VALUES %s) AS v(id, level, next_check, count)
                        WHERE d.id = v.id""",
                    self.env.uid,
                    values,
                )
            )
        if closed:
            cr.execute(
                "UPDATE qms_deadline SET next_check = NULL WHERE id IN %s", [tuple(closed.ids)]
            )
        self.invalidate_recordset(
            ["alert_level", "next_check", "reminder_count", "write_date", "write_uid"]
        )

    def _activity_vals(self, deadline, user, summary):
        return {
            "res_model_id": self.env["ir.model"]._get_id(deadline.res_model),
            "res_id": deadline.res_id,
            "user_id": user.id,
            "activity_type_id": deadline.kind_id.activity_type_id.id,
            "summary": summary,
            "date_deadline": fields.Date.context_today(
                deadline.with_context(tz=user.tz or deadline.owner_id.tz), deadline.due
            ),
            "qms_deadline_id": deadline.id,
        }

    def _notify_owners(self):
        self._create_activities(
            [
                self._activity_vals(
                    deadline,
                    deadline.owner_id,
                    self.env._("Overdue: %(kind)s", kind=deadline.kind_id.name),
                )
                for deadline in self
                if deadline.owner_id
            ]
        )

    def _remind(self):
        """A reminder time passed: each document's hook, or the default."""
        for model, deadlines in self.grouped("res_model").items():
            # the documents exist: rows of vanished ones were cancelled first
            records = self.env[model].browse(deadlines.mapped("res_id"))
            if hasattr(records, "_qms_deadline_remind"):
                self._call_hook(records, "_qms_deadline_remind", deadlines)
            else:
                deadlines._remind_owners()

    def _remind_owners(self):
        """The default reminder: a "Due soon" activity for the owner, due on
        the due date; it replaces the owner's earlier reminder of the row."""
        self.activity_ids.filtered(
            lambda a: a.user_id == a.qms_deadline_id.owner_id
        ).sudo().unlink()
        self._create_activities(
            [
                self._activity_vals(
                    deadline,
                    deadline.owner_id,
                    self.env._("Due soon: %(kind)s", kind=deadline.kind_id.name),
                )
                for deadline in self
                if deadline.owner_id
            ]
        )

    def _escalate(self):
        vals_list = []
        log_per_model = defaultdict(dict)
        digest = defaultdict(self.browse)
        for deadline in self:
            targets = deadline._escalation_users()
            summary = self.env._(
                "Escalated: %(kind)s overdue (owner: %(owner)s)",
                kind=deadline.kind_id.name,
                owner=deadline.owner_id.name or self.env._("none"),
            )
            vals_list += [self._activity_vals(deadline, user, summary) for user in targets]
            for user in targets:
                digest[user] |= deadline
            log_per_model[deadline.res_model][deadline.res_id] = self.env._(
                "%(kind)s is overdue since %(due)s: escalated to %(users)s.",
                kind=deadline.kind_id.name,
                due=fields.Datetime.to_string(deadline.due),
                users=", ".join(targets.mapped("name")) or self.env._("nobody (no target found)"),
            )
        self._create_activities(vals_list)
        for model, bodies in log_per_model.items():
            records = self.env[model].browse(list(bodies)).exists()
            if records and hasattr(records, "_message_log_batch"):
                records.sudo()._message_log_batch(bodies={rid: bodies[rid] for rid in records.ids})
        self._send_escalation_digests(digest)

    def _create_activities(self, vals_list):
        # One activity per row is the notice (systray, "My activities"); no
        # e-mail per row: escalations get one digest per person instead.
        # (activity_schedule() cannot link each activity to its own row: one
        # create for the batch keeps the cron's queries flat.)
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    def _send_escalation_digests(self, digest):
        """One e-mail per escalation target and batch, listing its late items,
        rendered from a QWeb template in the target's language."""
        mails = []
        render = self.env["mail.render.mixin"].sudo()
        for user, deadlines in digest.items():
            if not user.email:
                continue
            lang = user.lang or self.env.lang
            localized = render.with_context(lang=lang)
            body = localized._render_template(
                "qms_base.qms_deadline_escalation_digest",
                "res.users",
                user.ids,
                engine="qweb_view",
                add_context={"deadlines": deadlines.with_context(lang=lang), "recipient": user},
                options={"post_process": True},
            )[user.id]
            mails.append(
                {
                    "subject": localized.env._(
                        "Quality: %(count)s overdue item(s) escalated to you", count=len(deadlines)
                    ),
                    "body_html": body,
                    "email_to": user.email_formatted,
                    "recipient_ids": [],
                    "auto_delete": True,
                }
            )
        if mails:
            self.env["mail.mail"].sudo().create(mails)

    def _escalation_users(self):
        """Who hears of this deadline at the second threshold (the kind as the
        row's company sets it); the QMS managers when no one else is found."""
        self.ensure_one()
        kind = self._kind()
        users = self.env["res.users"]
        if kind.escalation_target == "none":
            return users
        if kind.escalation_target == "manager":
            employee = (
                self.owner_id.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
                or self.owner_id.employee_ids[:1]
            )
            users = employee.parent_id.user_id
        elif kind.escalation_target == "user":
            users = kind.escalation_user_id
        elif kind.escalation_target == "group":
            users = kind.escalation_group_id.users.filtered(lambda u: u.active and not u.share)
        if not users:
            users = kind.escalation_user_id or self.company_id.qms_escalation_user_id
        if not users:
            managers = self.env.ref("qms_base.group_qms_manager").sudo().users
            users = managers.filtered(
                lambda u: u.active and not u.share and self.company_id in u.company_ids
            )
            users = users - self.owner_id or users
        return users

    def _call_record_hooks(self, level):
        for model, deadlines in self.grouped("res_model").items():
            records = self.env[model].browse(deadlines.mapped("res_id")).exists()
            if records and hasattr(records, "_qms_deadline_reached"):
                self._call_hook(records, "_qms_deadline_reached", deadlines, level)

    def _call_hook(self, records, method, *args):
        """A document's hook, in a savepoint: one failing document model is
        logged and does not stop the batch (the rows have moved on already)."""
        if not records:
            return
        try:
            with self.env.cr.savepoint():
                getattr(records, method)(*args)
        except Exception:
            _logger.exception(
                "qms.deadline: %s.%s failed for %s", records._name, method, records.ids
            )
