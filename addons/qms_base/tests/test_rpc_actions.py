import logging
import xmlrpc.client

from odoo.tests import HttpCase, tagged

from .rpc_actions import is_answer, load_factories, prepare_call, public_actions

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestRpcActions(HttpCase):
    """An integrator calls every public action of every QMS model over a real
    XML-RPC socket: each answers True or an action dict (never None, which
    XML-RPC cannot send: the caller would get a Fault although the action ran)."""

    def test_every_public_action_answers_over_xmlrpc(self):
        load_factories(self.env)
        actions = public_actions(self.env)
        self.assertGreater(len(actions), 0)
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, "admin", "admin", {})
        self.assertTrue(uid, "admin / admin logs in over XML-RPC")
        missing, wrong = [], []
        for model, method, module in actions:
            try:
                with self.env.cr.savepoint():
                    call = prepare_call(self, model, method)
            except Exception as error:
                wrong.append(f"{model}.{method}: its fixture failed: {error!r}"[:400])
                continue
            if call is None:
                missing.append(
                    f"{model}.{method} ({module}): register a fixture in "
                    f"{module}/tests/rpc_factories.py with @factory({model!r}, {method!r})"
                )
                continue
            ids, args, kwargs = call
            self.env.flush_all()
            try:
                result = self.xmlrpc_object.execute_kw(
                    self.env.cr.dbname, uid, "admin", model, method, [ids, *args], kwargs
                )
            except xmlrpc.client.Fault as fault:
                wrong.append(f"{model}.{method}: {fault.faultString.strip().splitlines()[-1]}")
                continue
            finally:
                self.env.invalidate_all()
            if not is_answer(result):
                wrong.append(f"{model}.{method} answered {result!r}")
        _logger.info("XML-RPC: %s public actions called, %s wrong", len(actions), len(wrong))
        self.assertFalse(missing, "Actions without an RPC fixture:\n" + "\n".join(missing))
        self.assertFalse(wrong, "Actions that did not answer over XML-RPC:\n" + "\n".join(wrong))
