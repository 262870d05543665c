import re
from collections import defaultdict
from difflib import SequenceMatcher

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from .qms_service_request import OPEN_STATES

SPACES = re.compile(r"\s+")
# Characters compared: the start of a problem says what it is, and the
# comparison stays cheap for a long pasted log.
TEXT_LIMIT = 600
# Open requests of one customer compared with a new one, the most recent
# first: a technical bound that keeps a bulk import linear.
MAX_CANDIDATES = 200
# The states a request can be marked a duplicate from (no result recorded yet).
DUPLICATE_FROM_STATES = ("new", "accepted", "in_progress")


def problem_text(request):
    """The subject and the problem of a request, as comparable plain text."""
    text = f"{request.title or ''} {html2plaintext(request.problem or '')}"
    return SPACES.sub(" ", text).strip().lower()[:TEXT_LIMIT]


def similarity(first, second, threshold=0.0):
    """0–1: how alike two problem texts are (character-wise, so that Chinese
    text without spaces compares as well as English). The cheap upper bounds
    come first: below ``threshold`` the exact ratio is not needed."""
    if not first or not second:
        return 0.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        value = bound()
        if value < threshold:
            return value
    return matcher.ratio()


def same_equipment(first, second):
    """The same product and serial number as far as both name them."""
    return all(
        not first[name] or not second[name] or first[name].id == second[name].id
        for name in ("product_id", "lot_id")
    )


