from . import qms_service_kpi_xlsx
