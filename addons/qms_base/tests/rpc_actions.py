"""Every public ``action_*`` method of the QMS addons, called over XML-RPC.

Discovery is generic: every method named ``action_*`` first defined by a
class of a ``qms_*`` addon, on any concrete model (``qms.*`` models and the
models we extend, e.g. ``res.partner.action_open_qms_quality``). Each one
needs a fixture: a factory, registered by the addon in
``<addon>/tests/rpc_factories.py``, that prepares records on which the action
succeeds. A method without a factory fails the test with the line to add, so
a new addon or a new action is never skipped silently.

A factory receives the test case and returns the records (or
``(records, args)``, or ``(records, args, kwargs)``) to call the method on::

    from odoo.addons.qms_base.tests.rpc_actions import factory

    @factory("qms.capa", "action_done")
    def capa_done(case):
        capa = case.env["qms.capa"].create({...})
        capa.result = "Gauge installed."
        return capa

``@factory("qms.capa")`` (no method) serves every action of the model that
has no factory of its own.
"""

import importlib
import inspect

FACTORIES = {}


def factory(model, *methods):
    """Register the decorated function as the fixture of ``model``'s
    ``methods`` (of all its actions when none is given)."""

    def register(func):
        for method in methods or (None,):
            FACTORIES[(model, method)] = func
        return func

    return register


def load_factories(env):
    """Import ``tests/rpc_factories.py`` of every installed QMS addon."""
    modules = env["ir.module.module"].search(
        [("state", "=", "installed"), ("name", "=like", "qms\\_%")]
    )
    for name in modules.mapped("name"):
        try:
            importlib.import_module(f"odoo.addons.{name}.tests.rpc_factories")
        except ModuleNotFoundError as error:
            if error.name not in (
                f"odoo.addons.{name}.tests",
                f"odoo.addons.{name}.tests.rpc_factories",
            ):
                raise


def _first_definer(cls, attr):
    return next(klass for klass in reversed(cls.__mro__) if attr in vars(klass))


def public_actions(env):
    """``[(model, method, module)]``: the public actions our addons define."""
    found = []
    for model_name in sorted(env.registry):
        cls = env.registry[model_name]
        if cls._abstract:
            continue
        for attr in sorted(dir(cls)):
            if not attr.startswith("action_") or not inspect.isfunction(getattr(cls, attr, None)):
                continue
            module = _first_definer(cls, attr).__module__
            if module.startswith("odoo.addons.qms_") and ".tests." not in module:
                found.append((model_name, attr, module.split(".")[2]))
    return found


def prepare_call(case, model, method):
    """``(ids, args, kwargs)`` from the registered factory, or None."""
    make = FACTORIES.get((model, method)) or FACTORIES.get((model, None))
    if not make:
        return None
    result = make(case)
    if not isinstance(result, tuple):
        result = (result,)
    records = result[0]
    args = result[1] if len(result) > 1 else ()
    kwargs = result[2] if len(result) > 2 else {}
    return records.ids, list(args), dict(kwargs)


def is_answer(result):
    """What an action may answer over RPC: True or an action dict."""
    return result is True or (isinstance(result, dict) and bool(result.get("type")))
