"""A hostile portal customer, probing one QMS addon (a reusable test engine).

Not a test module itself: a test of an addon mixes :class:`PortalProbe` into an
``HttpCase`` and names its addon::

    from odoo.addons.qms_base.tests.portal_probe import PortalProbe

    @tagged("post_install", "-at_install")
    class TestSamplePortalProbe(PortalProbe, HttpCase):
        probe_addon = "qms_sample"

        def test_portal_probe(self):
            self.run_portal_probe()

Everything is discovered, nothing is listed by hand:

- the models: every ``qms.*`` model the addon defines (registry);
- the routes: every ``/my/...`` route of the addon's controllers, and the model
  of each ``<int:…>`` route from its ``_qms_portal_document("model", …)`` call;
- the records: the demo data plus, for every action of the addon's models, the
  record its XML-RPC fixture (``tests/rpc_factories.py``) prepares, before and
  after the action ran (so every state the actions reach);
- the customers: the owners (see :func:`owners`) of those records, the ones
  holding the most different states first; each gets a portal user.

Each portal user then reads every field of every model over the ORM's RPC
entry points (``read``, ``search_read``, ``read_group``, ``name_search``,
``web_search_read``; a part of them over a real XML-RPC socket) and opens every
route on its own records and on the others'. A leak is: a record of another
customer, a record nobody owns (unless the model is shared configuration that
lists ``_qms_portal_fields``), a field outside ``_qms_portal_fields`` readable on
its own records, a record readable over RPC that its page does not show, a page
that answers for another customer's record, or an internal text of its own
record printed on its page.
"""

import importlib
import inspect
import logging
import pkgutil
import re
import xmlrpc.client

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from odoo.addons.qms_base.models.qms_portal_fields_mixin import (
    PORTAL_BASE_FIELDS,
    PORTAL_MAIL_FIELDS,
)

from .rpc_actions import FACTORIES, load_factories, prepare_call

_logger = logging.getLogger(__name__)

# Links that tell whose a record is, in the order they are tried.
OWNER_FIELDS = ("commercial_partner_id", "partner_id")
# Links to a parent document whose owner the record shares (tried before any
# other link to a QMS model).
PARENT_FIELDS = (
    "complaint_id",
    "invitation_id",
    "campaign_id",
    "count_id",
    "contract_id",
    "request_id",
    "sample_id",
    "property_id",
)
ALWAYS_READABLE = PORTAL_BASE_FIELDS | PORTAL_MAIL_FIELDS
DOCUMENT_CALL = re.compile(r"_qms_portal_document\(\s*['\"]([\w.]+)['\"]")
CSRF = re.compile(r"csrf_token\s*:\s*\"([^\"]+)\"")
# An internal text shorter than this is not looked for on a page (too common).
MIN_TEXT = 12


def owners(record):
    """The customers a QMS record belongs to; None for shared configuration."""
    for name in OWNER_FIELDS:
        field = record._fields.get(name)
        if field is not None and field.type == "many2one" and field.comodel_name == "res.partner":
            return record[name].commercial_partner_id
    links = [name for name in PARENT_FIELDS if name in record._fields] + [
        name
        for name, field in record._fields.items()
        if field.type == "many2one"
        and field.comodel_name.startswith("qms.")
        and field.required
        and name not in PARENT_FIELDS
    ]
    for name in links:
        field = record._fields[name]
        if field.type == "many2one" and field.comodel_name.startswith("qms.") and record[name]:
            return owners(record[name])
    if "invitation_ids" in record._fields:
        return record.invitation_ids.filtered(lambda i: i.state != "draft").partner_id
    return None


def addon_models(env, addon):
    """The concrete ``qms.*`` models ``addon`` defines."""
    return [
        name
        for name in sorted(env.registry)
        if name.startswith("qms.")
        and not env[name]._abstract
        and not env[name]._transient
        and env[name]._original_module == addon
    ]


def addon_routes(addon):
    """``[(url, methods, function)]``: every ``/my/...`` route of ``addon``."""
    try:
        package = importlib.import_module(f"odoo.addons.{addon}.controllers")
    except ModuleNotFoundError:
        return []
    modules = [package] + [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]
    found = []
    for module in modules:
        for klass in vars(module).values():
            if not inspect.isclass(klass) or klass.__module__ != module.__name__:
                continue
            for function in vars(klass).values():
                routing = getattr(function, "original_routing", None)
                if not routing:
                    continue
                for url in routing.get("routes") or ():
                    if url.startswith("/my"):
                        found.append((url, tuple(routing.get("methods") or ("GET",)), function))
    return found


