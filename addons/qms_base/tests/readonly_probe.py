"""Fields the form shows read-only must not be writable over XML-RPC (a
reusable test engine, not a test module itself).

For every QMS model of an addon that has a form view, on records in every
state the addon's actions reach (the RPC fixtures of ``tests/rpc_factories.py``,
each before and after its action, and the demo data), the engine:

1. reads the form as the web client gets it (``get_views``) and evaluates
   each field's ``readonly`` (an 18.0 Python expression, or the field's own
   ``readonly=True``) against the record's values, as the web client does;
2. writes another valid value into each field read-only for that record over
   a real XML-RPC socket, as a QMS user (admin);
3. expects a clear refusal (``UserError``/``ValidationError``/``AccessError``,
   i.e. an XML-RPC fault of code 2, 3 or 4), unless the field is in the
   test's ``readonly_allowed`` (a field the form makes read-only only for
   convenience, with the reason).

Each write runs in a savepoint that is rolled back: the next one sees the
record as it was.
"""

import logging
import xmlrpc.client
from datetime import date, datetime, timedelta

from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .portal_probe import addon_models
from .rpc_actions import FACTORIES, load_factories, prepare_call

_logger = logging.getLogger(__name__)

# Faults of a clear refusal: warning (UserError, ValidationError), access denied, access error.
CLEAR_FAULTS = (2, 3, 4)
# Fields no form edits and the ORM manages.
IGNORED = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date"}


def form_models(env, addon):
    """The QMS models ``addon`` defines or whose form it extends, with a form."""
    names = set(addon_models(env, addon))
    views = env["ir.ui.view"].search([("type", "=", "form"), ("model", "=like", "qms.%")])
    xmlids = views._get_external_ids()
    for view in views:
        if any(xmlid.startswith(f"{addon}.") for xmlid in xmlids.get(view.id, ())):
            names.add(view.model)
    return sorted(
        name
        for name in names
        if name in env.registry
        and env["ir.ui.view"].search_count([("model", "=", name), ("type", "=", "form")])
    )


def form_readonly(model):
    """``{field: expression}`` of the form's top-level fields (not those of an
    embedded list): the view's ``readonly`` or, without one, the field's own."""
    arch = model.get_views([(False, "form")])["views"]["form"]["arch"]
    root = etree.fromstring(arch)
    found = {}
    for node in root.iter("field"):
        if any(parent.tag == "field" for parent in node.iterancestors()):
            continue
        name = node.get("name")
        field = model._fields.get(name)
        if field is None or name in IGNORED:
            continue
        expression = node.get("readonly")
        if expression is None:
            expression = "True" if field.readonly else "False"
        if expression in ("0", "False", "false"):
            continue
        # a field shown twice is read-only only where every occurrence is
        found[name] = f"({found[name]}) and ({expression})" if name in found else expression
    for node in root.iter("field"):
        name = node.get("name")
        if name in found and node.get("readonly") in ("0", "False", "false"):
            if not any(parent.tag == "field" for parent in node.iterancestors()):
                del found[name]
    return found


def eval_values(record):
    """The values the web client evaluates ``readonly`` with."""
    values = {"context": dict(record.env.context), "uid": record.env.uid, "id": record.id}
    for name, field in record._fields.items():
        value = record[name]
        if field.type == "many2one":
            value = value.id
        elif field.type in ("one2many", "many2many"):
            value = value.ids
        values[name] = value
    values["parent"] = {}
    return values


def writable(field):
    """A field a write can change (stored, not a plain compute, not related)."""
    if field.related or field.type in ("one2many", "binary", "properties", "json"):
        return False
    if field.compute and (not field.store or (field.readonly and not field.inverse)):
        return bool(field.inverse)
    return field.store


def other_value(record, name):  # noqa: PLR0911 (one answer per type)
    """Another valid value for ``record.name`` (None when there is none)."""
    field = record._fields[name]
    value = record[name]
    kind = field.type
    if kind in ("char", "text", "html"):
        return f"{value or ''} (probe)" if kind != "html" else "<p>probe</p>"
    if kind == "integer":
        return (value or 0) + 1
    if kind in ("float", "monetary"):
        return (value or 0.0) + 1.0
    if kind == "boolean":
        return not value
    if kind == "date":
        return str((value or date.today()) + timedelta(days=1))
    if kind == "datetime":
        return str(((value or datetime.now()) + timedelta(days=1)).replace(microsecond=0))
    if kind == "selection":
        options = [key for key, _label in field._description_selection(record.env)]
        others = [key for key in options if key != value]
        return others[0] if others else None
    if kind == "many2one":
        comodel = record.env[field.comodel_name].sudo()
        domain = [("id", "!=", value.id)]
        if "company_id" in comodel._fields and record._fields.get("company_id"):
            domain += [("company_id", "in", [record.company_id.id, False])]
        other = comodel.search(domain, limit=1)
        return other.id or None
    if kind == "many2many":
        comodel = record.env[field.comodel_name].sudo()
        other = comodel.search([("id", "not in", value.ids)], limit=1)
        return [(4, other.id)] if other else None
    return None


