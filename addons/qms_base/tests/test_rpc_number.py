import xmlrpc.client
from datetime import date, datetime

from markupsafe import Markup

from odoo import fields
from odoo.tests import HttpCase, tagged

from .rpc_actions import load_factories, prepare_call, public_actions


def rpc_value(value):
    """``value`` as an XML-RPC client sends it."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, datetime):
        return fields.Datetime.to_string(value)
    if isinstance(value, date):
        return fields.Date.to_string(value)
    return value


def number_guarded_models(env):
    """Concrete models numbered by ``qms.sequence.mixin`` whose number is a
    workflow field (it changes only through the record's buttons)."""
    return sorted(
        name
        for name, cls in env.registry.items()
        if not cls._abstract
        and any(getattr(klass, "_name", None) == "qms.sequence.mixin" for klass in cls.__mro__)
        and "name" in getattr(cls, "_qms_workflow_fields", ())
    )


@tagged("post_install", "-at_install")
class TestRpcChosenNumber(HttpCase):
    """An integrator cannot choose the number of a new record over XML-RPC,
    any more than rewrite it later: the number comes from the sequence."""

    def _sample_values(self, model):
        """Create values copied from a record the RPC fixtures make."""
        methods = [method for name, method, _module in public_actions(self.env) if name == model]
        for method in methods:
            with self.env.cr.savepoint():
                call = prepare_call(self, model, method)
            if call:
                record = self.env[model].browse(call[0][:1])
                break
        else:
            self.fail(f"{model}: no RPC fixture makes a record to copy")
        guarded = set(self.env[model]._qms_workflow_fields)
        types = {name: field.type for name, field in self.env[model]._fields.items()}
        vals = {
            name: rpc_value(value)
            for name, value in record.copy_data()[0].items()
            if name not in guarded and types[name] not in ("one2many", "many2many")
        }
        if model == "qms.property.count":
            # one count per customer and period: the copy counts another customer's
            other = self.env["res.partner"].create({"name": "RPC other holder", "is_company": True})
            vals["partner_id"] = other.id
        if model == "qms.loan" and record.state in ("requested", "out"):
            # one pending loan per item: the copy asks for it once this one is settled
            if record.state == "requested":
                record.action_cancel()
            else:
                record.action_return()
        return vals

    def test_number_given_at_create_is_refused(self):
        load_factories(self.env)
        models = number_guarded_models(self.env)
        self.assertIn("qms.complaint", models)
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, "admin", "admin", {})
        for model in models:
            with self.subTest(model=model):
                vals = self._sample_values(model)
                self.env.flush_all()
                with self.assertRaises(xmlrpc.client.Fault) as caught:
                    self.xmlrpc_object.execute_kw(
                        self.env.cr.dbname,
                        uid,
                        "admin",
                        model,
                        "create",
                        [{**vals, "name": "FORGED-0001"}],
                    )
                self.assertIn("change only through its buttons", caught.exception.faultString)
                self.assertFalse(self.env[model].search_count([("name", "=", "FORGED-0001")]))
                # the same values without a number are taken, numbered by the sequence
                new_id = self.xmlrpc_object.execute_kw(
                    self.env.cr.dbname, uid, "admin", model, "create", [vals]
                )
                self.env.invalidate_all()
                self.assertNotIn(self.env[model].browse(new_id).name, ("/", "FORGED-0001", False))
