from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsSourceMixin(models.AbstractModel):
    """A QMS record about another document (its source): a corrective action
    of a complaint, a callback after a delivery…"""

    _name = "qms.source.mixin"
    _description = "QMS Record of a Source Document"

    res_model = fields.Char("Source model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        "Source record", model_field="res_model", readonly=True, index=True
    )
    source_name = fields.Char("Source", compute="_compute_source_name")

    @api.depends("res_model", "res_id")
    def _compute_source_name(self):
        for model, records in self.grouped("res_model").items():
            sources = records._sources_of(model)
            names = {source.id: source.display_name for source in sources}
            for record in records:
                record.source_name = names.get(record.res_id, False)

    @api.constrains("res_model")
    def _check_res_model(self):
        for record in self:
            if record.res_model and record.res_model not in self.env:
                raise ValidationError(
                    self.env._("Unknown source model “%(model)s”.", model=record.res_model)
                )

    def action_open_source(self):
        self.ensure_one()
        source = self._source()
        # True when the source is gone: over RPC an action answers, never None/False.
        return source._get_records_action() if source else True

    def _sources_of(self, model):
        """The existing source documents of ``self`` (all of ``model``)."""
        if not model or model not in self.env:
            return self.env["res.partner"].browse()
        return self.env[model].browse(self.mapped("res_id")).exists()

    def _source(self):
        self.ensure_one()
        sources = self._sources_of(self.res_model)
        return sources[:1] or None

    def _notify_sources(self, hook, *args):
        """Call ``hook(records, *args)`` on each existing source that has it,
        with the records of ``self`` that belong to it."""
        for model, records in self.grouped("res_model").items():
            for source in records._sources_of(model):
                if hasattr(source, hook):
                    mine = records.filtered(lambda r, s=source: r.res_id == s.id)
                    getattr(source, hook)(mine, *args)