def constant(expression):
    """Whether a ``readonly`` is the same for every record (``1``, ``True``...):
    a field only the record's actions write (qms.workflow.mixin's business)."""
    parts = expression.replace("(", " ").replace(")", " ").replace(" and ", " ").split()
    return bool(parts) and all(part in ("1", "True", "true") for part in parts)


class ReadonlyProbe:
    """Mix into an ``HttpCase``; set ``readonly_addon``; call :meth:`run_readonly_probe`."""

    readonly_addon = None
    # {(model, field): reason}: read-only in the form for convenience only.
    readonly_allowed = {}
    # Records per (model, state) to try.
    readonly_per_state = 2

    def _readonly_records(self, models):
        load_factories(self.env)
        made = self.env["res.partner"].browse()
        records = {name: self.env[name].browse() for name in models}
        for (model, method), _make in sorted(FACTORIES.items(), key=lambda item: str(item[0])):
            if model not in records or not method:
                continue
            try:
                with self.env.cr.savepoint():
                    ids, args, kwargs = prepare_call(self, model, method)
            except Exception as error:
                _logger.info("readonly probe: fixture %s.%s skipped: %r", model, method, error)
                continue
            records[model] |= self.env[model].browse(ids)
            try:
                with self.env.cr.savepoint():
                    getattr(self.env[model].browse(ids), method)(*args, **kwargs)
            except Exception as error:
                _logger.info("readonly probe: %s.%s left as is: %r", model, method, error)
        del made
        picked = {}
        for name, found in records.items():
            Model = self.env[name].with_context(active_test=False)
            candidates = found.exists() | Model.search([], order="id desc", limit=200)
            seen = {}
            picked[name] = Model.browse()
            for record in candidates:
                state = record["state"] if "state" in record._fields else None
                if seen.get(state, 0) < self.readonly_per_state:
                    seen[state] = seen.get(state, 0) + 1
                    picked[name] |= record
        self.env.flush_all()
        return picked

    def run_readonly_probe(self):
        models = form_models(self.env, self.readonly_addon)
        self.assertTrue(models, f"{self.readonly_addon}: no QMS form")
        records = self._readonly_records(models)
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "admin", "admin", {})
        accepted, frozen, internal, tries = [], [], [], 0
        for name in models:
            readonly = form_readonly(self.env[name])
            for record in records[name]:
                values = eval_values(record)
                state = record["state"] if "state" in record._fields else "-"
                for field_name, expression in readonly.items():
                    field = record._fields[field_name]
                    if (name, field_name) in self.readonly_allowed or not writable(field):
                        continue
                    try:
                        if not safe_eval(expression, dict(values)):
                            continue
                    except Exception as error:
                        _logger.info(
                            "readonly probe: %s.%s: %s: %r", name, field_name, expression, error
                        )
                        continue
                    value = other_value(record, field_name)
                    if value is None:
                        continue
                    tries += 1
                    self.env.flush_all()
                    where = f"{name}({record.id}, {state}).{field_name} = {value!r}"
                    with self.env.cr.savepoint(flush=False) as savepoint:
                        try:
                            self.xmlrpc_object.execute_kw(
                                db, uid, "admin", name, "write", [record.ids, {field_name: value}]
                            )
                        except xmlrpc.client.Fault as fault:
                            if fault.faultCode not in CLEAR_FAULTS:
                                last = str(fault.faultString).strip().splitlines()[-1:]
                                internal.append(f"{where}: {last}")
                        else:
                            (accepted if constant(expression) else frozen).append(
                                f"{where} (read-only when {expression})"
                            )
                        savepoint.rollback()
                    self.env.invalidate_all()
        _logger.info(
            "readonly probe %s: %s writes tried; accepted: %s read-only in the record's state, "
            "%s always read-only (workflow fields)",
            self.readonly_addon,
            tries,
            len(frozen),
            len(accepted),
        )
        self.assertFalse(
            frozen + accepted + internal,
            f"{len(frozen)} field(s) read-only in the record's state and {len(accepted)} "
            f"always read-only (workflow fields) written over XML-RPC, "
            f"{len(internal)} internal error(s):\n" + "\n".join(frozen + accepted + internal),
        )
        self.assertGreater(tries, 0)
        return tries
