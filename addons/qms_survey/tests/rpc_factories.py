"""Fixtures of qms_survey's actions for the XML-RPC test (qms_base/tests/rpc_actions.py)."""

from datetime import timedelta

from odoo import Command, fields

from odoo.addons.qms_base.tests.rpc_actions import factory
from odoo.addons.qms_base.tests.rpc_factories import callback_kind, customer


def admin(case):
    return case.env.ref("base.user_admin")


def questionnaire(case):
    module = case.env.ref("qms_survey.module_overall")
    survey = case.env["survey.survey"].create(
        {
            "title": "RPC questionnaire",
            "access_mode": "token",
            "scoring_type": "scoring_without_answers",
        }
    )
    case.env["survey.question"].create(
        {
            "survey_id": survey.id,
            "title": "Overall",
            "question_type": "simple_choice",
            "qms_module_id": module.id,
            "suggested_answer_ids": [
                Command.create({"value": "Good", "answer_score": 10}),
                Command.create({"value": "Bad", "answer_score": 2}),
            ],
        }
    )
    return survey, module


def contact(case):
    company = customer(case)
    return case.env["res.partner"].create(
        {"name": "RPC Contact", "parent_id": company.id, "email": "rpc.contact@example.com"}
    )


def campaign(case, **values):
    survey, module = questionnaire(case)
    return case.env["qms.survey.campaign"].create(
        {
            "title": "RPC campaign",
            "survey_id": survey.id,
            "user_id": admin(case).id,
            "weight_ids": [Command.create({"module_id": module.id, "weight": 100})],
            "invitation_ids": [Command.create({"contact_id": contact(case).id})],
            **values,
        }
    )


def sent_campaign(case):
    record = campaign(case)
    record.action_send()
    return record


@factory("qms.survey.campaign")
def draft_campaign(case):
    return campaign(case)


@factory(
    "qms.survey.campaign",
    "action_close",
    "action_compute_scores",
    "action_create_improvement_report",
    "action_review_campaign",
)
def out(case):
    record = sent_campaign(case)
    record.return_target = 0
    return record


@factory("qms.survey.campaign", "action_reset_draft")
def cancelled_campaign(case):
    record = campaign(case)
    record.action_cancel()
    return record


@factory("qms.survey.invitation", "action_confirm_receipt", "action_open_answer")
def sent_invitation(case):
    return sent_campaign(case).invitation_ids


@factory("qms.survey.invitation", "action_send")
def added_invitation(case):
    record = sent_campaign(case)
    record.write({"invitation_ids": [Command.create({"contact_id": contact(case).id})]})
    return record.invitation_ids.filtered(lambda i: i.state == "draft")


def plan(case):
    survey, module = questionnaire(case)
    return case.env["qms.survey.plan"].create(
        {
            "title": "RPC plan",
            "year": fields.Date.today().year + 1,
            "survey_id": survey.id,
            "partner_ids": [Command.link(contact(case).parent_id.id)],
            "weight_ids": [Command.create({"module_id": module.id, "weight": 100})],
        }
    )


def approved_plan(case):
    record = plan(case)
    record.action_submit()
    admin(case).groups_id = [
        Command.link(case.env.ref("qms_base.group_qms_management_representative").id)
    ]
    record.with_user(admin(case)).action_approve()
    return record


@factory("qms.survey.plan")
def draft_plan(case):
    return plan(case)


@factory("qms.survey.plan", "action_approve")
def submitted_plan(case):
    record = plan(case)
    record.action_submit()
    admin(case).groups_id = [
        Command.link(case.env.ref("qms_base.group_qms_management_representative").id)
    ]
    return record


@factory("qms.survey.plan", "action_done", "action_generate_campaigns", "action_reset_draft")
def plan_approved(case):
    return approved_plan(case)


def visit(case, **values):
    person = contact(case)
    return case.env["qms.survey.visit"].create(
        {
            "partner_id": person.parent_id.id,
            "contact_id": person.id,
            "purpose": "Quarterly review",
            "date_planned": fields.Datetime.now() - timedelta(hours=2),
            "conclusions": "<p>Pleased with the new packaging.</p>",
            **values,
        }
    )


@factory("qms.survey.visit")
def planned_visit(case):
    return visit(case)


@factory("qms.survey.visit", "action_reset")
def cancelled_visit(case):
    record = visit(case)
    record.action_cancel()
    return record


@factory("qms.capa", "action_survey_verify_from_next_campaign")
def survey_capa(case):
    """A low total in one campaign, the same customer scored higher in the next."""
    # sending keeps an earlier send date: the first campaign is an hour older
    first = campaign(case, date_send=fields.Datetime.now() - timedelta(hours=1))
    first.action_send()
    invitation = first.invitation_ids
    answer = invitation.user_input_id
    bad = first.survey_id.question_ids.suggested_answer_ids.filtered(lambda a: a.value == "Bad")
    answer._save_lines(first.survey_id.question_ids, bad.id)
    answer._mark_done()
    capa = first.qms_capa_ids.filtered(lambda c: c.survey_kind == "low_total")
    # verified by someone else than its owner
    capa.write({"result": "Called the customer.", "user_id": case.env.ref("base.user_root").id})
    capa.action_done()
    second = first.copy({"date_send": fields.Datetime.now(), "title": "RPC next"})
    second.write({"invitation_ids": [Command.create({"contact_id": invitation.contact_id.id})]})
    second.action_send()
    again = second.invitation_ids.user_input_id
    good = second.survey_id.question_ids.suggested_answer_ids.filtered(lambda a: a.value == "Good")
    again._save_lines(second.survey_id.question_ids, good.id)
    again._mark_done()
    return capa


@factory("qms.callback", "action_start_survey")
def callback_with_survey(case):
    survey, _module = questionnaire(case)
    case.env.company.qms_survey_callback_survey_id = survey
    person = contact(case)
    return case.env["qms.callback"].create(
        {
            "kind_id": callback_kind(case).id,
            "partner_id": person.parent_id.id,
            "contact_id": person.id,
            "res_model": "res.partner",
            "res_id": person.parent_id.id,
            "date_start": fields.Datetime.now(),
            "user_id": admin(case).id,
        }
    )


@factory("sale.order")
def project_order(case):
    survey, _module = questionnaire(case)
    case.env.company.qms_survey_project_survey_id = survey
    return case.env["sale.order"].create({"partner_id": contact(case).parent_id.id})


@factory("stock.picking")
def delivery(case):
    picking_type = case.env["stock.picking.type"].search(
        [("code", "=", "outgoing"), ("company_id", "=", case.env.company.id)], limit=1
    )
    return case.env["stock.picking"].create(
        {
            "picking_type_id": picking_type.id,
            "partner_id": contact(case).id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": case.env.ref("stock.stock_location_customers").id,
        }
    )


@factory("qms.survey.visit", "action_send_notice")
def factory_visit(case):
    """客户访厂: the customer visits us."""
    return visit(case, visit_type="factory", attendee_ids=[(6, 0, admin(case).ids)])


@factory("qms.survey.score")
def module_score(case):
    """The module scores of a returned questionnaire."""
    record = sent_campaign(case)
    answer = record.invitation_ids.user_input_id
    good = record.survey_id.question_ids.suggested_answer_ids.filtered(lambda a: a.value == "Good")
    answer._save_lines(record.survey_id.question_ids, good.id)
    answer._mark_done()
    return record.invitation_ids.score_ids