def refused(call, errors=(AccessError,)):
    """Whether ``call()`` is refused with one of ``errors``."""
    try:
        call()
    except errors:
        return True
    return False


def portal_fields(model):
    return set(getattr(model, "_qms_portal_fields", ())) | ALWAYS_READABLE


def probe_model(env, name, customer):  # noqa: PLR0912, PLR0915 (one probe per entry point)
    """``(leaks, probes)`` of the portal user of ``env`` (a contact of
    ``customer``) on model ``name``, over the ORM's RPC entry points."""
    leaks, probes = [], 0
    sudo = env[name].sudo().with_context(active_test=False)
    everything = sudo.search([])
    Model = env[name].with_context(active_test=False)
    try:
        visible = Model.search([])
    except AccessError:
        visible = Model.browse()
    probes += 1
    allowed = portal_fields(sudo)
    shared = bool(getattr(sudo, "_qms_portal_fields", ()))
    for record in visible.sudo():
        whose = owners(record)
        if whose is None and not shared:
            leaks.append(f"{name}({record.id}): readable and no one's")
        elif whose is not None and customer not in whose:
            leaks.append(f"{name}({record.id}): of {whose.mapped('name')}")
        if record._fields.get("feedback_type") and record.feedback_type == "internal":
            leaks.append(f"{name}({record.id}): an internal record")
    spec = [f for f in getattr(sudo, "_qms_portal_fields", ()) if f in sudo._fields]
    if visible:
        probes += 1
        leaked = sorted(set(visible.read()[0]) - allowed)
        leaks += [f"{name}.{field} (read of all fields, own record)" for field in leaked]
        for method, rows in (
            ("search_read", lambda: Model.search_read([], [])),
            (
                "web_search_read",
                lambda: Model.web_search_read([], {f: {} for f in spec})["records"],
            ),
        ):
            probes += 1
            for row in rows():
                if row["id"] not in visible.ids:
                    leaks.append(f"{name}({row['id']}) through {method}")
                leaks += [f"{name}.{f} through {method}" for f in sorted(set(row) - allowed)]
    probes += 1
    try:
        ids = [row[0] for row in Model.name_search("", limit=1000)]
    except AccessError:
        ids = []
    leaks += [f"{name}({rid}) through name_search" for rid in set(ids) - set(visible.ids)]
    others = (everything - visible.sudo())[:10]
    for field_name, field in sudo._fields.items():
        if others:
            probes += 1
            try:
                rows = Model.browse(others.ids).read([field_name])
            except AccessError:
                rows = []
            if rows:
                leaks.append(f"{name}.{field_name} of others")
        if field_name in allowed:
            continue
        if visible:
            probes += 1
            if not refused(lambda f=field_name: visible.read([f])):
                leaks.append(f"{name}.{field_name} refused nowhere")
        if field.store and field.type not in ("many2many", "one2many", "binary", "html", "text"):
            probes += 1
            grouped = not refused(
                lambda f=field_name: Model.read_group([], ["__count"], [f]),
                (AccessError, UserError, ValueError),
            )
            if grouped and visible:
                leaks.append(f"{name}.{field_name} grouped through read_group")
    return leaks, probes


