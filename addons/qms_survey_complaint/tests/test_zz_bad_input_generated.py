# Generated bad input for every stored field of every QMS model (issue 13).
# It runs last of the addon tests (this addon sorts last, the file is test_zz_):
# with every addon installed, the tests collected after it in the same process
# failed in their set-up - a side effect of the generated writes on the shared
# registry, not found yet (left open in issue 13).
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.qms_base.tests.rpc_actions import FACTORIES, load_factories

# Values no QMS field may take, per field type (the issue's own findings first).
NOT_A_NUMBER = st.sampled_from(
    [float("nan"), float("inf"), float("-inf"), "1e999", "abc", [1, 2], {"id": 1}]
)
NOT_A_RECORD = st.one_of(
    st.sampled_from(["abc", 1.5, [1, 2], {"id": 1}, -1, 2**40]),
    st.text(min_size=1, max_size=8),
)
NOT_A_DATE = st.one_of(
    st.sampled_from(["9999-12-31", "0001-01-01", "2026-13-45", "abc", 20261301]),
    st.text(alphabet="0123456789-:/ ", min_size=1, max_size=12).filter(
        lambda text: not text.strip() or text.strip()[:4] not in [str(y) for y in range(1900, 3000)]
    ),
)
BLANK = st.text(alphabet=" \t\n\u3000", min_size=1, max_size=4)
# Fields set by the ORM itself, or pointing anywhere by design.
SKIPPED = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}


BY_TYPE = {
    "float": NOT_A_NUMBER,
    "monetary": NOT_A_NUMBER,
    "integer": st.one_of(NOT_A_NUMBER, st.sampled_from([1.5, 2**40])),
    "many2one": NOT_A_RECORD,
    "date": NOT_A_DATE,
    "datetime": NOT_A_DATE,
}


def garbage(field, env):
    """A strategy of values ``field`` must refuse, or None to leave it alone."""
    if field.type in BY_TYPE:
        return BY_TYPE[field.type]
    if field.type == "selection":
        keys = {key for key, _label in field._description_selection(env)}
        return st.text(min_size=1, max_size=8).filter(lambda value: value not in keys)
    if field.type in ("char", "text") and field.required:
        return BLANK
    return None


@tagged("post_install", "-at_install")
class TestGeneratedBadInput(TransactionCase):
    """Generated bad input on every stored field of every QMS model: each write
    is refused with a clear error (UserError, ValidationError, AccessError),
    never an internal error, and leaves the record and the row counts as they were."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_factories(cls.env)
        cls.targets = {}
        for name in sorted(cls.env.registry):
            model = cls.env[name]
            if not name.startswith("qms.") or model._abstract:
                continue
            record = cls._target(name)
            fields_ = [
                field
                for field in model._fields.values()
                if field.store
                and not field.compute
                and not field.related
                and field.name not in SKIPPED
                and garbage(field, cls.env) is not None
            ]
            cls.targets[name] = (record, fields_)

    @classmethod
    def _target(cls, name):
        record = cls.env[name].with_context(active_test=False).search([], limit=1)
        if record:
            return record
        make = next((f for (model, _m), f in FACTORIES.items() if model == name), None)
        if make is None:
            return None
        result = make(cls)
        return (result[0] if isinstance(result, tuple) else result)[:1]

    def test_every_model_has_a_record_to_probe(self):
        missing = [name for name, (record, _f) in self.targets.items() if not record]
        self.assertFalse(
            missing,
            "No record to write bad input on; register a factory (qms_base/tests/rpc_actions.py)"
            f" for: {', '.join(missing)}",
        )

    @settings(
        max_examples=2,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        database=None,
    )
    @given(data=st.data())
    def test_bad_values_are_refused_cleanly(self, data):
        internal, accepted = [], []
        for name, (record, fields_) in self.targets.items():
            if not record:
                continue
            for field in fields_:
                value = data.draw(garbage(field, self.env), label=f"{name}.{field.name}")
                problem = self._write(record.sudo(), field, value)
                if problem == "accepted":
                    accepted.append(f"{name}.{field.name} = {value!r}")
                elif problem:
                    internal.append(f"{name}.{field.name} = {value!r}: {problem}")
        self.assertFalse(internal, "Internal errors:\n" + "\n".join(internal))
        self.assertFalse(accepted, "Garbage accepted:\n" + "\n".join(accepted))

    def _write(self, record, field, value):
        """None when refused cleanly; "accepted" or the internal error otherwise."""
        Model = record.with_context(active_test=False)
        before_count = Model.search_count([])
        before = record.read([field.name])[0][field.name]
        try:
            with self.env.cr.savepoint():
                record.write({field.name: value})
                record.flush_recordset()
        except UserError:
            self.env.invalidate_all()
            if Model.search_count([]) != before_count:
                return "a refused write changed the row count"
            after = record.read([field.name])[0][field.name]
            same = after == before or (
                isinstance(after, float)
                and isinstance(before, float)
                and math.isclose(after, before)
            )
            return None if same else "a refused write changed the record"
        except Exception as error:
            self.env.invalidate_all()
            return f"{type(error).__name__}: {str(error)[:200]}"
        return "accepted"
