from . import qms_property_loan_wizard
