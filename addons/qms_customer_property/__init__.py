from . import controllers
from . import models
from . import report
from . import wizard

# Our own transfers (deliveries, internal moves, manufacturing, repairs) reserve
# only stock without an owner: customer-owned quants are never taken for them.
OWN_OPERATION_CODES = ("outgoing", "internal", "mrp_operation", "repair_operation")


def post_init_hook(env):
    env["stock.picking.type"].with_context(active_test=False).search(
        [
            ("code", "in", OWN_OPERATION_CODES),
            ("owner_restriction", "in", (False, "standard_behavior")),
            ("qms_property_role", "=", False),
        ]
    ).write({"owner_restriction": "unassigned_owner"})


def uninstall_hook(env):
    env["stock.picking.type"].with_context(active_test=False).search(
        [("owner_restriction", "=", "unassigned_owner")]
    ).write({"owner_restriction": "standard_behavior"})