class QmsServiceRequest(models.Model):
    """One record per problem (002 POIS): a new request is compared with the
    open requests of the same customer for the same equipment; a possible
    duplicate is shown, never refused (a portal customer cannot know), and
    marking it a duplicate closes it with a link to the request kept."""

    _inherit = "qms.service.request"  # pylint: disable=consider-merging-classes-inherited

    duplicate_ids = fields.Many2many(
        "qms.service.request",
        string="Possible duplicates",
        compute="_compute_duplicate_ids",
        search="_search_duplicate_ids",
        groups="qms_base.group_qms_user",
        help="Open requests of the same customer for the same equipment (serial number, "
        "else product; any, when one of the two names none) with a similar problem.",
    )
    duplicate_count = fields.Integer(
        "Possible duplicate count",
        compute="_compute_duplicate_ids",
        groups="qms_base.group_qms_user",
    )
    duplicate_of_id = fields.Many2one(
        "qms.service.request",
        string="Duplicate of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="This request was closed as a duplicate: the work goes on in that one.",
    )
    merged_duplicate_ids = fields.One2many(
        "qms.service.request", "duplicate_of_id", string="Duplicates merged in"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends(
        "commercial_partner_id",
        "product_id",
        "lot_id",
        "title",
        "problem",
        "state",
        "company_id",
    )
    def _compute_duplicate_ids(self):
        found = self._find_duplicates()
        for request in self:
            duplicates = found.get(request.id, self.browse())
            request.duplicate_ids = duplicates
            request.duplicate_count = len(duplicates)

    def _search_duplicate_ids(self, operator, value):
        """Only "has possible duplicates" (``!= False``) and its negation."""
        if operator not in ("=", "!=") or value is not False:
            raise UserError(self.env._("Unsupported search on possible duplicates."))
        candidates = self.sudo().search(self._duplicate_domain(self.browse()))
        found = candidates._find_duplicates()
        ids = [request_id for request_id, duplicates in found.items() if duplicates]
        return [("id", "in" if operator == "!=" else "not in", ids)]

    # ------------------------------------------------------------------
    # Detection: one search for the whole batch
    # ------------------------------------------------------------------
    @api.model
    def _duplicate_domain(self, requests):
        """Open requests that may be duplicates of ``requests`` (all open
        requests when empty)."""
        domain = [("state", "in", OPEN_STATES)]
        if requests:
            domain += [
                ("commercial_partner_id", "in", requests.commercial_partner_id.ids),
                ("company_id", "in", requests.company_id.ids),
            ]
            if all(request.product_id for request in requests):
                # a request without equipment (e.g. by mail) is compared with any
                domain += [("product_id", "in", [*requests.product_id.ids, False])]
        return domain

    def _find_duplicates(self):
        """{request id: the open requests it may duplicate}.

        Same customer (commercial partner) and company; the same product, or
        one of the two without a product (a mail rarely names the equipment);
        the same serial number when both have one; a problem at least as
        similar as the company's threshold. One search for all of ``self``."""
        result = defaultdict(self.browse)
        subjects = self.filtered(
            lambda r: r.id and r.commercial_partner_id and r.state != "cancelled"
        )
        if not subjects:
            return result
        candidates = self.sudo().search(
            self._duplicate_domain(subjects), order="date_received desc, id desc"
        )
        groups = defaultdict(list)
        texts = {}
        for candidate in candidates | subjects.sudo():
            groups[(candidate.company_id.id, candidate.commercial_partner_id.id)].append(candidate)
            texts[candidate.id] = problem_text(candidate)
        for request in subjects:
            threshold = request.company_id.qms_service_duplicate_similarity / 100
            compared = 0
            for other in groups[(request.company_id.id, request.commercial_partner_id.id)]:
                if other.id == request.id or other.state not in OPEN_STATES:
                    continue
                if not same_equipment(request, other):
                    continue
                compared += 1
                if compared > MAX_CANDIDATES:
                    break
                if similarity(texts[request.id], texts[other.id], threshold) >= threshold:
                    result[request.id] |= self.browse(other.id)
        return result

    def _note_duplicates(self):
        """Tell the team on a new request that it may repeat an open one."""
        found = self._find_duplicates()
        for request in self:
            duplicates = found.get(request.id)
            if duplicates:
                request._message_log(
                    body=self.env._(
                        "Possible duplicate of %(requests)s: same customer and equipment, "
                        "similar problem. One record per problem: check before working on it.",
                        requests=Markup(", ").join(d._get_html_link() for d in duplicates),
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_mark_duplicate(self, original_id):
        """Close these requests as duplicates of ``original_id`` (the request
        kept): their files and followers move to it, both sides are told."""
        self._qms_ensure_state(*DUPLICATE_FROM_STATES)
        original = self.browse(original_id).exists() if original_id else self.browse()
        if not original:
            raise UserError(self.env._("Choose the request to keep."))
        original.ensure_one()
        for request in self:
            if request == original:
                raise UserError(
                    self.env._("%(number)s cannot be a duplicate of itself.", number=request.name)
                )
            if (
                request.commercial_partner_id != original.commercial_partner_id
                or request.company_id != original.company_id
            ):
                raise UserError(
                    self.env._(
                        "%(number)s and %(original)s are not of the same customer: "
                        "they are different problems.",
                        number=request.name,
                        original=original.name,
                    )
                )
        if original.state not in OPEN_STATES or original.duplicate_of_id:
            raise UserError(
                self.env._("%(original)s is closed: keep an open request.", original=original.name)
            )
        for request in self:
            request._qms_workflow_write({"state": "cancelled", "duplicate_of_id": original.id})
            request._qms_deadline_cancel()
            request._move_to_original(original)
        return True

    def _move_to_original(self, original):
        """The duplicate's files (copied, its own chatter keeps them) and
        followers go to the request kept; a message on both links them."""
        self.ensure_one()
        Attachment = self.env["ir.attachment"].sudo()
        own = Attachment.search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        customer_files = Attachment.browse()
        for attachment in own | self.sudo().attachment_ids:
            copy = attachment.copy({"res_model": original._name, "res_id": original.id})
            if attachment in self.sudo().attachment_ids:
                customer_files |= copy
        if customer_files:
            original.sudo().attachment_ids = [fields.Command.link(a.id) for a in customer_files]
        partners = self.message_partner_ids - original.message_partner_ids
        if partners:
            original.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self.env._(
                "Closed as a duplicate of %(original)s: the work goes on there.",
                original=original._get_html_link(),
            ),
            subtype_xmlid="mail.mt_comment",
        )
        original.message_post(
            body=self.env._(
                "%(duplicate)s was closed as a duplicate of this request: its files "
                "(%(count)s) and followers are here now.",
                duplicate=self._get_html_link(),
                count=len(own | self.sudo().attachment_ids),
            )
        )
