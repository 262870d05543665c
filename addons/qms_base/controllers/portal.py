"""What every QMS portal page shares: the counter of a /my card, the sorted,
filtered and paged list of the records the portal rules let the user read, and
the detail page that hides another customer's record."""

from odoo.exceptions import AccessError, MissingError
from odoo.http import SessionExpiredException, request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# Rows per page of a QMS list (a module constant: CustomerPortal is one merged
# class, and its _items_per_page is every portal list's).
QMS_PAGE_SIZE = 20


class QmsCustomerPortal(CustomerPortal):
    def _qms_portal_count(self, model, domain=None):
        """The /my card's counter. No sudo: the portal record rule limits the count
        to the user's company."""
        Model = request.env[model]
        return Model.search_count(domain or []) if Model.has_access("read") else 0

    def _qms_portal_list(
        self,
        model,
        url,
        *,
        page=1,
        sortby=None,
        filterby=None,
        sortings,
        filters=None,
        base_domain=None,
        history=None,
        page_size=QMS_PAGE_SIZE,
    ):
        """``(records, values)`` of a list page: the records of the chosen filter
        in the chosen order that the user may read (no sudo), one page of them,
        and the layout, pager and search bar values the portal templates read.
        The first sorting and the first filter are the defaults."""
        Model = request.env[model]
        sortby = sortby if sortby in sortings else next(iter(sortings))
        domain = list(base_domain or [])
        url_args = {"sortby": sortby}
        if filters:
            filterby = filterby if filterby in filters else next(iter(filters))
            domain += filters[filterby]["domain"]
            url_args["filterby"] = filterby
        readable = Model.has_access("read")
        pager = portal_pager(
            url=url,
            url_args=url_args,
            total=Model.search_count(domain) if readable else 0,
            page=page,
            step=page_size,
        )
        records = (
            Model.search(
                domain, order=sortings[sortby]["order"], limit=page_size, offset=pager["offset"]
            )
            if readable
            else Model
        )
        if history:
            request.session[history] = records.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "default_url": url,
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        if filters:
            values.update({"searchbar_filters": filters, "filterby": filterby})
        return records, values

    def _qms_portal_document(self, model, record_id, access_token=None):
        """The record, with sudo, when the user may see it. Another customer's
        record is "not found", never "forbidden": its existence is not disclosed.
        A visitor who is not logged in (and has no valid token) logs in first and
        comes back (Odoo's own redirection for an expired session)."""
        try:
            return self._document_check_access(model, record_id, access_token)
        except MissingError:
            raise request.not_found() from None
        except AccessError:
            if request.env.user._is_public():
                raise SessionExpiredException("a QMS portal page needs a login") from None
            raise request.not_found() from None
