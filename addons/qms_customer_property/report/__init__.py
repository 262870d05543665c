from . import qms_property_ledger_xlsx
