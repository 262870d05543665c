from . import qms_order_kpi
