from odoo import fields, models

from odoo.addons.qms_base.tools.xlsx import Column


class ReportQmsSupplierSampleListXlsx(models.AbstractModel):
    """供应商样品清单 (004 5.3.1 d): the supplier samples and their confirmation."""

    _name = "report.qms_sample.supplier_sample_list_xlsx"
    _inherit = "report.qms_base.xlsx"
    _description = "Supplier Sample List (XLSX)"

    def _fill_workbook(self, book, data, samples):
        now = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        samples = samples.filtered(lambda s: s.category == "supplier")
        companies = samples.company_id or self.env.company
        book.add_table(
            self.env._("Supplier samples"),
            self.env._("Supplier sample list"),
            [
                ", ".join(companies.mapped("name")),
                self.env._(
                    "%(count)s samples, printed on %(date)s by %(user)s",
                    count=len(samples),
                    date=now.strftime("%Y-%m-%d %H:%M"),
                    user=self.env.user.name,
                ),
            ],
            self._columns(),
            [self._row(sample) for sample in samples],
        )

    def _columns(self):
        return [
            Column(self.env._("Number"), "name", width=15),
            Column(self.env._("Supplier"), "supplier", width=26),
            Column(self.env._("Material"), "material", width=26),
            Column(self.env._("Material number"), "code", width=16),
            Column(self.env._("Why"), "trigger", width=16),
            Column(self.env._("Received on"), "date", "datetime", 16),
            Column(self.env._("Pieces tested"), "qty", "float", 10),
            Column(self.env._("Inspection"), "inspection", width=12),
            Column(self.env._("Production trial"), "trial", width=12),
            Column(self.env._("Engineering change notice"), "ecn", width=18),
            Column(self.env._("Status"), "state", width=14),
            Column(self.env._("Confirmed on"), "date_accepted", "datetime", 16),
            Column(self.env._("Valid HSF report"), "hsf", width=20),
            Column(self.env._("Confirmation sheet sent on"), "date_sent", "datetime", 16),
            Column(self.env._("Original to"), "original_to", width=22),
            Column(self.env._("Copies to (purchasing, QA)"), "copies_to", width=26),
        ]

    def _row(self, sample):
        sample_sudo = sample.sudo()
        selection = {
            name: dict(sample._fields[name]._description_selection(self.env))
            for name in ("supplier_trigger", "trial_result", "state", "qms_inspection_result")
        }
        hsf = self.env["qms.hsf.report"]._valid_for(
            sample.partner_id, sample.product_id, sample.company_id
        )
        return {
            "name": sample.name,
            "supplier": sample.partner_id.display_name or "",
            "material": sample.product_id.display_name or "",
            "code": sample.product_id.default_code or "",
            "trigger": selection["supplier_trigger"].get(sample_sudo.supplier_trigger, ""),
            "date": self._local_datetime(sample.date_requested),
            "qty": sample.qty_tested or sample.quantity,
            "inspection": selection["qms_inspection_result"].get(
                sample_sudo.qms_inspection_result, ""
            ),
            "trial": selection["trial_result"].get(sample_sudo.trial_result, ""),
            "ecn": sample_sudo.ecn_reference or "",
            "state": selection["state"].get(sample.state, ""),
            "date_accepted": self._local_datetime(sample.date_accepted),
            "hsf": hsf[sample.product_id.id].report_number if sample.product_id.id in hsf else "",
            "date_sent": self._local_datetime(sample_sudo.date_confirmation_sent),
            "original_to": ", ".join(
                sample_sudo.confirmation_original_partner_ids.mapped("display_name")
            ),
            "copies_to": ", ".join(
                (
                    sample_sudo.confirmation_purchase_copy_id | sample_sudo.confirmation_qa_copy_id
                ).mapped("name")
            ),
        }