class PortalProbe:
    """Mix into an ``HttpCase``; set ``probe_addon``; call :meth:`run_portal_probe`."""

    probe_addon = None
    # How many customers get a portal user and probe (the most varied first).
    probe_customers = 6
    # Least probes expected in all (a probe that probes nothing proves nothing).
    probe_minimum = 100

    # ------------------------------------------------------------------
    # Scenario
    # ------------------------------------------------------------------
    def _probe_scenario(self):
        """Records of several customers in every state the actions reach: the
        addon's RPC fixtures, each before and after its action. Extend it with
        the records the fixtures do not make (internal ones...)."""
        load_factories(self.env)
        models = set(addon_models(self.env, self.probe_addon))
        made = 0
        for (model, method), _make in sorted(FACTORIES.items(), key=lambda item: str(item[0])):
            if model not in models or not method:
                continue
            try:
                with self.env.cr.savepoint():
                    ids, args, kwargs = prepare_call(self, model, method)
                made += 1
            except Exception as error:
                _logger.info("portal probe: fixture %s.%s skipped: %r", model, method, error)
                continue
            try:
                with self.env.cr.savepoint():
                    getattr(self.env[model].browse(ids), method)(*args, **kwargs)
            except Exception as error:
                _logger.info("portal probe: %s.%s left as is: %r", model, method, error)
        self.env.flush_all()
        return made

    def _probe_owners(self, models):
        """The customers to impersonate, the ones with the most states first."""
        states = {}
        for name in models:
            Model = self.env[name].sudo().with_context(active_test=False)
            if "partner_id" not in Model._fields or not Model.has_access("read"):
                continue
            for record in Model.search([], order="id desc", limit=2000):
                whose = owners(record)
                if not whose or len(whose) != 1:
                    continue
                states.setdefault(whose, set()).add(
                    (name, record["state"] if "state" in record else None)
                )
        # greedy cover: each next customer adds the most (model, state) not yet held
        ranked, covered = [], set()
        while states and len(ranked) < self.probe_customers:
            best = max(states, key=lambda p: (len(states[p] - covered), -p.id))
            if not states[best] - covered:
                break
            ranked.append(best)
            covered |= states.pop(best)
        return ranked

    def _probe_user(self, customer, index):
        login = f"probe_{self.probe_addon}_{index}"
        contact = self.env["res.partner"].create(
            {
                "name": f"Probe contact {index}",
                "parent_id": customer.id,
                "email": f"{login}@example.com",
            }
        )
        return new_test_user(
            self.env, login=login, groups="base.group_portal", partner_id=contact.id
        )

    # ------------------------------------------------------------------
    # The probe
    # ------------------------------------------------------------------
    def run_portal_probe(self):
        self._probe_scenario()
        models = addon_models(self.env, self.probe_addon)
        routes = addon_routes(self.probe_addon)
        customers = self._probe_owners(models)
        self.assertTrue(models, f"{self.probe_addon} defines no QMS model")
        leaks, probes = [], 0
        for index, customer in enumerate(
            customers
            or [self.env["res.partner"].create({"name": "Probe Nobody", "is_company": True})]
        ):
            user = self._probe_user(customer, index)
            env = self.env(user=user, su=False)
            for name in models:
                model_leaks, model_probes = probe_model(env, name, customer)
                leaks += [f"[{customer.name}] {leak}" for leak in model_leaks]
                probes += model_probes
            xml_leaks, xml_probes = self._probe_xmlrpc(user, customer, models)
            leaks += [f"[{customer.name}] {leak}" for leak in xml_leaks]
            probes += xml_probes
            if routes:
                route_leaks, route_probes = self._probe_routes(user, customer, routes)
                leaks += [f"[{customer.name}] {leak}" for leak in route_leaks]
                probes += route_probes
        _logger.info(
            "portal probe %s: %s leak(s) in %s probes over %s models, %s routes, %s customers",
            self.probe_addon,
            len(leaks),
            probes,
            len(models),
            len(routes),
            len(customers),
        )
        self.assertFalse(leaks, f"{len(leaks)} leak(s) in {probes} probes:\n" + "\n".join(leaks))
        self.assertGreaterEqual(probes, self.probe_minimum)
        return probes

    def _probe_xmlrpc(self, user, customer, models):
        """The same reads, from outside: over a real XML-RPC socket."""
        leaks, probes = [], 0
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, user.login, user.login, {})
        self.assertTrue(uid, "the portal user logs in over XML-RPC")

        def call(model, method, args, kwargs=None):
            return self.xmlrpc_object.execute_kw(
                db, uid, user.login, model, method, args, kwargs or {}
            )

        self.env.flush_all()
        for name in models:
            sudo = self.env[name].sudo().with_context(active_test=False)
            allowed = portal_fields(sudo)
            own = self.env[name].with_user(user).with_context(active_test=False)
            try:
                own_ids = set(own.search([]).ids)
            except AccessError:
                own_ids = set()
            probes += 1
            try:
                rows = call(name, "search_read", [[]], {"context": {"active_test": False}})
            except xmlrpc.client.Fault:
                rows = []
            for row in rows:
                if row["id"] not in own_ids:
                    leaks.append(f"{name}({row['id']}) over XML-RPC search_read")
                leaks += [
                    f"{name}.{f} over XML-RPC search_read" for f in sorted(set(row) - allowed)
                ]
            others = (sudo.search([]) - sudo.browse(own_ids))[:5]
            if others:
                probes += 1
                try:
                    rows = call(name, "read", [others.ids, ["display_name"]])
                except xmlrpc.client.Fault:
                    rows = []
                leaks += [f"{name}({row['id']}) over XML-RPC read" for row in rows]
            if own_ids:
                internal = [
                    f
                    for f, field in sudo._fields.items()
                    if f not in allowed
                    and field.store
                    and field.type not in ("one2many", "many2many", "binary")
                ][:3]
                for field_name in internal:
                    probes += 1
                    ids = sorted(own_ids)[:5]
                    if not refused(
                        lambda f=field_name, ids=ids, m=name: call(m, "read", [ids, [f]]),
                        (xmlrpc.client.Fault,),
                    ):
                        leaks.append(f"{name}.{field_name} over XML-RPC read")
        return leaks, probes

    def _probe_routes(self, user, customer, routes):
        """Every ``/my`` route, on the customer's own records and the others'."""
        leaks, probes = [], 0
        self.env.flush_all()
        self.authenticate(user.login, user.login)
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        csrf = CSRF.search(home.text)
        for url, methods, function in routes:
            params = re.findall(r"<(?:\w+:)?(\w+)>", url)
            if not params or params == ["page"]:
                if "GET" not in methods:
                    continue
                path = url.replace("<int:page>", "1")
                probes += 1
                page = self.url_open(path)
                if page.status_code != 200:
                    leaks.append(f"GET {path}: HTTP {page.status_code}")
                    continue
                leaks += self._foreign_names(page.text, customer, path)
                continue
            match = DOCUMENT_CALL.search(inspect.getsource(function))
            self.assertTrue(match, f"{url}: cannot tell its model (no _qms_portal_document call)")
            model = match.group(1)
            sudo = self.env[model].sudo().with_context(active_test=False)
            readable = set(
                self.env[model].with_user(user).with_context(active_test=False).search([]).ids
            )
            for record in self._route_samples(sudo):
                whose = owners(record)
                own = whose is not None and customer in whose
                path = re.sub(r"<(?:\w+:)?\w+>", str(record.id), url)
                probes += 1
                if "GET" in methods:
                    page = self.url_open(path)
                    if not own or record.id not in readable:
                        if page.status_code != 404:
                            leaks.append(
                                f"GET {path} ({model} of {whose and whose.mapped('name')}, "
                                f"state {record['state'] if 'state' in record else '-'}): "
                                f"HTTP {page.status_code}"
                            )
                        continue
                    if page.status_code != 200:
                        leaks.append(
                            f"{model}({record.id}) is readable over RPC but GET {path} answers "
                            f"HTTP {page.status_code} (an internal record the rules let through?)"
                        )
                        continue
                    leaks += self._internal_texts(page.text, record, path)
                elif not own:
                    before = record.write_date
                    data = {"csrf_token": csrf.group(1)} if csrf else {}
                    answer = self.url_open(path, data=data, allow_redirects=False)
                    record.invalidate_recordset()
                    if answer.status_code != 404 or record.write_date != before:
                        leaks.append(f"POST {path} (another's): HTTP {answer.status_code}")
        self.logout()
        return leaks, probes

    def _route_samples(self, sudo):
        """Up to two records of the model per (owner, state)."""
        seen, picked = {}, sudo.browse()
        for record in sudo.search([], order="id desc", limit=500):
            whose = owners(record)
            key = (whose.ids[:1] if whose else None, record["state"] if "state" in record else None)
            key = (tuple(key[0]) if key[0] else None, key[1])
            if seen.get(key, 0) < 2:
                seen[key] = seen.get(key, 0) + 1
                picked |= record
        return picked

    def _foreign_names(self, text, customer, path):
        """Numbers of other customers' records printed on a list page."""
        leaks = []
        for name in addon_models(self.env, self.probe_addon):
            sudo = self.env[name].sudo().with_context(active_test=False)
            if "name" not in sudo._fields or sudo._fields["name"].type != "char":
                continue
            if not getattr(sudo, "_qms_portal_fields", ()) or "partner_id" not in sudo._fields:
                continue
            for record in sudo.search([], order="id desc", limit=300):
                whose = owners(record)
                if whose is None or customer in whose:
                    continue
                if record.name and len(record.name) >= 6 and record.name in text:
                    leaks.append(f"GET {path} shows {name} {record.name} of {whose.mapped('name')}")
        return leaks

    def _internal_texts(self, text, record, path):
        """Internal texts of the customer's own record printed on its page."""
        allowed = portal_fields(record)
        shown = {
            str(record[f])
            for f in allowed
            if f in record._fields and record._fields[f].type in ("char", "text", "html")
        }
        leaks = []
        for name, field in record._fields.items():
            if name in allowed or field.type not in ("char", "text") or field.related:
                continue
            value = (record[name] or "").strip()
            if len(value) >= MIN_TEXT and value not in shown and value in text:
                leaks.append(
                    f"GET {path} prints the internal {record._name}.{name}: {value[:40]!r}"
                )
        return leaks
